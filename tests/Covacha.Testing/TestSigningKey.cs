using System.Security.Cryptography;

namespace Covacha.Testing;

/// <summary>A throwaway ES256 key in the PEM form Auth reads from configuration.</summary>
public static class TestSigningKey
{
    public static (string KeyId, string PrivateKeyPem) Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ($"test-{Guid.NewGuid():N}"[..17], key.ExportPkcs8PrivateKeyPem());
    }
}
