using System.Globalization;
using System.Text.Json.Nodes;
using Casus.Api.Http;
using Casus.Domain.Gedeeld;

namespace Casus.Testdata;

/// <summary>Derives an import file (docs/import.md) from the published jaarverslag 2023 (<see cref="Jaarverslag2023"/>): per
/// region the casussen handled in 2023 with their sources, themes, advices and amounts, so that importing it into an empty
/// database makes <c>GET /jaarcijfers/2023</c> report every target of <see cref="Jaarverslag2023.Doel"/>. Deterministic (no
/// randomness): casus i of a region gets the i-th share of every count, spread round-robin, so the same table always gives the
/// same file.
/// <list type="bullet">
/// <item>Row 2: that many casussen, each signalled, explored and taken up in 2023; those with advices are advised, evaluated
/// and closed in 2023, the others stay in step 3 (handled in 2023 either way).</item>
/// <item>Rows 2a-2f: every source one token, dealt round-robin over the casussen; a casus gets the organisations of its tokens
/// (a second token of the same kind is another organisation of that kind: NH's 246 police sources over 188 casussen); its first
/// organisation submits, the others are its further sources; a casus without an organisation is registered by the RIEC
/// (no source). A 2a token links the casus to an ondermijningsbeeld of the region delivered in 2022 (row 1 counts 2023 only).</item>
/// <item>Rows 3a-3f: every theme one token, dealt the same way (a theme at most once per casus); casussen left over have none.</item>
/// <item>Rows 4a-4d: every advised intervention one line, dealt the same way; a casus's lines are its one interventieadvies.</item>
/// <item>Tabel 2: the region's three amounts on one fiscal intervention in 2023, in the first casus with an advice; a region with
/// amounts but no 2023 advice (Rotterdam) carries them on a casus taken up and advised in 2022 that is still handled in 2023.</item>
/// </list></summary>
public static class JaarverslagImport
{
    public const string Bronsysteem = "jaarverslag-2023";

    private static readonly string[] Bronrijen = ["2a", "2b", "2c", "2d", "2e", "2f"];
    private static readonly (string Rij, string Soort)[] Themarijen =
        [("3a", "mensenhandel-en-mensensmokkel"), ("3b", "hennepteelt-en-drugs"), ("3c", "witwassen"), ("3d", "vastgoed"), ("3e", "omg"), ("3f", "regionaal")];
    private static readonly (string Rij, string Instrument)[] Adviesrijen =
        [("4a-I", "bestuurlijk"), ("4a-II", "bibob"), ("4b", "strafrechtelijk"), ("4c", "fiscaal"), ("4d", "overig")];

    private static readonly DateOnly Begin = new(2023, 1, 2);

    /// <summary>The import file, one JSON line each: first the ondermijningsbeelden, then the casussen, region by region.</summary>
    public static IReadOnlyList<string> Regels()
    {
        var regels = new List<string>();
        foreach (var (_, regio) in Jaarverslag2023.Regiokolommen) regels.AddRange(Regio(regio));
        // Beelden first: a casus names its beeld by reference, so the beeld must come earlier in the file.
        return [.. regels.Where(r => r.Contains("\"soort\":\"ondermijningsbeeld\"", StringComparison.Ordinal)),
                .. regels.Where(r => !r.Contains("\"soort\":\"ondermijningsbeeld\"", StringComparison.Ordinal))];
    }

    private sealed class Plan(int nummer)
    {
        public int Nummer { get; } = nummer;
        public List<Organisatie> Organisaties { get; } = [];
        public bool UitBeeld { get; set; }
        public List<string> Themas { get; } = [];
        public List<(string Instrument, Organisatie Partner)> Adviezen { get; } = [];
        public (decimal Opgelegd, decimal Geind, decimal Beslag)? Bedragen { get; set; }
        public bool Overloop { get; set; }
    }

