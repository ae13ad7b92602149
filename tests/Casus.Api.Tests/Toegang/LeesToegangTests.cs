using System.Net;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Toegang;

/// <summary>Three casussen for the read matrix: one in Taskforce Brabant-Zeeland in verkennen (the partners named at opname
/// have not joined yet), one there in informatie-delen-en-analyseren (they have), and one in Limburg submitted by
/// Gemeente Maastricht (signaal-ingediend).</summary>
public sealed class LeesToegangData : IAsyncLifetime
{
    public CasusApi Api { get; } = new();
    public Dictionary<string, Guid> Casussen { get; } = [];

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        var client = Api.Client();
        Casussen["verkennen"] = await client.NewCasus();
        await client.Commands(Casussen["verkennen"],
            new Step("verkenning", Examples.Verkenning, Personas.Coordinator()), new Step("subjecten", Examples.Subject, Personas.Coordinator()));
        Casussen["delen"] = await client.NewCasus();
        await client.Commands(Casussen["delen"], Examples.ToInformatieDelen);
        var limburg = (await client.As(Personas.Maastricht).Post("/api/v1/casussen", Wie.Signaal(Wie.MaastrichtOrganisatie, "limburg")))
            .AssertStatus(HttpStatusCode.Created);
        Casussen["limburg"] = Guid.Parse(limburg.Body!["id"]!.GetValue<string>());
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>Every read endpoint (casus, history, audit and processing logs, register, overviews, and the one admin command) × every persona: the HTTP status
/// and problem code the access rules prescribe, written out below; a casus someone may not see answers exactly like one
/// that does not exist.</summary>
public sealed class LeesToegangTests(LeesToegangData data) : IClassFixture<LeesToegangData>
{
    /// <summary>200 success, 401 no token, 404 casus.niet-gevonden, rol 403 toegang.rol-ontbreekt.
    /// Which casussen each persona finds in the list is checked exactly in <see cref="LijstToegangTests"/>.</summary>
    private const string Tabel = """
        lezen                       anoniem coord coordL analist tilburg belast politie maastr auditor auditL landel liec privacy
        # privacy: the privacy officer of the region sees no casus (404), searches the processing log (art. 15)
        # GET /api/v1/casussen/{id}
        casus-verkennen             401     200   404    200     200     404    404     404    200     404    200    404    404
        casus-delen                 401     200   404    200     200     200    200     404    200     404    200    404    404
        casus-limburg               401     404   200    404     404     404    404     200    404     200    200    404    404
        # GET /api/v1/casussen/{id}/gebeurtenissen
        gebeurtenissen-verkennen    401     200   404    200     200     404    404     404    200     404    200    404    404
        gebeurtenissen-delen        401     200   404    200     200     200    200     404    200     404    200    404    404
        gebeurtenissen-limburg      401     404   200    404     404     404    404     200    404     200    200    404    404
        # GET /api/v1/casussen/{id}/auditrecords: auditors of the region and national auditors
        auditrecords-verkennen      401     rol   404    rol     rol     404    404     404    200     404    200    404    404
        auditrecords-delen          401     rol   404    rol     rol     rol    rol     404    200     404    200    404    404
        auditrecords-limburg        401     404   rol    404     404     404    404     rol    404     200    200    404    404
        # GET /api/v1/casussen/{id}/verwerkingen: the same as its audit log
        verwerkingen-verkennen      401     rol   404    rol     rol     404    404     404    200     404    200    404    404
        verwerkingen-delen          401     rol   404    rol     rol     rol    rol     404    200     404    200    404    404
        verwerkingen-limburg        401     404   rol    404     404     404    404     rol    404     200    200    404    404
        # GET /api/v1/casussen/{id}/historie?versie=1, /verschillen?van=0&tot=1, /dossier, /keten: as the audit log
        historie-verkennen          401     rol   404    rol     rol     404    404     404    200     404    200    404    404
        historie-delen              401     rol   404    rol     rol     rol    rol     404    200     404    200    404    404
        historie-limburg            401     404   rol    404     404     404    404     rol    404     200    200    404    404
        verschillen-verkennen       401     rol   404    rol     rol     404    404     404    200     404    200    404    404
        verschillen-delen           401     rol   404    rol     rol     rol    rol     404    200     404    200    404    404
        verschillen-limburg         401     404   rol    404     404     404    404     rol    404     200    200    404    404
        dossier-verkennen           401     rol   404    rol     rol     404    404     404    200     404    200    404    404
        dossier-delen               401     rol   404    rol     rol     rol    rol     404    200     404    200    404    404
        dossier-limburg             401     404   rol    404     404     404    404     rol    404     200    200    404    404
        keten-verkennen             401     rol   404    rol     rol     404    404     404    200     404    200    404    404
        keten-delen                 401     rol   404    rol     rol     rol    rol     404    200     404    200    404    404
        keten-limburg               401     404   rol    404     404     404    404     rol    404     200    200    404    404
        # POST and GET /api/v1/regios/taskforce-brabant-zeeland/ketencontroles: auditors of that region and national ones
        ketencontrole-uitvoeren     401     rol   rol    rol     rol     rol    rol     rol    201     rol    201    rol    rol
        ketencontroles              401     rol   rol    rol     rol     rol    rol     rol    200     rol    200    rol    rol
        # GET /api/v1/casussen (the rows are checked per persona in LijstToegangTests)
        casussen                    401     200   200    200     200     200    200     200    200     200    200    rol    rol
        # GET /api/v1/auditrecords and POST /api/v1/verwerkingen/_zoek: any auditor
        auditrecords                401     rol   rol    rol     rol     rol    rol     rol    200     200    200    rol    rol
        verwerkingen-zoek           401     rol   rol    rol     rol     rol    rol     rol    200     200    200    rol    200
        # GET /api/v1/verwerkingsactiviteiten: everyone who is signed in
        verwerkingsactiviteiten     401     200   200    200     200     200    200     200    200     200    200    200    200
        # GET /api/v1/partners/{Gemeente Tilburg}/dashboard: its own staff and auditors
        dashboard-tilburg           401     org   org    org     200     org    org     org    200     200    200    org    org
        # GET /api/v1/partners/{Gemeente Tilburg}/informatieverzoeken, /interventieadviezen, /stille-casussen: as its dashboard
        verzoeken-tilburg           401     org   org    org     200     org    org     org    200     200    200    org    org
        adviezen-tilburg            401     org   org    org     200     org    org     org    200     200    200    org    org
        stil-tilburg                401     org   org    org     200     org    org     org    200     200    200    org    org
        # GET /api/v1/regios/taskforce-brabant-zeeland/overzicht: RIEC staff and auditors of the region
        riec-overzicht              401     200   rol    200     rol     rol    rol     rol    200     rol    200    rol    rol
        # GET /api/v1/jaarcijfers/2026: the LIEC and RIEC coordinators
        jaarcijfers                 401     200   200    rol     rol     rol    rol     rol    rol     rol    rol    200    rol
        # POST /api/v1/beheer/projecties/_herbouw: administrators only (none of these personas)
        herbouwen                   401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        # POST /api/v1/beheer/importen: administrators only (ImportTests has the administrator)
        importeren                  401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        # POST /api/v1/regios/taskforce-brabant-zeeland/ondermijningsbeelden: the region's coordinators
        beeld-registreren           401     201   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        # GET /api/v1/regios/taskforce-brabant-zeeland/ondermijningsbeelden: as the RIEC overview
        beelden                     401     200   rol    200     rol     rol    rol     rol    200     rol    200    rol    rol
        # /api/v1/partners/{Gemeente Tilburg}/abonnementen[/…]: its integratiebeheerders only (none of these personas;
        # own organisation, other organisation and the role itself: WebhookTests and OverzichtToegangTests)
        abonnementen                401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        abonnement-aanmaken         401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        abonnement                  401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        abonnement-verwijderen      401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        geheim-roteren              401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        abonnement-hervatten        401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        afleveringen                401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        herbezorging                401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    rol
        # GET /api/v1/vernietigingslijsten and POST /api/v1/wisverzoeken (one that finds no casus): privacy officers; auditors read the lists
        vernietigingslijsten        401     rol   rol    rol     rol     rol    rol     rol    200     200    200    rol    200
        wisverzoek                  401     rol   rol    rol     rol     rol    rol     rol    rol     rol    rol    rol    201
        """;

