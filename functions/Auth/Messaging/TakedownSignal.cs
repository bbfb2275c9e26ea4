using Covacha.Shared.Hosting;

namespace Covacha.Auth.Messaging;

/// <summary>Wakes this process's <see cref="ProductTakedownRelay"/> after an account was deleted.</summary>
public sealed class TakedownSignal : WakeSignal;
