using System.Diagnostics;

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
            var testOutput = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var configuration = testOutput.Parent!.Name;
            var root = testOutput;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Covacha.sln")))
            {
                root = root.Parent;
            }

            var dll = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("No Covacha.sln above " + AppContext.BaseDirectory),
                "functions", "Products", "bin", configuration, "net10.0", "Covacha.Products.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built.", dll);
        }
    }

    /// <summary>
    /// Runs <c>dotnet Covacha.Products.dll <paramref name="arguments"/></c> to its end with only
    /// <paramref name="environment"/> (plus PATH, HOME and DOTNET_ROOT), within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Covacha.Products.dll {string.Join(' ', start.ArgumentList.Skip(1))} did not exit within {timeout.TotalSeconds:0} s:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