    /// <summary>Per row: method and route pattern, the casus it reads (null: none), the body of a POST.</summary>
    private static readonly Dictionary<string, (string Methode, string Pad, string? Casus, object? Body)> Lezen = new()
    {
        ["casus-verkennen"] = ("GET", CasusPad, "verkennen", null),
        ["casus-delen"] = ("GET", CasusPad, "delen", null),
        ["casus-limburg"] = ("GET", CasusPad, "limburg", null),
        ["gebeurtenissen-verkennen"] = ("GET", CasusPad + "/gebeurtenissen", "verkennen", null),
        ["gebeurtenissen-delen"] = ("GET", CasusPad + "/gebeurtenissen", "delen", null),
        ["gebeurtenissen-limburg"] = ("GET", CasusPad + "/gebeurtenissen", "limburg", null),
        ["auditrecords-verkennen"] = ("GET", CasusPad + "/auditrecords", "verkennen", null),
        ["auditrecords-delen"] = ("GET", CasusPad + "/auditrecords", "delen", null),
        ["auditrecords-limburg"] = ("GET", CasusPad + "/auditrecords", "limburg", null),
        ["verwerkingen-verkennen"] = ("GET", CasusPad + "/verwerkingen", "verkennen", null),
        ["verwerkingen-delen"] = ("GET", CasusPad + "/verwerkingen", "delen", null),
        ["verwerkingen-limburg"] = ("GET", CasusPad + "/verwerkingen", "limburg", null),
        ["historie-verkennen"] = ("GET", CasusPad + "/historie?versie=1", "verkennen", null),
        ["historie-delen"] = ("GET", CasusPad + "/historie?versie=1", "delen", null),
        ["historie-limburg"] = ("GET", CasusPad + "/historie?versie=1", "limburg", null),
        ["verschillen-verkennen"] = ("GET", CasusPad + "/verschillen?van=0&tot=1", "verkennen", null),
        ["verschillen-delen"] = ("GET", CasusPad + "/verschillen?van=0&tot=1", "delen", null),
        ["verschillen-limburg"] = ("GET", CasusPad + "/verschillen?van=0&tot=1", "limburg", null),
        ["dossier-verkennen"] = ("GET", CasusPad + "/dossier", "verkennen", null),
        ["dossier-delen"] = ("GET", CasusPad + "/dossier", "delen", null),
        ["dossier-limburg"] = ("GET", CasusPad + "/dossier", "limburg", null),
        ["keten-verkennen"] = ("GET", CasusPad + "/keten", "verkennen", null),
        ["keten-delen"] = ("GET", CasusPad + "/keten", "delen", null),
        ["keten-limburg"] = ("GET", CasusPad + "/keten", "limburg", null),
        ["ketencontrole-uitvoeren"] = ("POST", RegioPad, null, new { }),
        ["ketencontroles"] = ("GET", RegioPad, null, null),
        ["casussen"] = ("GET", "/api/v1/casussen", null, null),
        ["auditrecords"] = ("GET", "/api/v1/auditrecords", null, null),
        ["verwerkingen-zoek"] = ("POST", "/api/v1/verwerkingen/_zoek", null, ZoekBody),
        ["verwerkingsactiviteiten"] = ("GET", "/api/v1/verwerkingsactiviteiten", null, null),
        ["dashboard-tilburg"] = ("GET", "/api/v1/partners/{organisatieId}/dashboard", null, null),
        ["verzoeken-tilburg"] = ("GET", "/api/v1/partners/{organisatieId}/informatieverzoeken", null, null),
        ["adviezen-tilburg"] = ("GET", "/api/v1/partners/{organisatieId}/interventieadviezen", null, null),
        ["stil-tilburg"] = ("GET", "/api/v1/partners/{organisatieId}/stille-casussen", null, null),
        ["riec-overzicht"] = ("GET", "/api/v1/regios/{regio}/overzicht", null, null),
        ["jaarcijfers"] = ("GET", "/api/v1/jaarcijfers/{jaar:int}", null, null),
        ["herbouwen"] = ("POST", "/api/v1/beheer/projecties/_herbouw", null, new { }),
        ["importeren"] = ("POST", "/api/v1/beheer/importen", null, new { }),
        ["beeld-registreren"] = ("POST", BeeldenPad, null, new { titel = "Ondermijningsbeeld haven", opgeleverdOp = "2026-10-01" }),
        ["beelden"] = ("GET", BeeldenPad, null, null),
        ["abonnementen"] = ("GET", AbonnementenPad, null, null),
        ["abonnement-aanmaken"] = ("POST", AbonnementenPad, null, new { callbackUrl = "https://partner.example/hook", soorten = new[] { "stap-gewijzigd" } }),
        ["abonnement"] = ("GET", AbonnementPad, null, null),
        ["abonnement-verwijderen"] = ("DELETE", AbonnementPad, null, null),
        ["geheim-roteren"] = ("POST", AbonnementPad + "/geheimen", null, new { }),
        ["abonnement-hervatten"] = ("POST", AbonnementPad + "/hervatting", null, new { }),
        ["afleveringen"] = ("GET", AbonnementPad + "/afleveringen", null, null),
        ["herbezorging"] = ("POST", AbonnementPad + "/afleveringen/{afleveringId:guid}/herbezorging", null, new { }),
        ["vernietigingslijsten"] = ("GET", "/api/v1/vernietigingslijsten", null, null),
        ["wisverzoek"] = ("POST", "/api/v1/wisverzoeken", null, new { subject = new { soort = "rechtspersoon", kvkNummer = "12345670", naam = "Y" },
            grond = "niet-meer-nodig", kenmerk = "AVG-1" }),
    };

