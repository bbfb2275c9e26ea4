namespace Covacha.Shared.Pipeline;

/// <summary>
/// The function answers only a signed-in caller in <see cref="Role"/>: 401 without a valid token,
/// 403 with <see cref="Denied"/> for another role. With <see cref="OrServiceKey"/>, a request that
/// carries a service key (<see cref="ServiceKey.Header"/>) is let in instead when the key is valid
/// and answered 401 when it is not.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RequireRoleAttribute(string role) : Attribute
{
    public string Role => role;

    /// <summary>The 403's detail, saying who may do this.</summary>
    public string Denied { get; init; } = "You may not do this.";

    public bool OrServiceKey { get; init; }
}
