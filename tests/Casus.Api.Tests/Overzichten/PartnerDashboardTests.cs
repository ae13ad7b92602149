using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Testdata;

namespace Casus.Api.Tests.Overzichten;

/// <summary>Partner dashboards (counts) and their paged lists, on the generated data, checked against the generator's record
/// and commands.</summary>
[Collection(GegenereerdeData.Collectie)]
public sealed class PartnerDashboardTests(GegenereerdeData data)
{
    public static TheoryData<string> Partners => new() { Landschap.Belastingdienst.Id, "pol-on", "om-tbz", "fiod" };

    private static Actor Medewerker(string organisatieId) =>
        Landschap.Medewerker(new Organisatie(organisatieId, organisatieId, PartnerType.Politie));

    private async Task<JsonNode> Dashboard(string organisatieId, Actor? als = null, string query = "") =>
        (await data.Api.Client(als ?? Medewerker(organisatieId)).Get($"/api/v1/partners/{organisatieId}/dashboard{query}"))
        .AssertStatus(HttpStatusCode.OK).Body!;

    /// <summary>Every item of one of the dashboard's lists, following the <c>next</c> links from the first page.</summary>
    private async Task<List<JsonNode>> Alle(string organisatieId, string lijst, Actor? als = null, string query = "")
    {
        var client = data.Api.Client(als ?? Medewerker(organisatieId));
        var items = new List<JsonNode>();
        string? pad = $"/api/v1/partners/{organisatieId}/{lijst}?pageSize=100{query}";
        while (pad is not null)
        {
            var body = (await client.Get(pad)).AssertStatus(HttpStatusCode.OK).Body!;
            items.AddRange(body["results"]!.AsArray().Select(i => i!));
            Assert.Equal(body["count"]!.GetValue<long>(), items.Count + (body["next"] is null ? 0 : body["count"]!.GetValue<long>() - items.Count));
            pad = body["next"]?.GetValue<string>();
        }
        return items;
    }

    private IEnumerable<GegenereerdeCasus> OpenVan(string organisatieId) =>
        data.Generatie.Casussen.Where(c => c.Stap != Stap.Afgesloten && c.Betrokkenen.Contains(organisatieId));

