using Covacha.Testing;

namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// The apps as built (functions/&lt;App&gt;/bin/&lt;Configuration&gt;/net10.0, what the image's
/// <c>/home/site/wwwroot</c> holds), run as a container command would run them.
/// </summary>
public static class AppBuild
{
    public const string ImageAppRoot = "/home/site/wwwroot/";

    /// <summary>The build output folder of one app, in the configuration these tests were built in.</summary>
    public static string OutputOf(string app)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var folder = Repository.PathOf("functions", app, "bin", configuration, "net10.0");
        var dll = Path.Combine(folder, $"Covacha.{app}.dll");
        return File.Exists(dll) ? folder : throw new FileNotFoundException($"{dll} is not built (the test project builds it).", dll);
    }

    /// <summary>A container's command with the image's app folder mapped onto the local build of <paramref name="app"/>.</summary>
    public static IReadOnlyList<string> Localize(IEnumerable<string> command, string app) =>
        command.Select(a => a.StartsWith(ImageAppRoot, StringComparison.Ordinal)
            ? Path.Combine(OutputOf(app), a[ImageAppRoot.Length..])
            : a).ToList();

    /// <summary>Runs a command to its end with exactly <paramref name="environment"/> (plus PATH and HOME) and a deadline.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var (exitCode, stdout, stderr) = await CommandLine.RunAsync(command[0], command.Skip(1), environment, timeout);
        return (exitCode, stdout + stderr);
    }
}
