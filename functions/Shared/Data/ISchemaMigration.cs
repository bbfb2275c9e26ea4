namespace Covacha.Shared.Data;

/// <summary>
/// One thing an app's store needs before the app serves (SQL scripts, MongoDB indexes). Safe to
/// run again; run by the migration Job (<c>--migrate</c>) and at the app's own start-up.
/// </summary>
public interface ISchemaMigration
{
    /// <summary>What is migrated, for logs: a database or collection name.</summary>
    string Name { get; }

    Task MigrateAsync(CancellationToken cancellationToken);
}
