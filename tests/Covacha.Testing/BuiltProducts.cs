namespace Covacha.Testing;

/// <summary>
/// The Products app as built (<c>functions/Products/bin/&lt;Configuration&gt;/net10.0</c>, what the
/// image holds and <c>./covacha up</c> runs), started as its own process the way an operator runs
/// one of its commands: <c>dotnet Covacha.Products.dll --seed-demo ...</c>.
/// </summary>
public static class BuiltProducts
{
    /// <summary>The app's DLL in the configuration these tests were built in (a test project builds it through its references).</summary>
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var dll = Path.Combine(CommandLine.RepositoryRoot, "functions", "Products", "bin", configuration, "net10.0", "Covacha.Products.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built.", dll);
        }
    }

    /// <summary>Runs <c>dotnet Covacha.Products.dll <paramref name="arguments"/></c> with only <paramref name="environment"/> (plus PATH and HOME).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        CommandLine.RunAsync("dotnet", [Dll, .. arguments], environment, timeout);
}