    private static IEnumerable<string> Regio(RiecRegio regio)
    {
        int Aantal(string rij) => (int)Jaarverslag2023.Doel(regio, Jaarverslag2023.Velden[rij]);
        var code = Code(regio);
        var aantal = Aantal("2");
        var plannen = Enumerable.Range(0, aantal).Select(i => new Plan(i)).ToList();
        var gemeente = new Organisatie($"gm-{code}", $"Gemeente in {Naam(regio)}", PartnerType.Gemeente);
        var om = new Organisatie($"om-{code}", $"OM arrondissement {Naam(regio)}", PartnerType.OpenbaarMinisterie);
        var politie = new Organisatie($"pol-{code}", $"Politie eenheid {Naam(regio)}", PartnerType.Politie);
        var riec = new Organisatie($"riec-{code}", $"RIEC {Naam(regio)}", PartnerType.Riec);

        // Sources, themes and advice lines: tokens dealt round-robin; the k-th token of a kind for one casus is organisation k.
        var beurt = 0;
        foreach (var rij in Bronrijen)
            for (var t = 0; t < Aantal(rij); t++, beurt++)
            {
                var plan = plannen[beurt % aantal];
                var k = t / aantal;
                if (rij == "2a") plan.UitBeeld = true;
                else plan.Organisaties.Add(Bronorganisatie(rij, code, regio, k));
            }
        beurt = 0;
        foreach (var (rij, soort) in Themarijen)
            for (var t = 0; t < Aantal(rij); t++, beurt++) plannen[beurt % aantal].Themas.Add(soort);
        beurt = 0;
        foreach (var (rij, instrument) in Adviesrijen)
            for (var t = 0; t < Aantal(rij); t++, beurt++)
                plannen[beurt % aantal].Adviezen.Add((instrument, instrument switch
                {
                    "bestuurlijk" or "bibob" => gemeente,
                    "strafrechtelijk" => om,
                    "fiscaal" => Landschap.Belastingdienst,
                    _ => politie,
                }));
        var bedragen = (Jaarverslag2023.Doel(regio, "opgelegd"), Jaarverslag2023.Doel(regio, "geindOfVerrekend"), Jaarverslag2023.Doel(regio, "beslag"));
        if (bedragen != (0, 0, 0) && aantal > 0)
        {
            var drager = plannen.FirstOrDefault(p => p.Adviezen.Count > 0) ?? plannen[0];
            drager.Bedragen = bedragen;
            drager.Overloop = drager.Adviezen.Count == 0;
        }

        var beeldReferentie = $"{code.ToUpperInvariant()}-OB-2022-01";
        if (plannen.Any(p => p.UitBeeld))
            yield return Json(new JsonObject
            {
                ["soort"] = "ondermijningsbeeld", ["regio"] = Names.Of(regio), ["referentie"] = beeldReferentie,
                ["titel"] = $"Ondermijningsbeeld {Naam(regio)} 2022", ["opgeleverdOp"] = "2022-11-15",
            });
        foreach (var plan in plannen) yield return Casus(regio, code, plan, aantal, riec, politie, beeldReferentie);
    }

