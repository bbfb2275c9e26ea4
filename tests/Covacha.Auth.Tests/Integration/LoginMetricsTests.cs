using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Covacha.Auth.Security;

namespace Covacha.Auth.Tests.Integration;

[Collection(AuthHostCollection.Name)]
public sealed class LoginMetricsTests(AuthHost host)
{
    [Fact]
    public async Task Token_SuccessAndFailure_CountedByOutcome()
    {
        var seen = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AuthMetrics.MeterName && instrument.Name == "covacha.auth.logins")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    seen.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();

        var user = await host.RegisterAsync();
        await host.LoginAsync(user);
        using var failed = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = user.Email, password = "not the password" }));

        Assert.Contains("success", seen);
        Assert.Contains("invalid_credentials", seen);
    }
}
