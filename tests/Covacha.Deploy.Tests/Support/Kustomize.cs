using System.Diagnostics;

namespace Covacha.Deploy.Tests.Support;

/// <summary>Renders a kustomization with the real <c>kubectl kustomize</c>, as an operator would.</summary>
public static class Kustomize
{
    public static string Render(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("kubectl could not be started; install kubectl (kustomize is built in).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed ({process.ExitCode}): {error}");
        }

        return output.GetAwaiter().GetResult();
    }
}
