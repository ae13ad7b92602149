using System.Net;
using Casus.Api.Casussen;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Toegang;
using Microsoft.Extensions.DependencyInjection;

namespace Casus.Api.Tests.Casussen;

/// <summary>Business dates over HTTP: every step command takes the day it happened (default today), refuses a date in the
/// future or before 2000 (400, naming the field), before the signaal or before the step it follows (409), and the history
/// shows the business date next to the registration time. The example casus: signaal 2 November 2026, verkenning 3, opname 5,
/// request 6, contribution 10, analysis 13, advice 16, intervention 20, end of execution and evaluation 21; today is 23.</summary>
public sealed class BedrijfsdatumTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();

    /// <summary>A step command: the steps that bring the example casus to where it is allowed, its body dated as given, who
    /// gives it, and the day of the step it follows (for starting the verkenning: the signaal itself).</summary>
    private sealed record Geval(Step[] Voorbereiding, Func<string, object> Body, Actor Als, string VorigeStap);

    private static readonly Step Verkenning = new("verkenning", Examples.Verkenning, Personas.Coordinator());
    private static Step[] Uitvoeren => [.. Examples.ToInformatieDelen, .. Examples.ToUitvoeren];
    private static Step[] Afgerond => [.. Uitvoeren, new("interventies", Examples.Interventie(), Personas.Belastingdienst), new("uitvoeringsafronding", Examples.Afronding, Personas.Coordinator())];
    private static Step[] Geevalueerd => [.. Afgerond, new("evaluaties", Examples.Evaluatie, Personas.Coordinator())];

    private static readonly Dictionary<string, Geval> Gevallen = new()
    {
        ["verkenning"] = new([], d => Examples.OpDatum(Examples.Verkenning, d), Personas.Coordinator(), "2026-11-02"),
        ["verkenningsbesluit"] = new([Verkenning], d => Examples.OpDatum(Examples.Opnemen, d), Personas.Coordinator(), "2026-11-03"),
        ["partners"] = new(Examples.ToInformatieDelen, d => new { organisatie = Toegang.Wie.MaastrichtOrganisatie, datum = d }, Personas.Coordinator(), "2026-11-05"),
        ["informatieverzoeken"] = new(Examples.ToInformatieDelen, d => Examples.ZonderAntwoordVoor(Examples.OpDatum(Examples.Verzoek, d)), Personas.Coordinator(), "2026-11-05"),
        ["informatiebijdragen"] = new(Examples.ToInformatieDelen, d => Examples.OpDatum(Examples.Bijdrage(null), d), Personas.Belastingdienst, "2026-11-05"),
        ["analyse"] = new(Examples.ToInformatieDelen, d => Examples.OpDatum(Examples.Analyse, d), Personas.Analist, "2026-11-05"),
        ["interventieadviezen"] = new([.. Examples.ToInformatieDelen, .. Examples.ToUitvoeren[..3]], d => Examples.OpDatum(Examples.Advies, d), Personas.Analist, "2026-11-13"),
        ["interventies"] = new(Uitvoeren, d => Examples.OpDatum(Examples.Interventie(), d), Personas.Belastingdienst, "2026-11-16"),
        ["uitvoeringsafronding"] = new([.. Uitvoeren, new("interventies", Examples.Interventie(), Personas.Belastingdienst)],
            d => Examples.OpDatum(Examples.Afronding, d), Personas.Coordinator(), "2026-11-20"),
        ["evaluaties"] = new(Afgerond, d => Examples.OpDatum(Examples.Evaluatie, d), Personas.Coordinator(), "2026-11-21"),
        ["terugstappen"] = new(Geevalueerd, d => Examples.OpDatum(Examples.Terug("uitvoeren"), d), Personas.Coordinator(), "2026-11-21"),
        ["afsluiting"] = new(Geevalueerd, d => Examples.OpDatum(Examples.Afsluiting(), d), Personas.Coordinator(), "2026-11-21"),
    };

    public static TheoryData<string> Commandos() => new(Gevallen.Keys);

    [Fact]
    public void Every_step_command_of_the_api_but_adding_a_subject_is_here()
    {
        Assert.Equal(CommandRoutes.Segments.Values.Where(s => s != "subjecten").Order(), Gevallen.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Commandos))]
    public async Task A_step_refuses_a_date_in_the_future_implausibly_early_before_the_signaal_or_before_the_step_it_follows(string segment)
    {
        var geval = Gevallen[segment];
        var id = await _client.NewCasus();
        if (geval.Voorbereiding.Length > 0) await _client.Commands(id, geval.Voorbereiding);
        var versie = await _client.Version(id);
        Task<ApiResponse> Op(string datum) => _client.As(geval.Als).Command(id, segment, geval.Body(datum));

        foreach (var (datum, code) in new[] { ("2026-11-24", "in-future"), ("1999-12-31", "te-vroeg"), ("0001-01-01", "te-vroeg") })
        {
            var ongeldig = (await Op(datum)).AssertStatus(HttpStatusCode.BadRequest);
            Assert.Equal(["datum"], ongeldig.InvalidParamNames);
            Assert.Equal(code, ongeldig.Body!["invalidParams"]![0]!["code"]!.GetValue<string>());
        }
        var voorSignaal = (await Op("2026-11-01")).AssertStatus(HttpStatusCode.Conflict);
        Assert.Equal("casus.datum-voor-signaal", voorSignaal.Code);
        var dagVoorVorigeStap = DateOnly.Parse(geval.VorigeStap).AddDays(-1).ToString("yyyy-MM-dd");
        var voorVorigeStap = (await Op(dagVoorVorigeStap)).AssertStatus(HttpStatusCode.Conflict);
        // Starting the verkenning follows the signaal itself: before it is before the signaal.
        Assert.Equal(segment == "verkenning" ? "casus.datum-voor-signaal" : "casus.datum-voor-vorige-stap", voorVorigeStap.Code);
        Assert.Contains(dagVoorVorigeStap, voorVorigeStap.Body!["detail"]!.GetValue<string>());
        Assert.Equal(versie, await _client.Version(id));

        // On the day of the step it follows it is accepted, and the event keeps that day next to its registration time.
        (await Op(geval.VorigeStap)).AssertStatus(HttpStatusCode.OK);
        var gebeurtenis = (await _client.History(id)).Last()!;
        Assert.Equal(geval.VorigeStap, gebeurtenis["datum"]!.GetValue<string>());
        Assert.Equal(CasusApi.Now, gebeurtenis["tijdstip"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Without_a_date_a_step_happened_today_as_before_business_dates_existed()
    {
        var id = await _client.NewCasus(Examples.SignaalVandaag);
        var casus = (await _client.Commands(id, new Step("verkenning", new { coordinator = "J. de Vries" }, Personas.Coordinator()),
            new Step("verkenningsbesluit", Examples.ZonderDatum(Examples.Opnemen), Personas.Coordinator()))).Body!;

        Assert.Equal(Examples.Vandaag, casus["opgenomenOp"]!.GetValue<string>());
        Assert.Equal(Examples.Vandaag, casus["stapSinds"]!.GetValue<string>());
        Assert.All((await _client.History(id)).Skip(1), e => Assert.Equal(Examples.Vandaag, e!["datum"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_history_dossier_and_state_show_the_business_date_next_to_the_registration_time()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);

        var history = await _client.History(id);
        Assert.Equal(["2026-11-02", "2026-11-03", null, "2026-11-05"], history.Select(e => e!["datum"]?.GetValue<string>()));
        Assert.All(history, e => Assert.Equal(CasusApi.Now, e!["tijdstip"]!.GetValue<DateTimeOffset>()));
        Assert.All(history, e => Assert.Null(e!["import"]));
        var dossier = (await _client.As(Personas.Auditor).Get($"/api/v1/casussen/{id}/dossier")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("2026-11-05", dossier["gebeurtenissen"]![3]!["datum"]!.GetValue<string>());
        var casus = (await _client.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(("2026-11-05", "2026-11-05"), (casus["stapSinds"]!.GetValue<string>(), casus["laatsteDatum"]!.GetValue<string>()));
    }

    /// <summary>An event as stored before business dates existed (no <c>datum</c>), appended through the one event writer with
    /// its registration time: it replays with its registration day, in the state, the history and the rules.</summary>
    [Fact]
    public async Task An_event_recorded_before_business_dates_existed_counts_as_happened_on_its_registration_day()
    {
        var id = await _client.NewCasus();
        var store = api.Services.GetRequiredService<Marten.IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<Casus.Domain.Casussen.IntegraleCasus>(id);
            var metadata = new Casus.Projections.Historie.Gebeurtenismetadata("c.devries", "0af7651916cd43dd8448eb211c80319c", null,
                new Dictionary<string, string>());
            stream.AppendMany(await Casus.Projections.Historie.Ketenschrijver.Schakel(session, id, 1,
                [new Casus.Domain.Casussen.VerkenningGestart("J. de Vries")], metadata, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
                CancellationToken.None));
            await session.SaveChangesAsync();
        }

        var casus = (await _client.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(("verkennen", "2026-11-20", "2026-11-20"),
            (casus["stap"]!.GetValue<string>(), casus["stapSinds"]!.GetValue<string>(), casus["laatsteDatum"]!.GetValue<string>()));
        var gestart = (await _client.History(id))[1]!;
        Assert.Null(gestart["gegevens"]!["datum"]);
        Assert.Equal("2026-11-20", gestart["datum"]!.GetValue<string>());
        Assert.Equal("ok", (await _client.As(Personas.Auditor).Get($"/api/v1/casussen/{id}/keten")).AssertStatus(HttpStatusCode.OK).Body!["status"]!.GetValue<string>());
        Assert.Equal("casus.datum-voor-vorige-stap",
            (await _client.Command(id, "verkenningsbesluit", Examples.OpDatum(Examples.Opnemen, "2026-11-19"))).AssertStatus(HttpStatusCode.Conflict).Code);
        (await _client.Command(id, "verkenningsbesluit", Examples.OpDatum(Examples.Opnemen, "2026-11-20"))).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_information_request_registered_later_counts_its_term_from_the_day_it_was_made()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        var verzoek = Examples.ZonderAntwoordVoor(Examples.OpDatum(Examples.Verzoek, "2026-11-06"));

        var casus = (await _client.Command(id, "informatieverzoeken", verzoek)).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("2026-11-20", casus["informatieverzoeken"]![0]!["antwoordVoor"]!.GetValue<string>());
        verzoek["antwoordVoor"] = "2026-11-05";
        var teVroeg = (await _client.Command(id, "informatieverzoeken", verzoek)).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("antwoordVoor", teVroeg.InvalidParamNames.Single());
    }
}
