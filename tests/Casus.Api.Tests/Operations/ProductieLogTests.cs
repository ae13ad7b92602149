using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Casus.Api.Beveiliging;
using Casus.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Casus.Api.Tests.Operations;

/// <summary>The API in Production writes its console log as one JSON object per line, with the request's trace id, and no
/// personal data even at the most talkative level, while personal data goes through it.</summary>
public sealed class ProductieLogTests
{
    private static readonly object Persoon =
        new { soort = "natuurlijk-persoon", voornamen = "Wilhelmina", achternaam = "Zwanenburg", geboortedatum = "1961-04-09", bsn = "111222333" };

    [Fact]
    public async Task Production_logs_are_json_lines_with_trace_ids_and_without_the_personal_data_that_was_processed()
    {
        var sleutel = RandomNumberGenerator.GetBytes(32);
        using var api = await ApiProcess.StartAsync("casus-productie", await PostgresServer.CreateDatabaseAsync(), sleutel,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Casus__Pseudonimisering__Sleutel"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Casus__Persoonsgegevens__Sleutel"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Logging__LogLevel__Default"] = "Trace",
            });
        var tokens = new DevelopmentTokens(new SymmetricSecurityKey(sleutel), ApiProcess.TokenInstellingen);
        HttpClient Als(Casus.Domain.Toegang.Actor actor) => new()
        {
            BaseAddress = api.Address,
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(actor).Token) },
        };
        using var tilburg = Als(Personas.Tilburg);
        using var coordinator = Als(Personas.Coordinator());
        using var auditor = Als(Personas.LandelijkeAuditor);

        using var nieuw = await tilburg.PostAsJsonAsync("/api/v1/casussen", Examples.Signaal());
        var id = nieuw.Headers.Location!.OriginalString.Split('/')[^1];
        (await coordinator.PostAsJsonAsync($"/api/v1/casussen/{id}/verkenning", Examples.Verkenning)).EnsureSuccessStatusCode();
        (await coordinator.PostAsJsonAsync($"/api/v1/casussen/{id}/subjecten", Persoon)).EnsureSuccessStatusCode();
        (await auditor.PostAsJsonAsync("/api/v1/verwerkingen/_zoek", new { subject = Persoon })).EnsureSuccessStatusCode();
        await coordinator.PostAsJsonAsync($"/api/v1/casussen/{id}/subjecten", new { soort = "natuurlijk-persoon", achternaam = "Zwanenburg", bsn = "12" });
        await Task.Delay(500);

        var regels = api.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(regels);
        Assert.All(regels, r => JsonDocument.Parse(r).Dispose());
        Assert.Contains(regels, r => r.Contains("\"TraceId\"", StringComparison.Ordinal));
        foreach (var persoonsgegeven in new[] { "Wilhelmina", "Zwanenburg", "111222333", "1961-04-09" })
            Assert.DoesNotContain(regels, r => r.Contains(persoonsgegeven, StringComparison.OrdinalIgnoreCase));
    }
}
