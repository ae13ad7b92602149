using System.Net;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Toegang;

/// <summary>One casus per step (in Taskforce Brabant-Zeeland, submitted by Tilburg), shared by every refused cell of the
/// command matrix: a refusal must leave it unchanged. An allowed cell gets a fresh casus in the same step.</summary>
public sealed class CommandoToegangData : IAsyncLifetime
{
    public CasusApi Api { get; } = new();

    private readonly Dictionary<string, Guid> _gedeeld = [];

    /// <summary>How to bring a new casus to each step where a command of the matrix is allowed.</summary>
    private static readonly Dictionary<string, Step[]> Opzet = new()
    {
        ["signaal-ingediend"] = [],
        ["verkennen"] = [new("verkenning", Examples.Verkenning, Personas.Coordinator()), new("subjecten", Examples.Subject, Personas.Coordinator())],
        ["informatie-delen"] =
        [
            .. Examples.ToInformatieDelen, new("informatieverzoeken", Examples.Verzoek, Personas.Coordinator()),
            new("analyse", Examples.Analyse, Personas.Analist),
        ],
        ["uitvoeren"] = [.. Examples.ToInformatieDelen, .. Examples.ToUitvoeren],
        ["evalueren"] =
        [
            .. Examples.ToInformatieDelen, .. Examples.ToUitvoeren, new("interventies", Examples.Interventie(), Personas.Belastingdienst),
            new("uitvoeringsafronding", Examples.Afronding, Personas.Coordinator()), new("evaluaties", Examples.Evaluatie, Personas.Coordinator()),
        ],
    };

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        foreach (var stap in Opzet.Keys) _gedeeld[stap] = await NieuweCasus(stap);
    }

    /// <summary>The shared casus in <paramref name="stap"/>, for refused cells.</summary>
    public Guid Gedeeld(string stap) => _gedeeld[stap];

    /// <summary>A fresh casus in <paramref name="stap"/>, for an allowed cell.</summary>
    public async Task<Guid> NieuweCasus(string stap)
    {
        var client = Api.Client();
        var id = await client.NewCasus();
        if (Opzet[stap].Length > 0) await client.Commands(id, Opzet[stap]);
        return id;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>Every command endpoint × every persona: the HTTP status and problem code the access rules of the issue
/// prescribe (written out below, not derived from Toegangsregels), that a refusal appends nothing, that an allowed
/// command appends its event, and that a hidden casus answers exactly like a casus that does not exist.</summary>
public sealed class CommandoToegangTests(CommandoToegangData data) : IClassFixture<CommandoToegangData>
{
    /// <summary>The expected outcome per command (row) and persona (column). Each row runs in a casus in the step
    /// where its command is allowed, with a valid body, so that an allowed cell really succeeds.
    /// 200/201 success, 401 no token, 404 casus.niet-gevonden (casus not visible), rol 403 toegang.rol-ontbreekt,
    /// org 403 toegang.andere-organisatie.</summary>
    private const string Tabel = """
        commando                    anoniem coord coordL analist tilburg belast politie maastr auditor auditL landel liec privacy
        # POST /api/v1/casussen: partner staff only for their own organisation; a coordinator of the region for the RIEC
        signaal                     401     org   rol    rol     201     org    org     org    rol     rol    rol    rol    rol
        signaal-riec                401     201   rol    rol     org     org    org     org    rol     rol    rol    rol    rol
        signaal-maastricht          401     rol   org    rol     org     org    org     201    rol     rol    rol    rol    rol
        # signaal-ingediend and verkennen: the joining partners do not see the casus yet
        verkenning                  401     200   404    rol     rol     404    404     404    rol     404    rol    404    404
        subjecten                   401     200   404    rol     rol     404    404     404    rol     404    rol    404    404
        verkenningsbesluit          401     200   404    rol     rol     404    404     404    rol     404    rol    404    404
        # informatie-delen-en-analyseren: Tilburg, Politie and Belastingdienst have joined
        partners                    401     200   404    rol     rol     rol    rol     404    rol     404    rol    404    404
        informatieverzoeken         401     200   404    200     rol     rol    rol     404    rol     404    rol    404    404
        informatiebijdragen         401     rol   404    rol     org     200    org     404    rol     404    rol    404    404
        informatiebijdragen-tilburg 401     rol   404    rol     200     org    org     404    rol     404    rol    404    404
        analyse                     401     200   404    200     rol     rol    rol     404    rol     404    rol    404    404
        interventieadviezen         401     200   404    200     rol     rol    rol     404    rol     404    rol    404    404
        # uitvoeren
        subjecten-uitvoeren         401     200   404    rol     rol     rol    rol     404    rol     404    rol    404    404
        interventies                401     rol   404    rol     org     200    org     404    rol     404    rol    404    404
        interventies-tilburg        401     rol   404    rol     200     org    org     404    rol     404    rol    404    404
        terugstappen                401     200   404    rol     rol     rol    rol     404    rol     404    rol    404    404
        uitvoeringsafronding        401     200   404    rol     rol     rol    rol     404    rol     404    rol    404    404
        # evalueren
        evaluaties                  401     200   404    rol     rol     rol    rol     404    rol     404    rol    404    404
        terugstappen-evalueren      401     200   404    rol     rol     rol    rol     404    rol     404    rol    404    404
        afsluiting                  401     200   404    rol     rol     rol    rol     404    rol     404    rol    404    404
        # POST …/subjecten/{nummer}/rectificaties (art. 16), in verkennen: the coordinator of the region
        rectificaties               401     200   404    rol     rol     404    404     404    rol     404    rol    404    404
        """;

    /// <summary>Per row: the path segment (null: POST /api/v1/casussen), the step of the casus it runs in, the body.</summary>
    private static readonly Dictionary<string, (string? Segment, string Stap, object Body)> Commandos = new()
    {
        ["signaal"] = (null, "", Examples.Signaal()),
        ["signaal-riec"] = (null, "", Wie.Signaal(Wie.RiecZwbOrganisatie)),
        ["signaal-maastricht"] = (null, "", Wie.Signaal(Wie.MaastrichtOrganisatie, "limburg")),
        ["verkenning"] = ("verkenning", "signaal-ingediend", Examples.Verkenning),
        ["subjecten"] = ("subjecten", "verkennen", Pand),
        ["verkenningsbesluit"] = ("verkenningsbesluit", "verkennen", Examples.Opnemen),
        ["partners"] = ("partners", "informatie-delen", Arbeidsinspectie),
        ["informatieverzoeken"] = ("informatieverzoeken", "informatie-delen", Examples.Verzoek),
        ["informatiebijdragen"] = ("informatiebijdragen", "informatie-delen", Examples.Bijdrage()),
        ["informatiebijdragen-tilburg"] = ("informatiebijdragen", "informatie-delen", BijdrageTilburg),
        ["analyse"] = ("analyse", "informatie-delen", Examples.Analyse),
        ["interventieadviezen"] = ("interventieadviezen", "informatie-delen", Examples.Advies),
        ["subjecten-uitvoeren"] = ("subjecten", "uitvoeren", Pand),
        ["interventies"] = ("interventies", "uitvoeren", Examples.Interventie()),
        ["interventies-tilburg"] = ("interventies", "uitvoeren", InterventieTilburg),
        ["terugstappen"] = ("terugstappen", "uitvoeren", Examples.Terug("informatie-delen-en-analyseren")),
        ["uitvoeringsafronding"] = ("uitvoeringsafronding", "uitvoeren", Examples.Afronding),
        ["evaluaties"] = ("evaluaties", "evalueren", Examples.Evaluatie),
        ["terugstappen-evalueren"] = ("terugstappen", "evalueren", Examples.Terug("uitvoeren")),
        ["afsluiting"] = ("afsluiting", "evalueren", Examples.Afsluiting()),
        ["rectificaties"] = ("subjecten/{nummer:int}/rectificaties", "verkennen",
            new { subject = new { soort = "rechtspersoon", kvkNummer = "12345679", naam = "Ringbaan Vastgoed B.V." }, reden = "KvK-nummer verkeerd overgenomen." }),
    };

    private static object Pand => new { soort = "object-locatie", postcode = "5038AB", huisnummer = 12, omschrijving = "Bedrijfspand Ringbaan-Oost" };

    private static object Arbeidsinspectie => new
    {
        organisatie = new { id = "00000001822477348000", naam = "Nederlandse Arbeidsinspectie", type = "arbeidsinspectie" },
    };

    private static object BijdrageTilburg => new
    {
        doorPartnerId = Examples.TilburgId, categorie = "bestuurlijk", samenvatting = "Exploitatievergunning ontbreekt.",
        grondslag = "art. 5 Wet Bibob",
    };

    /// <summary>Tilburg registers the bestuurlijke intervention advised to it (advised intervention 1).</summary>
    private static object InterventieTilburg => new
    {
        instrument = "bestuurlijk", partnerId = Examples.TilburgId, datum = "2026-11-20", resultaat = "Pand gesloten.",
        bedragen = new { opgelegd = 0m, geindOfVerrekend = 0m, beslag = 0m }, adviesNummer = 1,
    };

    public static TheoryData<string, string, string> Cellen => Toegangstabel.Theorie(Tabel);

    private readonly CasusClient _coordinator = data.Api.Client();

    [Fact]
    public void The_table_covers_every_command_endpoint_and_every_persona()
    {
        var cellen = Toegangstabel.Lees(Tabel);
        Assert.Equal(Commandos.Keys.Order(), cellen.Select(c => c.Rij).Distinct().Order());
        Assert.All(cellen.GroupBy(c => c.Rij), rij => Assert.Equal(Wie.Iedereen, rij.Select(c => c.Persona)));
        var commandEndpoints = Endpoints.Van(data.Api)
            .Where(e => e.Methode == "POST" && e.Pad.StartsWith("/api/v1/casussen/{casusId:guid}/", StringComparison.Ordinal))
            .Select(e => e.Pad["/api/v1/casussen/{casusId:guid}/".Length..]);
        Assert.Equal(commandEndpoints.Order(), Commandos.Values.Where(c => c.Segment is not null).Select(c => c.Segment!).Distinct().Order());
        Assert.Contains(Endpoints.Van(data.Api), e => e is { Methode: "POST", Pad: "/api/v1/casussen" });
    }

    [Theory]
    [MemberData(nameof(Cellen))]
    public async Task Command(string commando, string persona, string verwacht)
    {
        var (segment, stap, body) = Commandos[commando];
        var expected = Verwacht.Parse(verwacht);
        var client = _coordinator.As(Wie.Actor(persona));
        var cel = $"{commando} as {persona}";
        if (segment is null)
        {
            await Signaal(client, body, expected, cel);
            return;
        }

        var id = expected.IsSucces ? await data.NieuweCasus(stap) : data.Gedeeld(stap);
        var before = await _coordinator.Version(id);

        var response = await client.Command(id, Pad(segment), body);

        expected.Check(response, cel);
        var after = await _coordinator.Version(id);
        if (expected.IsSucces)
        {
            Assert.Equal(before + 1, after);
            Assert.Equal(after, response.Body!["versie"]!.GetValue<long>());
            Assert.Equal($"\"{after}\"", response.ETag);
        }
        else
        {
            Assert.True(before == after, $"{cel}: refused with {(int)response.Status}, but the stream went from {before} to {after}.");
            Assert.Null(response.ETag);
        }

        if (expected.Status == HttpStatusCode.NotFound)
        {
            var missing = Guid.NewGuid();
            Toegangstabel.AlsOnbestaand(response, id, await client.Command(missing, Pad(segment), body), missing);
        }
    }

    /// <summary>A row's segment as a path: the rectification of subject 1.</summary>
    private static string Pad(string segment) => segment.Replace("{nummer:int}", "1", StringComparison.Ordinal);

    /// <summary>Access comes first: someone who cannot see the casus gets 404 and someone without the role 403, also when
    /// the command is not allowed in the step (409 otherwise) or the If-Match is stale (412 otherwise).</summary>
    [Theory]
    [InlineData("maastr", "afsluiting", null, "404")]
    [InlineData("belast", "afsluiting", null, "404")]
    [InlineData("auditor", "afsluiting", null, "rol")]
    [InlineData("tilburg", "afsluiting", null, "rol")]
    [InlineData("maastr", "verkenning", "\"99\"", "404")]
    [InlineData("landel", "verkenning", "\"99\"", "rol")]
    [InlineData("analist", "verkenning", "\"99\"", "rol")]
    public async Task Access_is_checked_before_the_step_rule_and_if_match(string persona, string segment, string? ifMatch, string verwacht)
    {
        var id = data.Gedeeld("signaal-ingediend");
        var body = segment == "afsluiting" ? Examples.Afsluiting() : Examples.Verkenning;
        var before = await _coordinator.Version(id);

        var response = await _coordinator.As(Wie.Actor(persona)).Command(id, segment, body, ifMatch);

        Verwacht.Parse(verwacht).Check(response, $"{segment} as {persona}");
        Assert.Equal(before, await _coordinator.Version(id));
        // The same requests by the coordinator show what the step rule and If-Match would have answered.
        Assert.Equal(ifMatch is null ? HttpStatusCode.Conflict : HttpStatusCode.PreconditionFailed,
            (await _coordinator.Command(id, segment, body, ifMatch)).Status);
        Assert.Equal(before, await _coordinator.Version(id));
    }

    /// <summary>A signaal creates a casus only when allowed; a refusal creates nothing (the national auditor's list count).</summary>
    private async Task Signaal(CasusClient client, object body, Verwacht expected, string cel)
    {
        var before = await Aantal();
        var response = await client.Post("/api/v1/casussen", body);
        expected.Check(response, cel);
        var after = await Aantal();
        if (expected.IsSucces)
        {
            Assert.Equal(before + 1, after);
            var id = response.Body!["id"]!.GetValue<string>();
            Assert.Equal($"/api/v1/casussen/{id}", response.Message.Headers.Location!.OriginalString);
            Assert.Equal(client.Actor!.Organisatie.Id, response.Body["indiener"]!["id"]!.GetValue<string>());
        }
        else
        {
            Assert.True(before == after, $"{cel}: refused with {(int)response.Status}, but the number of casussen went from {before} to {after}.");
        }
    }

    private async Task<long> Aantal() =>
        (await _coordinator.As(Personas.LandelijkeAuditor).Get("/api/v1/casussen")).AssertStatus(HttpStatusCode.OK).Body!["count"]!.GetValue<long>();
}
