using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests.BestuurlijkeSignalen;

/// <summary>A sample bestuurlijk signaal in every step, and a valid command of every kind for it.</summary>
public static class SignaalGeschiedenis
{
    public static readonly Guid Id = Guid.Parse("5e1a0000-0000-0000-0000-000000000001");
    public static readonly Organisatie Tilburg = new("00000001001172773000", "Gemeente Tilburg", PartnerType.Gemeente);
    public static readonly Organisatie Belastingdienst = new("00000001003214369000", "Belastingdienst", PartnerType.Belastingdienst);
    public static readonly Organisatie Politie = new("00000001003214345000", "Politie eenheid Zeeland-West-Brabant", PartnerType.Politie);
    public static readonly Indiener TilburgIndiener = new(Tilburg, new Vertegenwoordiger("J. van den Berg", "Burgemeester"));
    public static readonly Indiener BelastingdienstIndiener = new(Belastingdienst, new Vertegenwoordiger("A. de Wit", "Directeur"));

    /// <summary>A date after every date in the sample history.</summary>
    public static readonly DateOnly Later = new(2026, 12, 31);

    public static SignaalInhoud Inhoud(string reden = "Pas opgerichte bv's kopen bedrijfspanden contant.", string conclusie = "Toetsing van herkomst ontbreekt.") =>
        new("Contante aankoop van vastgoed", new Aanleiding(reden, "Crimineel geld in legaal vastgoed.", null),
            [new Bevinding("Geen toetsing van herkomst zonder hypotheek.", ["Casusanalyse 2026"])],
            new Criteria("Vrije overdracht misbruikt.", "Komt vaker voor.", "Alleen wetgeving helpt."), conclusie,
            [new Aanbeveling("Minister van Financiën", "Toetsingsplicht invoeren.", "Minder contante aankopen.")]);

    public static IReadOnlyList<ISignaalGebeurtenis> GebeurtenissenTot(SignaalStap stap)
    {
        List<ISignaalGebeurtenis> e = [new SignaalOpgesteld(Id, null, new DateOnly(2026, 11, 2), [TilburgIndiener, BelastingdienstIndiener], Inhoud())];
        if (stap == SignaalStap.Concept) return e;
        if (stap == SignaalStap.Ingetrokken) return [.. e, new SignaalIngetrokken(new DateOnly(2026, 11, 4), "Niet nodig.")];
        e.Add(new ToetsingsoverlegGehouden(new DateOnly(2026, 11, 10), ["Ministerie van Financiën"]));
        if (stap == SignaalStap.ToetsingsoverlegGehouden) return e;
        e.Add(new SignaalDefinitiefIngediend(new DateOnly(2026, 11, 16), Inhoudhash.Bereken([TilburgIndiener, BelastingdienstIndiener], Inhoud())));
        if (stap == SignaalStap.DefinitiefIngediend) return e;
        e.Add(new SignaalAangeboden(new DateOnly(2026, 11, 18), ["Ministerie van Financiën"], new DateOnly(2027, 2, 18)));
        if (stap == SignaalStap.AangebodenAanBewindspersonen) return e;
        e.Add(new SignaalReactieOntvangen(new DateOnly(2026, 11, 20), "Onderschreven."));
        if (stap == SignaalStap.ReactieOntvangen) return e;
        e.Add(new SignaalAfgerond(new DateOnly(2026, 11, 21), new DateOnly(2027, 5, 21)));
        e.Add(new PublicatieToestemmingGegeven(PublicatieOnderdeel.Signaal, Tilburg.Id, new DateOnly(2026, 11, 22)));
        e.Add(new PublicatieToestemmingGegeven(PublicatieOnderdeel.Reactie, Publicatie.Ministeries, new DateOnly(2026, 11, 22)));
        if (stap == SignaalStap.Afgerond) return e;
        e.Add(new SignaalEffectVastgelegd(new DateOnly(2026, 11, 23), "Wet aangepast."));
        return e;
    }

    public static BestuurlijkSignaal In(SignaalStap stap) => BestuurlijkSignaal.Evolve(null, GebeurtenissenTot(stap));

    /// <summary>A command of <paramref name="soort"/> that breaks no rule in any step where the table allows it.</summary>
    public static ISignaalCommando GeldigCommando(SignaalCommandoSoort soort) => soort switch
    {
        SignaalCommandoSoort.Opstellen => new SignaalOpstellen(Id, null, new DateOnly(2026, 11, 2), [TilburgIndiener], Inhoud()),
        SignaalCommandoSoort.InhoudWijzigen => new InhoudWijzigen(Inhoud(conclusie: "Aangescherpt.")),
        SignaalCommandoSoort.IndienerToevoegen => new IndienerToevoegen(new Indiener(Politie, new Vertegenwoordiger("P. Jansen", "Politiechef"))),
        SignaalCommandoSoort.LiecAdviesGeven => new LiecAdviesGeven(Later, "Maak het concreter."),
        SignaalCommandoSoort.ToetsingsoverlegVastleggen => new ToetsingsoverlegVastleggen(Later, ["Ministerie van Financiën"]),
        SignaalCommandoSoort.DefinitiefIndienen => new DefinitiefIndienen(Later),
        SignaalCommandoSoort.Intrekken => new Intrekken(Later, "Niet meer nodig."),
        SignaalCommandoSoort.Aanbieden => new Aanbieden(Later, ["Ministerie van Financiën"]),
        SignaalCommandoSoort.ReactieVastleggen => new ReactieVastleggen(Later, "Onderschreven."),
        SignaalCommandoSoort.Afronden => new Afronden(Later),
        SignaalCommandoSoort.EffectVastleggen => new EffectVastleggen(Later, "Wet aangepast."),
        SignaalCommandoSoort.ToestemmingVastleggen => new ToestemmingVastleggen(PublicatieOnderdeel.Signaal, Belastingdienst.Id, Later),
        SignaalCommandoSoort.Publiceren => new Publiceren(PublicatieOnderdeel.Reactie, Later, "https://example.nl/reactie"),
        _ => throw new ArgumentOutOfRangeException(nameof(soort), soort, "Add a valid command for this new kind."),
    };
}
