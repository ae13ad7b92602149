using System.Diagnostics;
using System.Text.Json;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Marten;

namespace Casus.Api.Import;

/// <summary>The command-line mode of the import: <c>Casus.Api import &lt;file&gt; --bronsysteem &lt;name&gt; --door &lt;user&gt;
/// [--proefdraai] [--verslag &lt;file&gt;]</c>, with the API's configuration (connection string, …), without serving HTTP. The
/// same <see cref="Importeur"/> as the endpoint; the user named with <c>--door</c> is recorded on every event and in the
/// audit log (origin <c>cli</c>). Writes the report as JSON (to <c>--verslag</c>, else standard output) and a summary to
/// standard error. Exit code 0 when no line was refused, 1 when some were, 2 for a usage error, 3 when another import runs.</summary>
public static class ImportCommando
{
    public const string Naam = "import";

    public const string Gebruik = """
        Gebruik: Casus.Api import <bestand.jsonl> --bronsysteem <naam> --door <gebruiker> [--organisatie <id>] [--organisatienaam <naam>]
                                  [--proefdraai] [--verslag <verslag.json>]
        Importeert bestaande casussen en ondermijningsbeelden (docs/import.md). Met --proefdraai wordt alles beslist en niets vastgelegd.
        """;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? bestand = null, bron = null, door = null, verslagBestand = null, organisatie = null, organisatieNaam = null;
        var proefdraai = false;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Waarde() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} heeft een waarde nodig.");
                switch (args[i])
                {
                    case "--bronsysteem": bron = Waarde(); break;
                    case "--door": door = Waarde(); break;
                    case "--organisatie": organisatie = Waarde(); break;
                    case "--organisatienaam": organisatieNaam = Waarde(); break;
                    case "--verslag": verslagBestand = Waarde(); break;
                    case "--proefdraai": proefdraai = true; break;
                    case var a when a.StartsWith('-'): throw new ArgumentException($"Onbekende optie {a}.");
                    default: bestand = bestand is null ? args[i] : throw new ArgumentException("Eén bestand tegelijk."); break;
                }
            }
            if (bestand is null || string.IsNullOrWhiteSpace(bron) || string.IsNullOrWhiteSpace(door))
                throw new ArgumentException("Geef het bestand, --bronsysteem en --door.");
            if (!File.Exists(bestand)) throw new ArgumentException($"Bestand {bestand} bestaat niet.");
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Gebruik);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        // The database as the API would have it at start: Marten's tables, the audit and processing logs.
        await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        foreach (var dienst in app.Services.GetServices<IHostedService>().OfType<VerantwoordingSchema>()) await dienst.StartAsync(stop.Token);

        using var scope = app.Services.CreateScope();
        var importeur = scope.ServiceProvider.GetRequiredService<Importeur>();
        var actor = new Actor(door!, new Organisatie(organisatie ?? "casus", organisatieNaam ?? "Casus (beheer)", PartnerType.Riec),
            new HashSet<RiecRegio>(), true, new HashSet<Rol> { Rol.Beheerder });
        var opdracht = new Importopdracht(Guid.CreateVersion7(), actor, bron!.Trim(), proefdraai, ActivityTraceId.CreateRandom().ToHexString(),
            ActivitySpanId.CreateRandom().ToHexString(), "cli");
        Importverslag verslag;
        try
        {
            await using var invoer = File.OpenRead(bestand!);
            verslag = await importeur.VoerUitAsync(ImportEndpoints.Regels(invoer, stop.Token), opdracht, stop.Token);
        }
        catch (ImportLooptAlException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 3;
        }
        var json = JsonSerializer.Serialize(verslag, new JsonSerializerOptions(app.Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions) { WriteIndented = true });
        if (verslagBestand is null) Console.WriteLine(json);
        else await File.WriteAllTextAsync(verslagBestand, json);
        await Console.Error.WriteLineAsync($"Importbatch {verslag.BatchId}{(verslag.Proefdraai ? " (proefdraai)" : "")}: {verslag.Regels} regels, " +
            $"{verslag.Ok} ok ({verslag.Casussen} casussen, {verslag.Ondermijningsbeelden} ondermijningsbeelden, {verslag.Gebeurtenissen} gebeurtenissen), " +
            $"{verslag.Geweigerd} geweigerd, {verslag.Overgeslagen} overgeslagen.");
        foreach (var regel in verslag.Regelverslagen.Where(r => r.Status == Regelverslag.Geweigerd))
            await Console.Error.WriteLineAsync($"  regel {regel.Regel} ({regel.Referentie}): {regel.Code}" +
                (regel.InvalidParams is { } f ? $" [{string.Join(", ", f.Select(p => $"{p.Name}: {p.Code}"))}]" : $" {regel.Melding}"));
        return verslag.Geweigerd > 0 ? 1 : 0;
    }
}
