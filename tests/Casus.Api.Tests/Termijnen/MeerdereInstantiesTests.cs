using System.Net;
using Casus.Api.Tests.Infrastructure;

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
            var id = await client.NewCasus(Examples.SignaalVandaag);
            await client.Commands(id, Examples.ToInformatieDelenVandaag);
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
        using var proces = await ApiProcess.StartAsync("casus-termijnen", api, new Dictionary<string, string> { ["Casus__Termijnen__ControleSeconden"] = "0" });
        // The process runs on the system clock: its "today" is the real one.
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        var id = (await proces.PostAsync(Personas.Tilburg, "/api/v1/casussen", Examples.Signaal()))!["id"]!.GetValue<Guid>();
        foreach (var step in Examples.ToInformatieDelen) await proces.PostAsync(step.Als, $"/api/v1/casussen/{id}/{step.Segment}", step.Body);
        await proces.PostAsync(Personas.Coordinator(), $"/api/v1/casussen/{id}/informatieverzoeken", Verzoek(vandaag.AddDays(1)));

        proces.KillHard();

        api.Clock.Set(new DateTimeOffset(vandaag.AddDays(2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        _ = api.Services;
        Assert.True(await TermijnApi.WachtOpAsync(async () => (await api.VerstrekenAsync(id)).Count > 0), "the term never fired");
        await Task.Delay(1000);
        Assert.Equal(["antwoord-1"], await api.VerstrekenAsync(id));
    }
}
