namespace Covacha.Shared.Pipeline;

/// <summary>
/// The function answers only a signed-in caller: the request pipeline answers 401 (or 503 when the
/// signing keys cannot be fetched) before the function runs, and the function reads the caller
/// with <see cref="CallerExtensions.Caller"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SignedInAttribute : Attribute;
