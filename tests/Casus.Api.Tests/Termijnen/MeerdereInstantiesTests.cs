using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Casus.Api.Beveiliging;
using Casus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Casus.Api.Tests.Termijnen;

/// <summary>Terms fire exactly once whatever happens to the instances: several on one database, and the instance that
/// scheduled the term killed (kill -9) before it was due.</summary>
public sealed class MeerdereInstantiesTests(TermijnApi api) : IClassFixture<TermijnApi>
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(CasusApi.Now.UtcDateTime);

    /// <summary>A second API host on the database of <paramref name="eerste"/>, with its own clock.</summary>
    private sealed class TweedeInstantie : TermijnApi
    {
        public TweedeInstantie(CasusApi eerste) => ConnectionString = eerste.ConnectionString;
        public override Task InitializeAsync() => Task.CompletedTask;
    }

    private static object Verzoek(DateOnly antwoordVoor) => new
    {
        aanPartnerId = Examples.BelastingdienstId, vraag = "Fiscale gegevens?", grondslag = "art. 43c AWR", antwoordVoor = antwoordVoor.ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Two_instances_on_one_database_record_a_passed_term_once()
    {
        api.Clock.Set(CasusApi.Now);
        await using var tweede = new TweedeInstantie(api);
        var client = api.Client();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = await client.NewCasus();
            await client.Commands(id, Examples.ToInformatieDelen);
            (await client.Command(id, "informatieverzoeken", Verzoek(Vandaag.AddDays(2)))).AssertStatus(HttpStatusCode.OK);
            ids.Add(id);
        }
        _ = tweede.Services; // started: its sweep runs too

        var later = CasusApi.Now.AddDays(3);
        api.Clock.Set(later);
        tweede.Clock.Set(later);
        Assert.True(await TermijnApi.WachtOpAsync(async () =>
        {
            foreach (var id in ids) if ((await api.VerstrekenAsync(id)).Count == 0) return false;
            return true;
        }), "not every term fired");
        await Task.Delay(2000); // ten more rounds on both instances

        foreach (var id in ids) Assert.Equal(["antwoord-1"], await api.VerstrekenAsync(id));
    }

    [Fact]
    public async Task A_term_scheduled_by_an_instance_killed_with_sigkill_fires_once_on_another_instance()
    {
        var poort = VrijePoort();
        using var proces = StartApi(poort);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{poort}") };
            Assert.True(await TermijnApi.WachtOpAsync(async () =>
            {
                try { return (await http.GetAsync("/api/v1/openapi.json")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, 60), "the API process did not start");

            // The process runs on the system clock: its "today" is the real one.
            var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
            var tokens = api.Services.GetRequiredService<DevelopmentTokens>();
            async Task<HttpResponseMessage> Post(Domain.Toegang.Actor als, string pad, object body)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, pad) { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new("Bearer", tokens.Mint(als).Token);
                var response = await http.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                return response;
            }
            var created = await (await Post(Personas.Tilburg, "/api/v1/casussen", Examples.Signaal())).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
            var id = created!["id"]!.GetValue<Guid>();
            foreach (var step in Examples.ToInformatieDelen) await Post(step.Als, $"/api/v1/casussen/{id}/{step.Segment}", step.Body);
            await Post(Personas.Coordinator(), $"/api/v1/casussen/{id}/informatieverzoeken", Verzoek(vandaag.AddDays(1)));

            proces.Kill(entireProcessTree: true); // SIGKILL: no shutdown, nothing flushed
            await proces.WaitForExitAsync();

            api.Clock.Set(new DateTimeOffset(vandaag.AddDays(2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
            _ = api.Services;
            Assert.True(await TermijnApi.WachtOpAsync(async () => (await api.VerstrekenAsync(id)).Count > 0), "the term never fired");
            await Task.Delay(1000);
            Assert.Equal(["antwoord-1"], await api.VerstrekenAsync(id));
        }
        finally
        {
            if (!proces.HasExited) proces.Kill(entireProcessTree: true);
        }
    }

    private Process StartApi(int poort)
    {
        var testMap = AppContext.BaseDirectory; // tests/Casus.Api.Tests/bin/<configuratie>/net10.0/
        var configuratie = new DirectoryInfo(testMap).Parent!.Name;
        var root = Path.GetFullPath(Path.Combine(testMap, "..", "..", "..", "..", ".."));
        var dll = Path.Combine(root, "src", "Casus.Api", "bin", configuratie, "net10.0", "Casus.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} not built");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{poort}",
                ["ConnectionStrings__Casus"] = api.ConnectionString,
                ["Casus__Tokens__SigningKey"] = Convert.ToBase64String(api.SigningKey),
                ["Casus__Termijnen__ControleSeconden"] = "0",
            },
        };
        var proces = Process.Start(start)!;
        proces.OutputDataReceived += (_, _) => { };
        proces.ErrorDataReceived += (_, _) => { };
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        return proces;
    }

    private static int VrijePoort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
