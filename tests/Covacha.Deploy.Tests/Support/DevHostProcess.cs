using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Covacha.Testing;

namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// The dev host as built (<c>tools/DevHost/bin/&lt;Configuration&gt;/net10.0</c>), run as its own
/// process, as <c>./covacha up</c> runs it: the process that runs the outbox relay and Search's
/// consumer outside a Functions host. Output is read as it comes (a full pipe would block the
/// child), every wait has a deadline, and disposing kills whatever still runs.
/// </summary>
public sealed class DevHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DevHostProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri BaseAddress { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static DevHostProcess Start(IReadOnlyDictionary<string, string> environment, int port)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Repository.PathOf("tools", "DevHost", "bin", configuration, "net10.0", "Covacha.DevHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built (the test project builds it).", dll);
        }

        // `dotnet <dll>` runs the app in this very process (no shell, no child), so the signal reaches it.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["COVACHA_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        var process = new Process { StartInfo = start };
        var host = new DevHostProcess(process, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until every app answers its readiness probe (Search's: its consumer is attached).</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan deadline, CancellationToken cancellationToken)
    {
        foreach (var app in new[] { "auth", "products", "search" })
        {
            await Eventually.WaitAsync(async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The dev host exited ({_process.ExitCode}) at start-up:\n{Output}");
                }

                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    using var response = await http.GetAsync(new Uri(BaseAddress, $"/api/{app}/health/ready"), probe.Token);
                    return response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
            }, s => s == HttpStatusCode.OK, deadline, $"{app} in the dev host process to be ready");
        }
    }

    /// <summary>SIGTERM, as the kubelet sends it (Process.Kill would be SIGKILL).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        if (!kill.WaitForExit(TimeSpan.FromSeconds(10)) || kill.ExitCode != 0)
        {
            throw new InvalidOperationException("kill -TERM failed");
        }
    }

    /// <summary>True when the process exited within <paramref name="deadline"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Enough to explain a failure; a long run must not grow it without bound.
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