    [Theory, MemberData(nameof(Partners))]
    public async Task It_shows_exactly_the_partners_unanswered_information_requests(string partner)
    {
        var verwacht = OpenVan(partner)
            .SelectMany(c => c.Verzoeken.Where(v => v.AanPartnerId == partner && v.BeantwoordOp is null)
                .Select(v => (Casus: data.Ids[c.Nummer].ToString(), v.Nummer, v.VerzochtOp)))
            .OrderBy(v => v.VerzochtOp).ToList();

        var body = await Dashboard(partner);
        var lijst = await Alle(partner, "informatieverzoeken");

        var open = lijst
            .Select(v => (Casus: v["casusId"]!.GetValue<string>(), Nummer: v["nummer"]!.GetValue<int>(), VerzochtOp: v["verzochtOp"]!.GetValue<DateTimeOffset>()))
            .ToList();
        Assert.Equal(verwacht.Select(v => (v.Casus, v.Nummer)).Order(), open.Select(v => (v.Casus, v.Nummer)).Order());
        Assert.Equal(open.Select(v => v.VerzochtOp).Order(), open.Select(v => v.VerzochtOp));
        Assert.All(lijst, v => Assert.Equal(
            (int)(CasusApi.Now - v["verzochtOp"]!.GetValue<DateTimeOffset>()).TotalDays, v["leeftijdDagen"]!.GetValue<int>()));
        Assert.Equal(verwacht.Count, body["openInformatieverzoeken"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_belastingdienst_has_open_requests_in_the_generated_data() =>
        Assert.True((await Dashboard(Landschap.Belastingdienst.Id))["openInformatieverzoeken"]!.GetValue<int>() > 0);

    [Fact]
    public async Task A_list_comes_in_pages_with_the_total_and_links_to_the_neighbouring_pages()
    {
        var client = data.Api.Client(Medewerker(Landschap.Belastingdienst.Id));
        var alle = await Alle(Landschap.Belastingdienst.Id, "informatieverzoeken");
        Assert.True(alle.Count > 4, $"only {alle.Count} open requests");

        var tweede = (await client.Get($"/api/v1/partners/{Landschap.Belastingdienst.Id}/informatieverzoeken?page=2&pageSize=2"))
            .AssertStatus(HttpStatusCode.OK);

        Assert.Equal(alle.Count, tweede.Body!["count"]!.GetValue<long>());
        Assert.Equal(alle.Skip(2).Take(2).Select(i => i.ToJsonString()), tweede.Body["results"]!.AsArray().Select(i => i!.ToJsonString()));
        Assert.EndsWith("page=3", tweede.Body["next"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("page=1", tweede.Body["previous"]!.GetValue<string>(), StringComparison.Ordinal);
        var link = tweede.Message.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", link, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Partners))]
    public async Task The_due_soon_and_overdue_counts_are_those_of_the_listed_items(string partner)
    {
        var body = await Dashboard(partner);
        var termijnen = (await Alle(partner, "informatieverzoeken")).Concat(await Alle(partner, "interventieadviezen"))
            .Select(i => i["termijn"]?.GetValue<string>()).ToList();

        Assert.Equal(termijnen.Count(t => t == "verloopt-binnenkort"), body["verlooptBinnenkort"]!.GetValue<int>());
        Assert.Equal(termijnen.Count(t => t == "verlopen"), body["verlopen"]!.GetValue<int>());
        Assert.Equal(termijnen.Count, body["openInformatieverzoeken"]!.GetValue<int>() + body["openInterventieadviezen"]!.GetValue<int>());
    }

    [Theory, MemberData(nameof(Partners))]
    public async Task It_shows_the_advised_interventions_not_yet_registered_and_the_casussen_per_step(string partner)
    {
        var verwacht = OpenVan(partner)
            .SelectMany(c => c.Adviezen.Where(a => a.PartnerId == partner && c.Interventies.All(i => i.AdviesNummer != a.Nummer))
                .Select(a => (data.Ids[c.Nummer].ToString(), a.Nummer, Http.Names.Of(a.Instrument))))
            .Order().ToList();

        var body = await Dashboard(partner);

        Assert.Equal(verwacht, (await Alle(partner, "interventieadviezen"))
            .Select(a => (a["casusId"]!.GetValue<string>(), a["nummer"]!.GetValue<int>(), a["instrument"]!.GetValue<string>())).Order());
        Assert.Equal(verwacht.Count, body["openInterventieadviezen"]!.GetValue<int>());
        var perStap = data.Generatie.Casussen.Where(c => c.Betrokkenen.Contains(partner)).GroupBy(c => c.Stap).ToDictionary(g => Http.Names.Of(g.Key), g => g.Count());
        Assert.Equal(Enum.GetValues<Stap>().Select(s => (Http.Names.Of(s), perStap.GetValueOrDefault(Http.Names.Of(s)))),
            body["casussenPerStap"]!.AsArray().Select(s => (s!["stap"]!.GetValue<string>(), s["aantal"]!.GetValue<int>())));
    }

    [Fact]
    public async Task Quiet_casussen_are_the_open_ones_where_the_partner_did_nothing_for_longer_than_asked()
    {
        const string partner = "pol-on";
        const int dagen = 60;
        var verwacht = OpenVan(partner).Select(c => (Id: data.Ids[c.Nummer].ToString(), Laatst: LaatsteActiviteit(c, partner)))
            .Where(c => (CasusApi.Now - c.Laatst).TotalDays > dagen).OrderBy(c => c.Laatst).ThenBy(c => c.Id).ToList();

        var dashboard = await Dashboard(partner, query: $"?stilNaDagen={dagen}");
        var stil = await Alle(partner, dashboard["links"]!["stilleCasussen"]!.GetValue<string>().Split('/')[^1].Split('?')[0], query: $"&stilNaDagen={dagen}");

        Assert.NotEmpty(verwacht);
        Assert.Equal(verwacht.Select(c => (c.Id, c.Laatst)).Order(),
            stil.Select(s => (s["casusId"]!.GetValue<string>(), s["laatsteActiviteit"]!.GetValue<DateTimeOffset>())).Order());
        Assert.Equal(stil.Select(s => s["laatsteActiviteit"]!.GetValue<DateTimeOffset>()).Order(), stil.Select(s => s["laatsteActiviteit"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(verwacht.Count, dashboard["stilleCasussen"]!.GetValue<int>());
    }

    /// <summary>The last time <paramref name="partner"/> joined, acted, was asked for information or was advised an
    /// intervention in <paramref name="casus"/>, from the generated commands.</summary>
    private DateTimeOffset LaatsteActiviteit(GegenereerdeCasus casus, string partner) =>
        data.Generatie.Commandos.Where(c => c.Casus == casus.Nummer).Where(c => c.Als.Organisatie.Id == partner || c.Body switch
        {
            Api.Casussen.Requests.VerkenningsbesluitRequest b => b.Partners?.Any(p => p!.Id == partner) == true,
            Api.Casussen.Requests.PartnerRequest p => p.Organisatie!.Id == partner,
            Api.Casussen.Requests.InformatieverzoekRequest v => v.AanPartnerId == partner,
            Api.Casussen.Requests.InterventieadviesRequest a => a.Interventies!.Any(r => r!.PartnerId == partner),
            _ => false,
        }).Max(c => c.Tijdstip);

    [Fact]
    public async Task A_partner_cannot_read_another_partners_dashboard()
    {
        var response = await data.Api.Client(Medewerker("pol-on")).Get($"/api/v1/partners/{Landschap.Belastingdienst.Id}/dashboard");

        response.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("toegang.andere-organisatie", response.Code);
    }

    [Fact]
    public async Task A_regional_auditor_sees_only_the_casussen_of_the_region_on_a_dashboard()
    {
        var auditor = new Actor("auditor-on", Landschap.Regios[RiecRegio.OostNederland].Riec, new HashSet<RiecRegio> { RiecRegio.OostNederland },
            false, new HashSet<Rol> { Rol.Auditor });
        var inRegio = data.Generatie.Casussen.Where(c => c.Regio == RiecRegio.OostNederland && c.Betrokkenen.Contains(Landschap.Belastingdienst.Id));

        var body = await Dashboard(Landschap.Belastingdienst.Id, auditor);

        Assert.Equal(inRegio.Count(), body["casussenPerStap"]!.AsArray().Sum(s => s!["aantal"]!.GetValue<int>()));
        var ids = inRegio.Select(c => data.Ids[c.Nummer].ToString()).ToHashSet();
        var verzoeken = await Alle(Landschap.Belastingdienst.Id, "informatieverzoeken", auditor);
        Assert.All(verzoeken, v => Assert.Contains(v["casusId"]!.GetValue<string>(), ids));
        Assert.Equal(verzoeken.Count, body["openInformatieverzoeken"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("3651")]
    public async Task A_bad_quiet_period_is_refused(string stilNaDagen)
    {
        foreach (var pad in new[] { "dashboard", "stille-casussen" })
        {
            var response = await data.Api.Client(Medewerker("fiod")).Get($"/api/v1/partners/fiod/{pad}?stilNaDagen={stilNaDagen}");

            Assert.Equal(["stilNaDagen"], response.AssertStatus(HttpStatusCode.BadRequest).InvalidParamNames);
        }
    }
}