    private static string Casus(RiecRegio regio, string code, Plan plan, int aantal, Organisatie riec, Organisatie politie, string beeldReferentie)
    {
        var referentie = $"{code.ToUpperInvariant()}-2023-{plan.Nummer + 1:0000}";
        // Signalen spread over the first half of 2023 (a carry-over casus: March 2022), each step some days after the one before.
        var signaal = plan.Overloop ? new DateOnly(2022, 3, 1) : Begin.AddDays(plan.Nummer * 180 / Math.Max(aantal, 1));
        string D(int dagen) => signaal.AddDays(dagen).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var indiener = plan.Organisaties.FirstOrDefault() ?? riec;
        var signaalJson = new JsonObject
        {
            ["datum"] = D(0), ["indiener"] = Org(indiener),
            ["omschrijving"] = $"Casus {referentie} van RIEC {Naam(regio)}, afgeleid uit jaarverslag 2023 (Tabel 1 en 2).",
            ["themas"] = new JsonArray([.. plan.Themas.Select(t => (JsonNode)(t == "regionaal"
                ? new JsonObject { ["soort"] = t, ["naam"] = $"Regionaal thema {Naam(regio)}" }
                : new JsonObject { ["soort"] = t }))]),
        };
        if (plan.Organisaties.Count > 1) signaalJson["bronnen"] = new JsonArray([.. plan.Organisaties.Skip(1).Select(o => (JsonNode)Org(o))]);
        if (plan.UitBeeld) signaalJson["ondermijningsbeeld"] = beeldReferentie;

        var partners = plan.Adviezen.Select(a => a.Partner).Append(plan.Bedragen is null ? null : Landschap.Belastingdienst)
            .OfType<Organisatie>().DistinctBy(p => p.Id).ToList();
        if (partners.Count == 0) partners.Add(plan.Organisaties.FirstOrDefault() ?? politie);
        var stappen = new JsonArray
        {
            Stap("verkenning", D(2), new() { ["coordinator"] = $"Coördinator RIEC {Naam(regio)}" }),
            Stap("verkenningsbesluit", D(7), new()
            {
                ["besluit"] = "opnemen", ["motivering"] = "Een integrale aanpak heeft meerwaarde.",
                ["partners"] = new JsonArray([.. partners.Select(p => (JsonNode)Org(p))]),
            }),
        };
        var adviezen = plan.Overloop ? [("fiscaal", Landschap.Belastingdienst)] : plan.Adviezen;
        if (adviezen.Count > 0)
        {
            stappen.Add(Stap("analyse", D(20), new() { ["samenvatting"] = "Integrale casusanalyse." }));
            stappen.Add(Stap("interventieadviezen", D(30), new()
            {
                ["interventies"] = new JsonArray([.. adviezen.Select(a => (JsonNode)new JsonObject
                {
                    ["instrument"] = a.Instrument, ["partnerId"] = a.Partner.Id, ["omschrijving"] = $"Interventie ({a.Instrument}) door {a.Partner.Naam}.",
                })]),
            }));
            // A carry-over casus (advised in 2022) has its intervention, evaluation and closing in 2023.
            var verder = plan.Overloop ? new DateOnly(2023, 3, 1).DayNumber - signaal.DayNumber : 40;
            if (plan.Bedragen is { } b)
                stappen.Add(Stap("interventies", D(verder), new()
                {
                    ["instrument"] = "fiscaal", ["partnerId"] = Landschap.Belastingdienst.Id, ["resultaat"] = "Aanslagen opgelegd, geïnd en zekergesteld.",
                    ["bedragen"] = new JsonObject { ["opgelegd"] = b.Opgelegd, ["geindOfVerrekend"] = b.Geind, ["beslag"] = b.Beslag },
                }));
            stappen.Add(Stap("uitvoeringsafronding", D(verder + 10), new()));
            stappen.Add(Stap("evaluaties", D(verder + 15), new() { ["effect"] = "Interventies uitgevoerd.", ["lessen"] = "Geen." }));
            stappen.Add(Stap("afsluiting", D(verder + 20), new() { ["reden"] = "Geëvalueerd; geen vervolg nodig." }));
        }
        return Json(new JsonObject
        {
            ["soort"] = "casus", ["regio"] = Names.Of(regio), ["referentie"] = referentie, ["signaal"] = signaalJson, ["stappen"] = stappen,
        });
    }

    private static JsonObject Stap(string commando, string datum, JsonObject gegevens)
    {
        var stap = new JsonObject { ["commando"] = commando, ["datum"] = datum };
        foreach (var (k, w) in gegevens.ToList())
        {
            gegevens.Remove(k);
            stap[k] = w;
        }
        return stap;
    }

    /// <summary>The k-th organisation of a source kind in a region (k &gt; 0: a second one of that kind in the same casus).</summary>
    private static Organisatie Bronorganisatie(string rij, string code, RiecRegio regio, int k)
    {
        var n = k == 0 ? "" : $"-{k + 1}";
        return rij switch
        {
            "2b" => new Organisatie($"gm-{code}{n}", $"Gemeente in {Naam(regio)}{n}", PartnerType.Gemeente),
            "2c" => new Organisatie($"om-{code}{n}", $"OM arrondissement {Naam(regio)}{n}", PartnerType.OpenbaarMinisterie),
            "2d" => new Organisatie($"pol-{code}{n}", $"Politie eenheid {Naam(regio)}{n}", PartnerType.Politie),
            "2e" => k == 0 ? Landschap.Belastingdienst : new Organisatie($"bd{n}", $"Belastingdienst kantoor {k + 1}", PartnerType.Belastingdienst),
            _ => Landschap.Overige[k % Landschap.Overige.Count],
        };
    }

    private static JsonObject Org(Organisatie o) => new() { ["id"] = o.Id, ["naam"] = o.Naam, ["type"] = Names.Of(o.Type) };

    private static readonly System.Text.Json.JsonSerializerOptions Schrijven =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(JsonObject regel) => regel.ToJsonString(Schrijven);

    private static string Code(RiecRegio regio) => string.Concat(regio.ToString().Where(char.IsUpper)).ToLowerInvariant();

    private static string Naam(RiecRegio regio) => Jaarverslag2023.Regiokolommen.Single(k => k.Regio == regio).Kop.Replace("Taskforce RIEC ", "").Replace("RIEC ", "");
}
