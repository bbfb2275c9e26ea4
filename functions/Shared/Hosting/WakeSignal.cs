using System.Threading.Channels;

namespace Covacha.Shared.Hosting;

/// <summary>
/// Wakes a polling background service in this process as soon as there is work, so it need not
/// wait for its next poll. Wake-ups coalesce: many before a wait end one wait. Each service has
/// its own subclass, so each gets its own signal from the container.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }
}