    private const string AbonnementenPad = "/api/v1/partners/{organisatieId}/abonnementen";
    private const string BeeldenPad = "/api/v1/regios/{regio}/ondermijningsbeelden";
    private const string AbonnementPad = AbonnementenPad + "/{abonnementId:guid}";

    /// <summary>The route values the overview rows are read with.</summary>
    private static string Invullen(string pad) => pad.Replace("{organisatieId}", Examples.TilburgId, StringComparison.Ordinal)
        .Replace("{abonnementId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal).Replace("{afleveringId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
        .Replace("{regio}", "taskforce-brabant-zeeland", StringComparison.Ordinal).Replace("{jaar:int}", "2026", StringComparison.Ordinal);

    private const string CasusPad = "/api/v1/casussen/{casusId:guid}";
    private const string RegioPad = "/api/v1/regios/{regio}/ketencontroles";

    /// <summary>The body of the example search.</summary>
    public static object ZoekBody => new { subject = new { soort = "rechtspersoon", kvkNummer = "12345678", naam = "X" } };

    public static TheoryData<string, string, string> Cellen => Toegangstabel.Theorie(Tabel);

    private readonly CasusClient _client = data.Api.Client();

    [Theory]
    [MemberData(nameof(Cellen))]
    public async Task Read(string lezen, string persona, string verwacht)
    {
        var (methode, pad, casus, body) = Lezen[lezen];
        var expected = Verwacht.Parse(verwacht);
        var client = _client.As(Wie.Actor(persona));
        var id = casus is null ? (Guid?)null : data.Casussen[casus];
        async Task<ApiResponse> Send(Guid? casusId)
        {
            var url = casusId is { } c ? pad.Replace("{casusId:guid}", c.ToString(), StringComparison.Ordinal) : Invullen(pad);
            return methode switch
            {
                "POST" => await client.Post(url, body!),
                "DELETE" => await client.Send(HttpMethod.Delete, url, null, null),
                _ => await client.Get(url),
            };
        }

        var response = await Send(id);

        expected.Check(response, $"{lezen} as {persona}");
        if (expected.Status == HttpStatusCode.NotFound)
        {
            var missing = Guid.NewGuid();
            Toegangstabel.AlsOnbestaand(response, id!.Value, await Send(missing), missing);
        }
        if (!expected.IsSucces) return;

        if (lezen.StartsWith("casus-", StringComparison.Ordinal))
            Assert.Equal(id.ToString(), response.Body!["id"]!.GetValue<string>());
        else if (lezen.StartsWith("gebeurtenissen-", StringComparison.Ordinal))
            Assert.Equal("SignaalIngediend", response.Body!.AsArray()[0]!["type"]!.GetValue<string>());
        else if (lezen.StartsWith("auditrecords-", StringComparison.Ordinal))
        {
            var rows = response.Body!["results"]!.AsArray();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(id.ToString(), r!["casusId"]!.GetValue<string>()));
        }
        else if (lezen.StartsWith("historie-", StringComparison.Ordinal))
            Assert.Equal(1, response.Body!["versie"]!.GetValue<long>());
        else if (lezen.StartsWith("verschillen-", StringComparison.Ordinal))
            Assert.Equal("SignaalIngediend", response.Body!["wijzigingen"]!.AsArray().Single()!["type"]!.GetValue<string>());
        else if (lezen.StartsWith("dossier-", StringComparison.Ordinal))
            Assert.Equal(id.ToString(), response.Body!["casus"]!["id"]!.GetValue<string>());
        else if (lezen.StartsWith("keten-", StringComparison.Ordinal))
            Assert.Equal("ok", response.Body!["status"]!.GetValue<string>());
        else if (lezen == "ketencontrole-uitvoeren")
            Assert.Empty(response.Body!["gebroken"]!.AsArray());
        else if (lezen == "verwerkingsactiviteiten")
            Assert.NotEmpty(response.Body!.AsArray());
        else if (lezen == "dashboard-tilburg")
            Assert.Equal(Examples.TilburgId, response.Body!["organisatieId"]!.GetValue<string>());
        else if (lezen == "riec-overzicht")
            Assert.Equal("taskforce-brabant-zeeland", response.Body!["regio"]!.GetValue<string>());
        else if (lezen == "jaarcijfers")
            Assert.Equal(2026, response.Body!["jaar"]!.GetValue<int>());
        else if (lezen == "beeld-registreren")
            Assert.Equal("taskforce-brabant-zeeland", response.Body!["regio"]!.GetValue<string>());
        else if (lezen == "wisverzoek")
            Assert.Empty(response.Body!["uitkomsten"]!.AsArray());
        else
            Assert.NotNull(response.Body!["results"]!.AsArray());
    }

    [Fact]
    public void The_table_covers_every_read_endpoint_and_every_persona()
    {
        var cellen = Toegangstabel.Lees(Tabel);
        Assert.Equal(Lezen.Keys.Order(), cellen.Select(c => c.Rij).Distinct().Order());
        Assert.All(cellen.GroupBy(c => c.Rij), rij => Assert.Equal(Wie.Iedereen, rij.Select(c => c.Persona)));

        // Every endpoint the API maps is in this matrix or in the command matrix, except the OpenAPI document, the
        // redirect from / to Swagger UI and the development-only token endpoint (all anonymous by design).
        // One stored chain check is read back by id in KetenTests (its 404 is ketencontrole.niet-gevonden, not a casus's).
        var inMatrices = Lezen.Values.Select(l => $"{l.Methode} {l.Pad.Split('?')[0]}")
            .Append("GET /api/v1/regios/{regio}/ketencontroles/{controleId:guid}")
            // One registered ondermijningsbeeld is read back by id in OndermijningsbeeldTests.
            .Append("GET /api/v1/regios/{regio}/ondermijningsbeelden/{beeldId:guid}")
            // One destruction list, its approval and one erasure request need one to exist: Privacy/PrivacyToegangTests.
            .Append("GET /api/v1/vernietigingslijsten/{lijstId:guid}").Append("POST /api/v1/vernietigingslijsten/{lijstId:guid}/akkoorden")
            .Append("GET /api/v1/wisverzoeken/{verzoekId:guid}")
            .Append("POST /api/v1/casussen").Append("POST /api/v1/casussen/{casusId:guid}/*");
        var mapped = Endpoints.Van(data.Api).Select(e => $"{e.Methode} {e.Pad}")
            .Select(e => e.StartsWith("POST /api/v1/casussen/{casusId:guid}/", StringComparison.Ordinal) ? "POST /api/v1/casussen/{casusId:guid}/*" : e)
            .Where(e => e is not ("GET /api/{documentName}/openapi.json" or "GET /" or "POST /api/v1/ontwikkeltokens"))
            // Bestuurlijke signalen have their own matrix (BestuurlijkeSignalen/SignaalEndpointToegangTests).
            .Where(e => !e.Contains(" /api/v1/bestuurlijke-signalen", StringComparison.Ordinal));
        Assert.Equal(inMatrices.Distinct().Order(), mapped.Distinct().Order());
    }

    [Theory]
    [InlineData("coordL", "404")]
    [InlineData("belast", "404")]
    [InlineData("liec", "404")]
    [InlineData("tilburg", "304")]
    public async Task A_matching_if_none_match_does_not_reveal_a_hidden_casus(string persona, string verwacht)
    {
        var id = data.Casussen["verkennen"];
        var etag = (await _client.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).ETag;

        var response = await _client.As(Wie.Actor(persona)).Send(HttpMethod.Get, $"/api/v1/casussen/{id}", null, null, etag);

        if (verwacht == "304")
        {
            Assert.Equal(HttpStatusCode.NotModified, response.Status);
            Assert.Equal(etag, response.ETag);
        }
        else
        {
            Verwacht.Parse(verwacht).Check(response, $"If-None-Match as {persona}");
            Assert.Null(response.ETag);
        }
    }

    [Fact]
    public async Task An_organisation_sees_a_casus_from_the_moment_it_joins()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        var maastricht = _client.As(Personas.Maastricht);
        (await maastricht.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id.ToString(), await Ids(maastricht));
        (await maastricht.Command(id, "informatiebijdragen", BijdrageMaastricht)).AssertStatus(HttpStatusCode.NotFound);

        (await _client.Command(id, "partners", new { organisatie = Wie.MaastrichtOrganisatie })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(id.ToString(), (await maastricht.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).Body!["id"]!.GetValue<string>());
        (await maastricht.Get($"/api/v1/casussen/{id}/gebeurtenissen")).AssertStatus(HttpStatusCode.OK);
        Assert.Contains(id.ToString(), await Ids(maastricht));
        var before = await _client.Version(id);
        (await maastricht.Command(id, "informatiebijdragen", BijdrageMaastricht)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(before + 1, await _client.Version(id));
        var andere = (await maastricht.Command(id, "informatiebijdragen", Examples.Bijdrage(null))).AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("toegang.andere-organisatie", andere.Code);
        var rol = (await maastricht.Command(id, "analyse", Examples.Analyse)).AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("toegang.rol-ontbreekt", rol.Code);
        Assert.Equal(before + 1, await _client.Version(id));
    }

    private static object BijdrageMaastricht => new
    {
        doorPartnerId = Wie.MaastrichtId, categorie = "bestuurlijk", samenvatting = "Vergelijkbare huurder in Maastricht.", grondslag = "art. 5 Wet Bibob",
    };

    private static async Task<List<string>> Ids(CasusClient client) =>
        (await Toegangstabel.AllePaginas(client, "/api/v1/casussen")).Select(r => r["id"]!.GetValue<string>()).ToList();
}
