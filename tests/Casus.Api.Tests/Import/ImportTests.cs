using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casus.Api.Import;
using Casus.Api.Tests.Infrastructure;
using Casus.Projections.Historie;
using Microsoft.Extensions.DependencyInjection;

namespace Casus.Api.Tests.Import;

/// <summary>The import of existing casussen (docs/import.md): a file with good and bad lines; the dry run lists exactly the bad
/// ones with their codes and writes nothing; the real run imports the good ones, whose events say they were imported and pass
/// the chain check, audited and with processing records; a second run imports nothing. Over HTTP (JSON Lines and a JSON array)
/// and from the command line.</summary>
public sealed class ImportTests(CasusApi api) : IClassFixture<CasusApi>
{
    private const string Pad = "/api/v1/beheer/importen";
    private readonly CasusClient _beheer = api.Client(Personas.Beheerder);

    private static readonly object Tilburg = Examples.Tilburg;

    /// <summary>A casus line of region <paramref name="regio"/> with its signaal and steps (anonymous objects).</summary>
    private static string Casusregel(string referentie, object[] stappen, string regio = "taskforce-brabant-zeeland", Action<JsonObject>? signaal = null)
    {
        var s = JsonSerializer.SerializeToNode(new
        {
            datum = "2023-02-06", indiener = Tilburg, omschrijving = "Hennepkwekerij in bedrijfspand.",
            themas = new object[] { new { soort = "hennepteelt-en-drugs" } },
        })!.AsObject();
        signaal?.Invoke(s);
        return JsonSerializer.Serialize(new { soort = "casus", regio, referentie, signaal = s, stappen });
    }

    private static object Stap(string commando, string? datum, object gegevens)
    {
        var stap = JsonSerializer.SerializeToNode(gegevens)!.AsObject();
        stap["commando"] = commando;
        if (datum is not null) stap["datum"] = datum;
        return stap;
    }

    private static readonly object Verkenning = Stap("verkenning", "2023-02-08", new { coordinator = "J. de Vries" });
    private static readonly object Opname = Stap("verkenningsbesluit", "2023-03-01", new { besluit = "opnemen", motivering = "Integraal.", partners = new[] { Examples.Tilburg, Examples.Belastingdienst } });
    private static readonly object Subject = Stap("subjecten", null, Examples.Subject);
    private static object Analyse(string datum = "2023-04-12") => Stap("analyse", datum, new { samenvatting = "Witwassen via vastgoed." });
    private static object Advies(string datum = "2023-04-20") => Stap("interventieadviezen", datum, new
    {
        interventies = new object[] { new { instrument = "fiscaal", partnerId = Examples.BelastingdienstId, omschrijving = "Navorderingsaanslag." } },
    });

    /// <summary>Line number → the line, and what the import must say of it (null: ok).</summary>
    private static readonly (string Regel, string? Code)[] Bestand =
    [
        (JsonSerializer.Serialize(new { soort = "ondermijningsbeeld", regio = "taskforce-brabant-zeeland", referentie = "OB-2022-08", titel = "Bedrijventerreinen", opgeleverdOp = "2022-11-15" }), null),
        (Casusregel("TBZ-1", [Verkenning, Subject, Opname, Analyse(), Advies(),
            Stap("interventies", "2023-06-14", new { instrument = "fiscaal", partnerId = Examples.BelastingdienstId, resultaat = "Aanslag.", bedragen = new { opgelegd = 412000.00m }, adviesNummer = 1 }),
            Stap("uitvoeringsafronding", "2023-09-01", new { }), Stap("evaluaties", "2023-09-15", new { effect = "Effect.", lessen = "Lessen." }),
            Stap("afsluiting", "2023-10-02", new { reden = "Klaar." })], signaal: s => s["ondermijningsbeeld"] = "OB-2022-08"), null),
        (Casusregel("TBZ-2", [Stap("verkenning", "2099-01-01", new { coordinator = "J. de Vries" })]), "ongeldige-invoer"),
        (Casusregel("TBZ-3", [Verkenning, Opname, Analyse("2023-04-12"), Advies("2023-04-01")]), "casus.datum-voor-vorige-stap"),
        (Casusregel("TBZ-4", [Verkenning, Stap("afsluiting", "2023-03-01", new { reden = "Klaar." })]), "casus.stap-niet-toegestaan"),
        ("{ dit is geen json", "ongeldige-json"),
        (Casusregel("TBZ-5", [Verkenning, Stap("verkenningsbesluit", null, new { besluit = "niet-opnemen", reden = "Geen ondermijning." })]), "ongeldige-invoer"),
        (Casusregel("L-7", [], regio: "limburg"), null),
        (Casusregel("TBZ-1", [Verkenning]), ImportCodes.Dubbel),
        (Casusregel("TBZ-6", [Verkenning], signaal: s => s["ondermijningsbeeld"] = "OB-BESTAAT-NIET"), "ongeldige-invoer"),
        (Casusregel("NH-9", [Verkenning, Opname], regio: "noord-holland", signaal: s =>
        {
            s.Remove("themas");
            s["bronnen"] = JsonSerializer.SerializeToNode(new[] { Examples.Politie });
        }), null),
        // Characters PostgreSQL cannot store, in what is looked up: refused like any invalid text, the rest of the file goes on.
        (Casusregel("TBZ-\u0000", [Verkenning]), "ongeldige-invoer"),
        (Casusregel("TBZ-7", [Verkenning], signaal: s => s["ondermijningsbeeld"] = "OB-\u0000"), "ongeldige-invoer"),
    ];

