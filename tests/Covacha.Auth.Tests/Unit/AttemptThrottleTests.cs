using Covacha.Auth.Data;

namespace Covacha.Auth.Tests.Unit;

public sealed class AttemptThrottleTests
{
    [Fact]
    public void AccountKey_OverlongEmail_HashedToFixedLength()
    {
        var key = AttemptThrottle.AccountKey(new string('a', 70_000));

        Assert.StartsWith("account:sha256:", key, StringComparison.Ordinal);
        Assert.Equal("account:sha256:".Length + 64, key.Length);
        Assert.Equal("account:ana@example.com", AttemptThrottle.AccountKey("ana@example.com"));
    }
}
