namespace Covacha.Shared.Pipeline;

/// <summary>
/// Tells the request pipeline that an exception means a dependency is unreachable or overloaded
/// right now (503 with Retry-After) rather than a bug (500). PostgreSQL, socket and timeout
/// failures are known to the pipeline already; an app registers one of these for anything else
/// (Search's MongoDB store).
/// </summary>
public interface ITransientFailureFilter
{
    bool IsTransient(Exception exception);
}
