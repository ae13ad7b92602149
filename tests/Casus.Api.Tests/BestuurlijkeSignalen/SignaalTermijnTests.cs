using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Termijnen;
using static Casus.Api.Tests.BestuurlijkeSignalen.SignaalVoorbeelden;

namespace Casus.Api.Tests.BestuurlijkeSignalen;

/// <summary>The terms of a bestuurlijk signaal run on the same machinery as a casus's (sweep by the app clock, Wolverine
/// handler, recorded once): the ministers' answer three months after it was offered, the effect six months after completion.</summary>
public sealed class SignaalTermijnTests(TermijnApi api) : IClassFixture<TermijnApi>
{
    private Task<IReadOnlyList<string>> VerstrekenAsync(Guid id) =>
        api.Sql<string>($"select data->>'sleutel' from casus.mt_events where stream_id = '{id}' and type = 'signaal_termijn_verstreken' order by version");

    [Fact]
    public async Task The_three_month_answer_term_fires_once_when_the_clock_moves_past_it_and_shows_as_overdue()
    {
        try
        {
            var id = await AangebodenAsync(api, "2026-11-18");
            var loket = api.Client(Personas.LiecLoket);
            Assert.Equal("2027-02-18", (await loket.Get($"{Base}/{id}")).Body.Tekst("reactieUiterlijk"));

            // On the last day the answer is still in time.
            api.Clock.Set(new DateTimeOffset(2027, 2, 18, 20, 0, 0, TimeSpan.Zero));
            await Task.Delay(1000);
            Assert.Empty(await VerstrekenAsync(id));
            var binnenkort = (await loket.Get($"{Base}/overzicht")).AssertStatus(HttpStatusCode.OK);
            Assert.Contains(binnenkort.Body!["reacties"]!.AsArray(), r => r.Tekst("signaalId") == id.ToString() && r.Tekst("stand") == "verloopt-binnenkort");

            // The day after, it passes: recorded once, however many sweeps follow.
            api.Clock.Set(new DateTimeOffset(2027, 2, 19, 9, 0, 0, TimeSpan.Zero));
            Assert.True(await TermijnApi.WachtOpAsync(async () => (await VerstrekenAsync(id)).Count > 0), "the answer term never fired");
            await Task.Delay(1500);
            Assert.Equal(["reactie"], await VerstrekenAsync(id));

            var signaal = (await loket.Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(["reactie"], signaal.Body!["verstrekenTermijnen"]!.AsArray().Select(k => k!.GetValue<string>()));
            var gebeurtenissen = (await loket.Get($"{Base}/{id}/gebeurtenissen")).Body!.AsArray();
            Assert.Equal("SignaalTermijnVerstreken", gebeurtenissen[^1].Tekst("type"));
            Assert.Equal("ok", (await api.Client(Personas.LandelijkeAuditor).Get($"{Base}/{id}/keten")).Body.Tekst("status"));
            var auteur = await api.Sql<string>($"select user_name from casus.mt_events where stream_id = '{id}' and type = 'signaal_termijn_verstreken'");
            Assert.Equal(["systeem:termijnbewaking"], auteur);

            var overzicht = (await loket.Get($"{Base}/overzicht")).AssertStatus(HttpStatusCode.OK);
            Assert.True(overzicht.Body!["reactiesVerlopen"]!.GetValue<int>() >= 1);
            Assert.Contains(overzicht.Body!["reacties"]!.AsArray(), r => r.Tekst("signaalId") == id.ToString() && r.Tekst("stand") == "verlopen");

            // The answer still comes in (late); then the term is no longer running.
            (await Commando(api, Personas.LiecLoket, id, "reactie", new { datum = "2027-02-19", samenvatting = "Te laat, wel gezamenlijk." }))
                .AssertStatus(HttpStatusCode.OK);
            var daarna = (await loket.Get($"{Base}/overzicht")).AssertStatus(HttpStatusCode.OK);
            Assert.DoesNotContain(daarna.Body!["reacties"]!.AsArray(), r => r.Tekst("signaalId") == id.ToString());
        }
        finally
        {
            api.Clock.Set(CasusApi.Now);
        }
    }

    [Fact]
    public async Task The_effect_term_fires_six_months_after_completion_unless_the_effect_was_recorded()
    {
        try
        {
            var metEffect = await AangebodenAsync(api);
            var zonderEffect = await AangebodenAsync(api);
            foreach (var id in new[] { metEffect, zonderEffect })
            {
                (await Commando(api, Personas.LiecLoket, id, "reactie", new { datum = "2026-11-20", samenvatting = "Onderschreven." })).AssertStatus(HttpStatusCode.OK);
                var afgerond = (await Commando(api, Personas.LiecLoket, id, "afronding", new { datum = "2026-11-21" })).AssertStatus(HttpStatusCode.OK);
                Assert.Equal("2027-05-21", afgerond.Body.Tekst("effectUiterlijk"));
            }
            (await Commando(api, Personas.Tilburg, metEffect, "effect", new { datum = "2026-11-23", effect = "Wetsvoorstel aangepast." })).AssertStatus(HttpStatusCode.OK);

            api.Clock.Set(new DateTimeOffset(2027, 5, 22, 9, 0, 0, TimeSpan.Zero));
            Assert.True(await TermijnApi.WachtOpAsync(async () => (await VerstrekenAsync(zonderEffect)).Count > 0), "the effect term never fired");
            await Task.Delay(1000);
            Assert.Equal(["effect"], await VerstrekenAsync(zonderEffect));
            Assert.Empty(await VerstrekenAsync(metEffect));
            var overzicht = (await api.Client(Personas.LiecLoket).Get($"{Base}/overzicht")).AssertStatus(HttpStatusCode.OK);
            Assert.Contains(overzicht.Body!["effecten"]!.AsArray(), r => r.Tekst("signaalId") == zonderEffect.ToString() && r.Tekst("stand") == "verlopen");
        }
        finally
        {
            api.Clock.Set(CasusApi.Now);
        }
    }
}
