namespace Covacha.Auth.Security;

/// <summary>
/// Bounds how many password hashes run at once (each holds ~19 MiB and a core for tens of
/// milliseconds), so a burst of logins queues briefly and then gets 503 instead of starving
/// the process.
/// </summary>
public sealed class HashingGate(int slots, TimeSpan wait) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(slots, slots);

    public TimeSpan Wait { get; } = wait;

    public int Slots { get; } = slots;

    /// <exception cref="HashingBusyException">No slot became free within <see cref="Wait"/>.</exception>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(Wait, cancellationToken))
        {
            throw new HashingBusyException();
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>Every password-hashing slot stayed busy; answer 503 with Retry-After.</summary>
public sealed class HashingBusyException() : Exception("All password hashing slots are busy.");