    private static class ImportCodes
    {
        public const string Dubbel = Importcodes.DubbeleReferentie;
    }

    private static string AlsJsonLines() => string.Join("\n", Bestand.Select(b => b.Regel)) + "\n";

    private async Task<JsonNode> Importeer(bool proefdraai, string? tekst = null, string mediatype = "application/x-ndjson")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Pad}?bronsysteem=RIEC-IS&proefdraai={(proefdraai ? "true" : "false")}")
        {
            Content = new StringContent(tekst ?? AlsJsonLines(), Encoding.UTF8, mediatype),
        };
        return (await _beheer.Send(request)).AssertStatus(HttpStatusCode.OK).Body!;
    }

    private static void ElkeRegelZoalsVerwacht(JsonNode verslag, bool opnieuw = false)
    {
        var regels = verslag["regelverslagen"]!.AsArray();
        Assert.Equal(Bestand.Length, regels.Count);
        for (var i = 0; i < Bestand.Length; i++)
        {
            var regel = regels[i]!;
            var (status, code) = Bestand[i].Code is { } c ? ("geweigerd", c) : opnieuw ? ("overgeslagen", Importcodes.AlGeimporteerd) : ("ok", null);
            Assert.True(i + 1 == regel["regel"]!.GetValue<int>() && status == regel["status"]!.GetValue<string>() && code == regel["code"]?.GetValue<string>(),
                $"line {i + 1}: expected {status} {code}, got {regel.ToJsonString()}");
        }
    }

    [Fact]
    public async Task A_dry_run_lists_exactly_the_bad_lines_with_their_codes_and_writes_nothing_a_real_run_imports_the_good_ones_a_second_nothing()
    {
        var voor = await Gebeurtenissen();

        var proef = await Importeer(proefdraai: true);
        ElkeRegelZoalsVerwacht(proef);
        Assert.True(proef["proefdraai"]!.GetValue<bool>());
        Assert.Equal((4, 9, 0), (proef["ok"]!.GetValue<int>(), proef["geweigerd"]!.GetValue<int>(), proef["overgeslagen"]!.GetValue<int>()));
        var regels = proef["regelverslagen"]!.AsArray();
        Assert.Equal(["stappen[0].datum"], regels[2]!["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("in-future", regels[2]!["invalidParams"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(3, regels[3]!["stap"]!.GetValue<int>());
        Assert.Equal(1, regels[4]!["stap"]!.GetValue<int>());
        Assert.Equal(["stappen[1].datum"], regels[6]!["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(["signaal.ondermijningsbeeld"], regels[9]!["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(("referentie", "ongeldig-teken"), (regels[11]!["invalidParams"]![0]!["name"]!.GetValue<string>(), regels[11]!["invalidParams"]![0]!["code"]!.GetValue<string>()));
        Assert.Equal(10, regels[1]!["gebeurtenissen"]!.GetValue<int>());
        Assert.Equal(voor, await Gebeurtenissen());

        var echt = await Importeer(proefdraai: false);
        ElkeRegelZoalsVerwacht(echt);
        var batch = echt["batchId"]!.GetValue<string>();
        // The beeld (1 event), TBZ-1 (10), L-7 (1) and NH-9 (3).
        Assert.Equal((15L, 3, 1), (echt["gebeurtenissen"]!.GetValue<long>(), echt["casussen"]!.GetValue<int>(), echt["ondermijningsbeelden"]!.GetValue<int>()));
        Assert.Equal(voor + 15, await Gebeurtenissen());

        // An imported casus is as one typed in, with dated steps and its source; its events say where they came from.
        var id = echt["regelverslagen"]![1]!["id"]!.GetValue<Guid>();
        var auditor = api.Client(Personas.Auditor);
        var casus = (await auditor.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(("afgesloten", "TBZ-1", "2023-03-01"), (casus["stap"]!.GetValue<string>(), casus["referentie"]!.GetValue<string>(),
            casus["opgenomenOp"]!.GetValue<string>()));
        Assert.Equal(echt["regelverslagen"]![0]!["id"]!.GetValue<string>(), casus["ondermijningsbeeldId"]!.GetValue<string>());
        var history = await auditor.History(id);
        Assert.Equal(10, history.Count);
        Assert.All(history, e => Assert.Equal((batch, "RIEC-IS", "j.beheer"),
            (e!["import"]!["batch"]!.GetValue<string>(), e["import"]!["bronsysteem"]!.GetValue<string>(), e["import"]!["door"]!.GetValue<string>())));
        Assert.Equal("2023-06-14", history[6]!["datum"]!.GetValue<string>());
        var dossier = (await auditor.Get($"/api/v1/casussen/{id}/dossier")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(Examples.BelastingdienstId, dossier["gebeurtenissen"]![6]!["organisatie"]!.GetValue<string>());
        Assert.Equal("j.beheer", dossier["gebeurtenissen"]![6]!["gebruiker"]!.GetValue<string>());

        // Every imported stream passes the chain check: casussen and the ondermijningsbeeld.
        var ids = echt["regelverslagen"]!.AsArray().Where(r => r!["status"]!.GetValue<string>() == "ok").Select(r => r!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal(4, ids.Count);
        var ketens = await api.Services.GetRequiredService<Ketenlezer>().Controleer(ids, CancellationToken.None);
        Assert.All(ketens.Values, k => Assert.True(k.IsOk, k.Reden));
        Assert.Equal("ok", (await auditor.Get($"/api/v1/casussen/{id}/keten")).AssertStatus(HttpStatusCode.OK).Body!["status"]!.GetValue<string>());

        // Audited: a record per imported casus in its transaction, one for the batch; processing records for its subject.
        var audit = (await auditor.Get($"/api/v1/casussen/{id}/auditrecords")).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray();
        var importrecord = audit.Single(a => a!["actie"]!.GetValue<string>() == "casus-importeren")!;
        Assert.Contains(batch, importrecord["reden"]!.GetValue<string>());
        var verwerkingen = (await auditor.Get($"/api/v1/casussen/{id}/verwerkingen")).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray();
        Assert.Contains(verwerkingen, v => v!["activiteitId"]!.GetValue<string>() == "casus-import");
        var batches = (await api.Client(Personas.LandelijkeAuditor).Get("/api/v1/auditrecords?gebruiker=j.beheer&pageSize=100")).AssertStatus(HttpStatusCode.OK)
            .Body!["results"]!.AsArray().Where(a => a!["actie"]!.GetValue<string>() == "importbatch").Select(a => a!["reden"]!.GetValue<string>()).ToList();
        Assert.Contains(batches, r => r.Contains(batch, StringComparison.Ordinal) && r.Contains("13 regels, 4 ok, 9 geweigerd, 0 overgeslagen, 15 gebeurtenissen", StringComparison.Ordinal));

        // Again: nothing new; the good lines are skipped by their reference, the bad ones refused as before.
        var nogmaals = await Importeer(proefdraai: false);
        ElkeRegelZoalsVerwacht(nogmaals, opnieuw: true);
        Assert.Equal((0, 0L), (nogmaals["ok"]!.GetValue<int>(), nogmaals["gebeurtenissen"]!.GetValue<long>()));
        Assert.Equal(id, nogmaals["regelverslagen"]![1]!["id"]!.GetValue<Guid>());
        Assert.Equal(voor + echt["gebeurtenissen"]!.GetValue<long>(), await Gebeurtenissen());

        // The figures count the imported casus in the year it happened.
        await api.WachtOpOverzichtenAsync();
        var cijfers = (await api.Client(Personas.Liec).Get("/api/v1/jaarcijfers/2023")).AssertStatus(HttpStatusCode.OK).Body!["regios"]!.AsArray()
            .Single(r => r!["regio"]!.GetValue<string>() == "taskforce-brabant-zeeland")!;
        Assert.Equal((1, 1, 1), (cijfers["tabel1"]!["behandeld"]!.GetValue<int>(), cijfers["tabel1"]!["uitOndermijningsbeelden"]!.GetValue<int>(),
            cijfers["tabel1"]!["fiscaal"]!.GetValue<int>()));
        Assert.Equal(412000m, cijfers["tabel2"]!["opgelegd"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_example_of_the_documentation_passes_a_dry_run_as_json_lines_and_as_a_json_array()
    {
        var regels = Importvoorbeeld.Regels;
        var doc = Repo.Doc("import.md");
        Assert.All(regels, r => Assert.Contains(r, doc));

        var alsRegels = await Importeer(true, string.Join("\r\n", regels));
        var alsArray = await Importeer(true, "[" + string.Join(",", regels) + "]", "application/json");

        foreach (var verslag in new[] { alsRegels, alsArray })
            Assert.Equal((2, 0, 11L), (verslag["ok"]!.GetValue<int>(), verslag["geweigerd"]!.GetValue<int>(), verslag["gebeurtenissen"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_anything_is_read()
    {
        var zonderBron = new HttpRequestMessage(HttpMethod.Post, $"{Pad}?proefdraai=true") { Content = new StringContent("", Encoding.UTF8, "application/x-ndjson") };
        Assert.Equal(["bronsysteem"], (await _beheer.Send(zonderBron)).AssertStatus(HttpStatusCode.BadRequest).InvalidParamNames);
        var tekst = new HttpRequestMessage(HttpMethod.Post, $"{Pad}?bronsysteem=x") { Content = new StringContent("x", Encoding.UTF8, "text/csv") };
        Assert.Equal("mediatype-niet-ondersteund", (await _beheer.Send(tekst)).AssertStatus(HttpStatusCode.UnsupportedMediaType).Code);
        var geenArray = new HttpRequestMessage(HttpMethod.Post, $"{Pad}?bronsysteem=x") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        Assert.Equal("ongeldige-json", (await _beheer.Send(geenArray)).AssertStatus(HttpStatusCode.BadRequest).Code);
        Assert.Equal("toegang.rol-ontbreekt", (await api.Client(Personas.Coordinator()).Post($"{Pad}?bronsysteem=x", new { })).AssertStatus(HttpStatusCode.Forbidden).Code);
    }

    [Fact]
    public async Task From_the_command_line_the_same_import_reports_and_exits_non_zero_for_refused_lines()
    {
        var bestand = Path.Combine(Path.GetTempPath(), $"casus-import-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(bestand, [Casusregel("CLI-1", [Verkenning, Opname], regio: "rotterdam"), Casusregel("CLI-2", [Stap("verkenning", "2099-01-01", new { coordinator = "X" })], regio: "rotterdam")]);
        try
        {
            var (code, uitvoer, fouten) = await Opdrachtregel(bestand, "--bronsysteem", "RIEC-IS", "--door", "b.beheer");
            Assert.True(code == 1, $"exit {code}: {fouten}");
            var verslag = JsonNode.Parse(uitvoer)!;
            Assert.Equal(("ok", "geweigerd"), (verslag["regelverslagen"]![0]!["status"]!.GetValue<string>(), verslag["regelverslagen"]![1]!["status"]!.GetValue<string>()));
            Assert.Contains("regel 2 (CLI-2): ongeldige-invoer", fouten);
            var id = verslag["regelverslagen"]![0]!["id"]!.GetValue<Guid>();
            var history = await api.Client(Personas.Coordinator(Casus.Domain.Gedeeld.RiecRegio.Rotterdam)).History(id);
            Assert.Equal("b.beheer", history[0]!["import"]!["door"]!.GetValue<string>());

            var (opnieuw, _, _) = await Opdrachtregel(bestand, "--bronsysteem", "RIEC-IS", "--door", "b.beheer");
            Assert.Equal(1, opnieuw);
            var (gebruik, _, uitleg) = await Opdrachtregel(bestand);
            Assert.Equal(2, gebruik);
            Assert.Contains("--bronsysteem", uitleg);
        }
        finally
        {
            File.Delete(bestand);
        }
    }

    /// <summary>Runs <c>dotnet Casus.Api.dll import …</c> on this test's database.</summary>
    private async Task<(int Code, string Uitvoer, string Fouten)> Opdrachtregel(string bestand, params string[] opties)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Casus.Api.dll"), "import", bestand }.Concat(opties)) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Casus"] = api.ConnectionString;
        start.Environment["Casus__Tokens__SigningKey"] = Convert.ToBase64String(api.SigningKey);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var proces = Process.Start(start)!;
        var uitvoer = proces.StandardOutput.ReadToEndAsync();
        var fouten = proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (proces.ExitCode, await uitvoer, await fouten);
    }

    private async Task<long> Gebeurtenissen()
    {
        await using var database = Npgsql.NpgsqlDataSource.Create(api.ConnectionString);
        await using var command = database.CreateCommand("select count(*) from casus.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
