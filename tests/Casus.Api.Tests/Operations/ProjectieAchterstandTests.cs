using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Casus.Api.Beveiliging;
using Casus.Api.Operations;
using Casus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Casus.Api.Tests.Operations.HealthTests;

namespace Casus.Api.Tests.Operations;

/// <summary>Readiness and the projections' lag, on a database of its own where no instance runs the projections.</summary>
public sealed class ProjectieAchterstandTests(CasusApi api) : IClassFixture<CasusApi>
{
    [Fact]
    public async Task Ready_is_unhealthy_once_the_projections_lag_more_than_the_configured_bound()
    {
        // An instance whose projections do not run (as if the daemon were stuck), allowed one minute of lag.
        await using var stilstaand = api.WithWebHostBuilder(b => b
            .UseSetting(Projectiedaemon.Setting, "Disabled")
            .UseSetting(Health.MaxAchterstandSetting, "00:01:00"));
        var client = stilstaand.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            stilstaand.Services.GetRequiredService<DevelopmentTokens>().Mint(Personas.Tilburg).Token);
        (await client.PostAsJsonAsync("/api/v1/casussen", Examples.Signaal())).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await Probe(stilstaand, "/health/ready")).Status);

        api.Clock.Set(CasusApi.Now.AddSeconds(61));
        try
        {
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await Probe(stilstaand, "/health/ready"));
        }
        finally
        {
            api.Clock.Set(CasusApi.Now);
        }
    }
}
