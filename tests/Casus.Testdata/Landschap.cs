using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Testdata;

/// <summary>The organisations of one region in the generated data: its RIEC bureau, three gemeenten, the politie-eenheid
/// and the OM-arrondissement. Ids are made up (not real OINs).</summary>
public sealed record Regio(RiecRegio Naam, Organisatie Riec, IReadOnlyList<Organisatie> Gemeenten, Organisatie Politie, Organisatie Om);

/// <summary>The partner landscape of the generated data, and who acts for each organisation.</summary>
public static class Landschap
{
    public static readonly Organisatie Belastingdienst = new("bd", "Belastingdienst", PartnerType.Belastingdienst);

    /// <summary>National partners that bring in "overige" signalen and join casussen now and then.</summary>
    public static readonly IReadOnlyList<Organisatie> Overige =
    [
        new("fiod", "FIOD", PartnerType.Fiod), new("douane", "Douane", PartnerType.Douane), new("uwv", "UWV", PartnerType.Uwv),
        new("nla", "Nederlandse Arbeidsinspectie", PartnerType.Arbeidsinspectie), new("kmar", "Koninklijke Marechaussee", PartnerType.Marechaussee),
        new("ind", "IND", PartnerType.Ind), new("nvwa", "NVWA", PartnerType.Nvwa), new("toeslagen", "Belastingdienst/Toeslagen", PartnerType.Toeslagen),
    ];

    public static readonly IReadOnlyDictionary<RiecRegio, Regio> Regios = Enum.GetValues<RiecRegio>().ToDictionary(r => r, r =>
    {
        var code = Code(r);
        return new Regio(r, new Organisatie($"riec-{code}", $"RIEC {r}", PartnerType.Riec),
            [.. Enumerable.Range(1, 3).Select(i => new Organisatie($"gm-{code}-{i}", $"Gemeente {code.ToUpperInvariant()}-{i}", PartnerType.Gemeente))],
            new Organisatie($"pol-{code}", $"Politie eenheid {r}", PartnerType.Politie),
            new Organisatie($"om-{code}", $"OM arrondissement {r}", PartnerType.OpenbaarMinisterie));
    });

    /// <summary>The RIEC coordinator (also analyst) of a region.</summary>
    public static Actor Coordinator(RiecRegio regio) =>
        new($"coordinator-{Code(regio)}", Regios[regio].Riec, new HashSet<RiecRegio> { regio }, false,
            new HashSet<Rol> { Rol.RiecCoordinator, Rol.RiecAnalist });

    /// <summary>A staff member of a partner organisation.</summary>
    public static Actor Medewerker(Organisatie organisatie) =>
        new($"medewerker-{organisatie.Id}", organisatie, new HashSet<RiecRegio>(), false, new HashSet<Rol> { Rol.PartnerMedewerker });

    private static string Code(RiecRegio regio) => string.Concat(regio.ToString().Where(char.IsUpper)).ToLowerInvariant();
}
