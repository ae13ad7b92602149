using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Verantwoording;
using static Casus.Api.Tests.BestuurlijkeSignalen.SignaalVoorbeelden;

namespace Casus.Api.Tests.BestuurlijkeSignalen;

/// <summary>Every signaal request is in the audit log (the signaal's id in casus_id); a command's events carry who, why and
/// on which ground; a refusal appends nothing.</summary>
public sealed class SignaalVerantwoordingTests(CasusApi api) : IClassFixture<CasusApi>
{
    [Fact]
    public async Task Commands_reads_and_refusals_are_audited_and_events_carry_their_metadata()
    {
        var log = new LogReader(api.ConnectionString);
        var id = await NieuwAsync(api);
        (await api.Client(Personas.Politie).Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.NotFound);
        (await Commando(api, Personas.Tilburg, id, "definitieve-indiening", new { datum = "2026-11-16" })).AssertStatus(HttpStatusCode.Conflict);

        var records = await log.Rows("select actie, resultaat, reden, gebruiker_id from casus.auditlog where casus_id = $1 order by id", id);
        Assert.Equal(["bestuurlijk-signaal-opstellen", "bestuurlijk-signaal-opvragen", "bestuurlijk-signaal-definitief-indienen"],
            records.Select(r => (string)r["actie"]!));
        Assert.Equal([201, 404, 409], records.Select(r => (int)r["resultaat"]!));
        Assert.StartsWith("toegang.niet-zichtbaar", (string)records[1]["reden"]!);
        Assert.StartsWith("bestuurlijk-signaal.stap-niet-toegestaan", (string)records[2]["reden"]!);

        var events = await log.Rows("select user_name, headers->>'organisatie' as organisatie, headers->>'verwerkingsactiviteit' as activiteit, " +
            "headers->>'hash' as hash from casus.mt_events where stream_id = $1 order by version", id);
        var e = Assert.Single(events);
        Assert.Equal("m.tilburg", e["user_name"]);
        Assert.Equal(Examples.TilburgId, e["organisatie"]);
        Assert.Equal("bestuurlijk-signaal@2", e["activiteit"]);
        Assert.Matches("^[0-9a-f]{64}$", (string)e["hash"]!);
        // A bestuurlijk signaal holds no subject data; the name of its indiener's representative is processed when it is shown
        // (opstellen answers it), under the signaal's own activity; the hidden read and the refusal processed nothing.
        var verwerkingen = await log.Rows("select activiteit_id, activiteit_versie, regio from casus.verwerkingslog where casus_id = $1", id);
        var v = Assert.Single(verwerkingen);
        Assert.Equal("bestuurlijk-signaal", v["activiteit_id"]);
        Assert.Equal(Domain.BestuurlijkeSignalen.SignaalVerwerking.Activiteit.Versie, v["activiteit_versie"]);
        Assert.Equal("landelijk", v["regio"]);
    }

    [Fact]
    public async Task Rebuilding_the_projections_with_signalen_in_the_store_keeps_them_readable()
    {
        var id = await IngediendAsync(api);
        var voor = (await api.Client(Personas.LiecLoket).Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.OK).Body!.ToJsonString();
        var beheerder = new Casus.Domain.Toegang.Actor("beheer", new Casus.Domain.Gedeeld.Organisatie("liec", "LIEC", Casus.Domain.Gedeeld.PartnerType.Riec),
            new HashSet<Casus.Domain.Gedeeld.RiecRegio>(), true, new HashSet<Casus.Domain.Toegang.Rol> { Casus.Domain.Toegang.Rol.Beheerder });
        (await api.Client(beheerder).Post("/api/v1/beheer/projecties/_herbouw", new { })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(voor, (await api.Client(Personas.LiecLoket).Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.OK).Body!.ToJsonString());
        // A signaal's id is no casus.
        (await api.Client(Personas.Coordinator()).Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.NotFound);
    }
}
