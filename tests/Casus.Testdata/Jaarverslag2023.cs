using System.Globalization;
using System.Text;
using Casus.Domain.Gedeeld;

namespace Casus.Testdata;

/// <summary>One published cell of jaarverslag 2023 Tabel 1 or 2, and how Casus reads it: the field of
/// <c>GET /jaarcijfers/2023</c> it is (<see cref="Veld"/>), the value an import must make Casus report (<see cref="Doel"/>),
/// and, for a cell Casus cannot match, why (<see cref="NietVergelijkbaar"/>). <see cref="Regio"/> null: the Totaal column,
/// which Casus reports as <c>landelijk</c>.</summary>
public sealed record Jaarverslagcel(
    string Tabel, string Rij, string Omschrijving, RiecRegio? Regio, string Kolom, string Veld, string Gepubliceerd, decimal Doel, string? NietVergelijkbaar)
{
    public bool IsVergelijkbaar => NietVergelijkbaar is null;
}

/// <summary>The published Tabel 1 and 2 of jaarverslag 2023 (transcribed cell by cell in Jaarverslag2023/*.tsv) read the way
/// docs/jaarverslag-2023.md sets out: an empty region cell is 0 (the totals add it as 0); "n.v.t." and "zie …" are 0 and cannot
/// match as text; row 4 of a region is the sum of its rows 4a-4d, as Casus counts it, and a published row 4 that is not that
/// sum cannot match; a Totaal cell matches when it is the sum of the regions. Caribisch Nederland has no column.</summary>
public static class Jaarverslag2023
{
    /// <summary>The published columns and their regions (the Totaal column is the national total).</summary>
    public static readonly IReadOnlyList<(string Kop, RiecRegio Regio)> Regiokolommen =
    [
        ("RIEC Amsterdam-Amstelland", RiecRegio.AmsterdamAmstelland), ("RIEC Den Haag", RiecRegio.DenHaag), ("RIEC Limburg", RiecRegio.Limburg),
        ("RIEC Midden-Nederland", RiecRegio.MiddenNederland), ("RIEC Noord-Holland", RiecRegio.NoordHolland),
        ("RIEC Noord-Nederland", RiecRegio.NoordNederland), ("Taskforce RIEC Brabant-Zeeland", RiecRegio.TaskforceBrabantZeeland),
        ("RIEC Oost-Nederland", RiecRegio.OostNederland), ("RIEC Rotterdam", RiecRegio.Rotterdam),
    ];

    /// <summary>The field of the jaarcijfers (JSON and CSV) each published row is.</summary>
    public static readonly IReadOnlyDictionary<string, string> Velden = new Dictionary<string, string>
    {
        ["1"] = "opgeleverdeOndermijningsbeelden", ["2"] = "behandeld", ["2a"] = "uitOndermijningsbeelden", ["2b"] = "doorGemeenten",
        ["2c"] = "doorOpenbaarMinisterie", ["2d"] = "doorPolitie", ["2e"] = "doorBelastingdienst", ["2f"] = "doorOverigePartners",
        ["3a"] = "mensenhandelEnMensensmokkel", ["3b"] = "hennepteeltEnDrugs", ["3c"] = "witwassen", ["3d"] = "vastgoed", ["3e"] = "omgs",
        ["3f"] = "regionaleThemas", ["4"] = "interventieadviezen", ["4a-I"] = "bestuurlijk", ["4a-II"] = "bibob", ["4b"] = "strafrechtelijk",
        ["4c"] = "fiscaal", ["4d"] = "overig", ["T2-1"] = "opgelegd", ["T2-2"] = "geindOfVerrekend", ["T2-3"] = "beslag",
    };

    private static readonly string[] Adviesrijen = ["4a-I", "4a-II", "4b", "4c", "4d"];

    public static IReadOnlyList<Jaarverslagcel> Cellen { get; } = Lees();

    /// <summary>The value Casus must report for <paramref name="regio"/> in <paramref name="veld"/>.</summary>
    public static decimal Doel(RiecRegio regio, string veld) =>
        Cellen.SingleOrDefault(c => c.Regio == regio && c.Veld == veld)?.Doel ?? 0;

    private static string Bron(string naam)
    {
        using var stream = typeof(Jaarverslag2023).Assembly.GetManifestResourceStream($"Jaarverslag2023.{naam}")
            ?? throw new InvalidOperationException($"Embedded resource Jaarverslag2023.{naam} is missing.");
        using var lezer = new StreamReader(stream, Encoding.UTF8);
        return lezer.ReadToEnd();
    }

    private static IEnumerable<string[]> Regels(string tekst) =>
        tekst.Split('\n').Select(r => r.TrimEnd('\r')).Where(r => r.Length > 0 && !r.StartsWith('#')).Skip(1).Select(r => r.Split('\t'));

    private static List<Jaarverslagcel> Lees()
    {
        // The region cells, read as numbers.
        var ruw = new List<(string Tabel, string Rij, string Omschrijving, int Kolom, string Gepubliceerd)>();
        foreach (var regel in Regels(Bron("tabel1.tsv")))
        {
            if (!Velden.ContainsKey(regel[0])) continue; // row 3 is a heading
            for (var k = 0; k <= Regiokolommen.Count; k++) ruw.Add(("Tabel 1", regel[0], regel[1], k, k + 2 < regel.Length ? regel[k + 2].Trim() : ""));
        }
        var tabel2 = Regels(Bron("tabel2.tsv")).ToList();
        for (var kolom = 1; kolom <= 3; kolom++)
            for (var r = 0; r < tabel2.Count; r++)
            {
                var k = r < Regiokolommen.Count ? Regiokolommen.ToList().FindIndex(c => c.Kop == tabel2[r][0]) : Regiokolommen.Count;
                if (k < 0) throw new InvalidOperationException($"Unknown region {tabel2[r][0]} in tabel2.tsv.");
                ruw.Add(("Tabel 2", $"T2-{kolom}", $"{kolom} {(kolom == 1 ? "Integraal opgelegd" : kolom == 2 ? "Geïnd en/of verrekend" : "Beslag")}", k,
                    kolom < tabel2[r].Length ? tabel2[r][kolom].Trim() : ""));
            }

        var cellen = new List<Jaarverslagcel>();
        foreach (var rij in ruw.Where(c => c.Kolom < Regiokolommen.Count && c.Rij != "4"))
        {
            var (kop, regio) = Regiokolommen[rij.Kolom];
            var (doel, waarom) = rij.Gepubliceerd switch
            {
                "" => (0m, (string?)null),
                "n.v.t." => (0m, "Geen getal maar \"n.v.t.\": de regio leverde geen ondermijningsbeeld op en geen casus kwam eruit voort; Casus telt 0."),
                var z when z.StartsWith("zie ", StringComparison.Ordinal) =>
                    (0m, $"Geen getal maar \"{z}\": de regio telde deze casussen of adviezen in die rij mee; Casus telt ze daar ook (een import kan alleen " +
                         "registreren wat de regio registreerde) en hier 0."),
                var g => (Getal(g), null),
            };
            cellen.Add(new Jaarverslagcel(rij.Tabel, rij.Rij, rij.Omschrijving, regio, kop, Velden[rij.Rij], rij.Gepubliceerd, doel, waarom));
        }
        // Row 4 of a region: Casus counts every advised intervention by its instrument, so row 4 is the sum of rows 4a-4d.
        foreach (var rij in ruw.Where(c => c.Kolom < Regiokolommen.Count && c.Rij == "4"))
        {
            var (kop, regio) = Regiokolommen[rij.Kolom];
            var som = cellen.Where(c => c.Regio == regio && Adviesrijen.Contains(c.Rij)).Sum(c => c.Doel);
            var bibob = cellen.Single(c => c.Regio == regio && c.Rij == "4a-II").Doel;
            var gepubliceerd = rij.Gepubliceerd.Length == 0 ? 0 : Getal(rij.Gepubliceerd);
            string? waarom = gepubliceerd == som ? null
                : rij.Gepubliceerd.Length == 0 ? $"Leeg, terwijl de rijen 4a t/m 4d van de regio optellen tot {som}; Casus telt {som}."
                : $"Niet de som van de rijen 4a t/m 4d van de regio ({som}); Casus telt {som}." +
                  (bibob > 0 && som - bibob == gepubliceerd ? " Het gepubliceerde getal is die som zonder Bibob (4a-II), dat de tabel als deel van 4a toont." : "");
            cellen.Add(new Jaarverslagcel(rij.Tabel, rij.Rij, rij.Omschrijving, regio, kop, Velden[rij.Rij], rij.Gepubliceerd, som, waarom));
        }
        // The Totaal column: what Casus reports nationally is the sum of the regions as it counts them.
        foreach (var rij in ruw.Where(c => c.Kolom == Regiokolommen.Count))
        {
            var som = cellen.Where(c => c.Rij == rij.Rij && c.Regio is not null).Sum(c => c.Doel);
            var gepubliceerdeRegios = ruw.Where(c => c.Rij == rij.Rij && c.Kolom < Regiokolommen.Count && c.Gepubliceerd.Length > 0
                && char.IsDigit(c.Gepubliceerd[0])).Sum(c => Getal(c.Gepubliceerd));
            string? waarom = rij.Gepubliceerd.Length == 0 ? $"Niet gepubliceerd (leeg); Casus telt de regio's op: {Tekst(som)}."
                : Getal(rij.Gepubliceerd) == som ? null
                : $"Niet de som van de regio's zoals Casus ze telt ({Tekst(som)})" +
                  (Getal(rij.Gepubliceerd) == gepubliceerdeRegios ? ", maar de som van de gepubliceerde regiocellen van deze rij, die zelf niet kloppen." : ".");
            cellen.Add(new Jaarverslagcel(rij.Tabel, rij.Rij, rij.Omschrijving, null, "Totaal", Velden[rij.Rij], rij.Gepubliceerd, som, waarom));
        }
        return cellen;
    }

    /// <summary>A published number: "153" or, in Tabel 2, "4.001.932,00" (Dutch notation).</summary>
    private static decimal Getal(string tekst) => decimal.Parse(tekst.Replace(".", "").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A number as the publication writes it: 1.635, 5.110.533,00 (thousands with a point, decimals with a comma).</summary>
    private static string Tekst(decimal getal) =>
        getal.ToString(getal == decimal.Truncate(getal) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',').Replace(' ', '.');

    /// <summary>The table of docs/jaarverslag-2023.md between its markers: every cell Casus cannot match, and why.</summary>
    public static string NietVergelijkbaarMarkdown()
    {
        var tabel = new StringBuilder().AppendLine("| Table, row | Column | Published | Casus reports | Why it cannot match |").AppendLine("|---|---|---|---|---|");
        foreach (var c in Cellen.Where(c => !c.IsVergelijkbaar).OrderBy(c => c.Tabel).ThenBy(c => Array.IndexOf([.. Velden.Keys], c.Rij))
                     .ThenBy(c => c.Regio is null ? 99 : Regiokolommen.ToList().FindIndex(k => k.Regio == c.Regio)))
            tabel.AppendLine($"| {c.Tabel} {c.Rij} `{c.Veld}` | {c.Kolom} | {(c.Gepubliceerd.Length == 0 ? "(leeg)" : c.Gepubliceerd)} | {Tekst(c.Doel)} | {c.NietVergelijkbaar} |");
        return tabel.ToString();
    }
}
