using System.ComponentModel.DataAnnotations;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Domain.BestuurlijkeSignalen;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>A request body for a command on an existing bestuurlijk signaal, validated field by field into the domain command.</summary>
public interface ISignaalRequest<TSelf> where TSelf : ISignaalRequest<TSelf>
{
    ISignaalCommando ToCommand(InputValidator v);

    /// <summary>A realistic example that follows the procedure from the previous operation (OpenAPI, Swagger UI).</summary>
    static abstract TSelf Example { get; }
}

/// <summary>The strategic representative who signs for a submitting organisation.</summary>
public sealed record VertegenwoordigerRequest([property: Required, MaxLength(200)] string? Naam, [property: Required, MaxLength(200)] string? Functie)
{
    public Vertegenwoordiger ToVertegenwoordiger(InputValidator v, string path)
    {
        var r = new Velden<VertegenwoordigerRequest>(v);
        return new(r.Text(Naam, $"{path}.naam"), r.Text(Functie, $"{path}.functie"));
    }
}

/// <summary>A submitting organisation (indiener) and its strategic representative.</summary>
public sealed record IndienerRequest([property: Required] OrganisatieRequest? Organisatie, [property: Required] VertegenwoordigerRequest? Vertegenwoordiger)
{
    public Indiener ToIndiener(InputValidator v, string path) =>
        new(v.Required(Organisatie, $"{path}.organisatie", (o, p) => o.ToOrganisatie(v, p)),
            v.Required(Vertegenwoordiger, $"{path}.vertegenwoordiger", (r, p) => r.ToVertegenwoordiger(v, p)));

    public static IndienerRequest Tilburg { get; } = new(OrganisatieRequest.GemeenteTilburg, new("J. van den Berg", "Burgemeester van Tilburg"));
    public static IndienerRequest Belastingdienst { get; } = new(OrganisatieRequest.Belastingdienst, new("A. de Wit", "Directeur Grote Ondernemingen"));
}

public sealed record AanleidingRequest([property: Required, MaxLength(4000)] string? Reden,
    [property: Required, MaxLength(4000)] string? MaatschappelijkeRelevantie, [property: MaxLength(4000)] string? EerdereSignalen = null)
{
    public Aanleiding ToAanleiding(InputValidator v, string path)
    {
        var r = new Velden<AanleidingRequest>(v);
        return new(r.Text(Reden, $"{path}.reden"), r.Text(MaatschappelijkeRelevantie, $"{path}.maatschappelijkeRelevantie"),
            r.OptionalText(EerdereSignalen, $"{path}.eerdereSignalen"));
    }
}

/// <summary>One weakness, specific, with the sources it rests on (at least one).</summary>
public sealed record BevindingRequest([property: Required, MaxLength(4000)] string? Knelpunt,
    [property: Required, MaxLength(50), ItemMaxLength(1000)] IReadOnlyList<string?>? Bronnen)
{
    public Bevinding ToBevinding(InputValidator v, string path)
    {
        var r = new Velden<BevindingRequest>(v);
        return new(r.Text(Knelpunt, $"{path}.knelpunt"), r.Texts(Bronnen, $"{path}.bronnen"));
    }
}

/// <summary>How the findings meet the three criteria: misuse of legal processes, structural, for national level.</summary>
public sealed record CriteriaRequest([property: Required, MaxLength(4000)] string? MisbruikLegaleProcessen,
    [property: Required, MaxLength(4000)] string? Structureel, [property: Required, MaxLength(4000)] string? LandelijkNiveau)
{
    public Criteria ToCriteria(InputValidator v, string path)
    {
        var r = new Velden<CriteriaRequest>(v);
        return new(r.Text(MisbruikLegaleProcessen, $"{path}.misbruikLegaleProcessen"), r.Text(Structureel, $"{path}.structureel"),
            r.Text(LandelijkNiveau, $"{path}.landelijkNiveau"));
    }
}

/// <summary>Which minister should do what, and the intended effect.</summary>
public sealed record AanbevelingRequest([property: Required, MaxLength(200)] string? Bewindspersoon, [property: Required, MaxLength(4000)] string? Wat,
    [property: Required, MaxLength(4000)] string? BeoogdEffect)
{
    public Aanbeveling ToAanbeveling(InputValidator v, string path)
    {
        var r = new Velden<AanbevelingRequest>(v);
        return new(r.Text(Bewindspersoon, $"{path}.bewindspersoon"), r.Text(Wat, $"{path}.wat"), r.Text(BeoogdEffect, $"{path}.beoogdEffect"));
    }
}

/// <summary>The text of the signaal in the brochure's format. No information about subjects or objects (names, BSN, KvK
/// numbers, addresses): such a text is refused with the field named.</summary>
public sealed record InhoudRequest(
    [property: Required, MaxLength(300)] string? Titel,
    [property: Required] AanleidingRequest? Aanleiding,
    [property: Required, MaxLength(50)] IReadOnlyList<BevindingRequest?>? Bevindingen,
    [property: Required] CriteriaRequest? Criteria,
    [property: Required, MaxLength(4000)] string? Conclusie,
    [property: Required, MaxLength(50)] IReadOnlyList<AanbevelingRequest?>? Aanbevelingen)
{
    public SignaalInhoud ToInhoud(InputValidator v, string path)
    {
        var r = new Velden<InhoudRequest>(v);
        return new(r.Text(Titel, $"{path}.titel"),
            v.Required(Aanleiding, $"{path}.aanleiding", (a, p) => a.ToAanleiding(v, p)),
            r.List(Bevindingen, $"{path}.bevindingen", (b, p) => b.ToBevinding(v, p)),
            v.Required(Criteria, $"{path}.criteria", (c, p) => c.ToCriteria(v, p)),
            r.Text(Conclusie, $"{path}.conclusie"),
            r.List(Aanbevelingen, $"{path}.aanbevelingen", (a, p) => a.ToAanbeveling(v, p)));
    }

    public static InhoudRequest Voorbeeld { get; } = new(
        "Contante aankoop van bedrijfspanden door pas opgerichte bv's",
        new AanleidingRequest(
            "In integrale casussen in Brabant bleek herhaaldelijk dat bedrijfspanden contant of met onverklaarde middelen worden " +
            "gekocht door bv's die kort daarvoor zijn opgericht, en daarna voor hennepteelt worden gebruikt.",
            "Criminele winsten worden zo in legaal vastgoed belegd; omwonenden en gemeenten dragen de gevolgen van kwekerijen.",
            "Sluit aan bij eerdere signalen over witwassen via vastgoed."),
        [new BevindingRequest(
            "Bij de overdracht van bedrijfsvastgoed wordt de herkomst van de middelen niet getoetst als er geen hypotheek is.",
            ["Integrale casusanalyse RIEC Zeeland-West-Brabant, 2026", "Jaarverslag RIEC-LIEC 2023, thema vastgoed"])],
        new CriteriaRequest(
            "De vrije overdracht van vastgoed en de oprichting van bv's worden gebruikt om crimineel geld wit te wassen.",
            "De werkwijze kwam in meerdere casussen en regio's terug en is eenvoudig te herhalen.",
            "Alleen een aanpassing van de Wwft en het toezicht op notarissen kan dit oplossen: dat is aan de ministers."),
        "Zonder toetsing van de herkomst van middelen bij contante vastgoedtransacties blijft deze route open.",
        [new AanbevelingRequest("Minister van Financiën",
            "Verplicht notarissen de herkomst van eigen middelen bij vastgoedtransacties boven een drempel te toetsen.",
            "Minder contante aankopen van vastgoed met middelen van onbekende herkomst.")]);
}

/// <summary>Open a draft bestuurlijk signaal, optionally linked to the casus it came from (only its id is kept).</summary>
/// <param name="CasusId">The casus that revealed the weakness; you must be able to see it. Its subjects may not appear in the text.</param>
/// <param name="Datum">The day the draft was opened (not in the future).</param>
/// <param name="Indieners">The submitting organisations (your own among them) with their strategic representatives.</param>
/// <param name="Inhoud">The text in the brochure's format.</param>
public sealed record SignaalOpstellenRequest(
    [property: Required, Bedrijfsdatum] DateOnly? Datum,
    [property: Required, MaxLength(20)] IReadOnlyList<IndienerRequest?>? Indieners,
    [property: Required] InhoudRequest? Inhoud,
    Guid? CasusId = null)
{
    public SignaalOpstellen ToCommand(InputValidator v, Guid signaalId) =>
        new(signaalId, CasusId, v.PastDate(Datum, "datum"), new Velden<SignaalOpstellenRequest>(v).List(Indieners, "indieners", (i, p) => i.ToIndiener(v, p)),
            v.Required(Inhoud, "inhoud", (i, p) => i.ToInhoud(v, p)));

    public static SignaalOpstellenRequest Example { get; } = new(new DateOnly(2026, 11, 2), [IndienerRequest.Tilburg], InhoudRequest.Voorbeeld);
}

public sealed record InhoudWijzigenRequest([property: Required] InhoudRequest? Inhoud) : ISignaalRequest<InhoudWijzigenRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) => new InhoudWijzigen(v.Required(Inhoud, "inhoud", (i, p) => i.ToInhoud(v, p)));

    public static InhoudWijzigenRequest Example { get; } = new(InhoudRequest.Voorbeeld with
    {
        Conclusie = "Zonder toetsing van de herkomst van middelen bij contante vastgoedtransacties blijft deze witwasroute open; " +
            "het advies van het loket is verwerkt.",
    });
}

public sealed record IndienerToevoegenRequest([property: Required] OrganisatieRequest? Organisatie, [property: Required] VertegenwoordigerRequest? Vertegenwoordiger)
    : ISignaalRequest<IndienerToevoegenRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) => new IndienerToevoegen(new Indiener(
        v.Required(Organisatie, "organisatie", (o, p) => o.ToOrganisatie(v, p)),
        v.Required(Vertegenwoordiger, "vertegenwoordiger", (r, p) => r.ToVertegenwoordiger(v, p))));

    public static IndienerToevoegenRequest Example { get; } = new(IndienerRequest.Belastingdienst.Organisatie, IndienerRequest.Belastingdienst.Vertegenwoordiger);
}

public sealed record LiecAdviesRequest([property: Required, Bedrijfsdatum] DateOnly? Datum, [property: Required, MaxLength(4000)] string? Advies) : ISignaalRequest<LiecAdviesRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) => new LiecAdviesGeven(v.PastDate(Datum, "datum"), new Velden<LiecAdviesRequest>(v).Text(Advies, "advies"));

    public static LiecAdviesRequest Example { get; } = new(new DateOnly(2026, 11, 5),
        "Maak de aanbeveling concreet (welke drempel, welke toezichthouder) en noem het Ministerie van Justitie en Veiligheid als medeadressant.");
}

public sealed record ToetsingsoverlegRequest([property: Required, Bedrijfsdatum] DateOnly? Datum,
    [property: Required, MaxLength(20), ItemMaxLength(200)] IReadOnlyList<string?>? Ministeries) : ISignaalRequest<ToetsingsoverlegRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) =>
        new ToetsingsoverlegVastleggen(v.PastDate(Datum, "datum"), new Velden<ToetsingsoverlegRequest>(v).Texts(Ministeries, "ministeries"));

    public static ToetsingsoverlegRequest Example { get; } = new(new DateOnly(2026, 11, 10), ["Ministerie van Financiën", "Ministerie van Justitie en Veiligheid"]);
}

public sealed record DefinitieveIndieningRequest([property: Required, Bedrijfsdatum] DateOnly? Datum) : ISignaalRequest<DefinitieveIndieningRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) => new DefinitiefIndienen(v.PastDate(Datum, "datum"));

    public static DefinitieveIndieningRequest Example { get; } = new(new DateOnly(2026, 11, 16));
}

public sealed record IntrekkingRequest([property: Required, Bedrijfsdatum] DateOnly? Datum, [property: Required, MaxLength(4000)] string? Reden) : ISignaalRequest<IntrekkingRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) => new Intrekken(v.PastDate(Datum, "datum"), new Velden<IntrekkingRequest>(v).Text(Reden, "reden"));

    public static IntrekkingRequest Example { get; } = new(new DateOnly(2026, 11, 12),
        "Het toetsingsoverleg liet zien dat het knelpunt al in een wetsvoorstel wordt opgelost.");
}

public sealed record AanbiedingRequest([property: Required, Bedrijfsdatum] DateOnly? Datum,
    [property: Required, MaxLength(20), ItemMaxLength(200)] IReadOnlyList<string?>? Ministeries) : ISignaalRequest<AanbiedingRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) =>
        new Aanbieden(v.PastDate(Datum, "datum"), new Velden<AanbiedingRequest>(v).Texts(Ministeries, "ministeries"));

    public static AanbiedingRequest Example { get; } = new(new DateOnly(2026, 11, 18), ["Ministerie van Financiën", "Ministerie van Justitie en Veiligheid"]);
}

public sealed record ReactieRequest([property: Required, Bedrijfsdatum] DateOnly? Datum, [property: Required, MaxLength(4000)] string? Samenvatting) : ISignaalRequest<ReactieRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) =>
        new ReactieVastleggen(v.PastDate(Datum, "datum"), new Velden<ReactieRequest>(v).Text(Samenvatting, "samenvatting"));

    public static ReactieRequest Example { get; } = new(new DateOnly(2026, 11, 20),
        "De ministers onderschrijven het knelpunt; Financiën neemt een toetsingsplicht mee in de herziening van de Wwft, JenV vraagt " +
        "het toezicht op notarissen dit in het jaarplan op te nemen.");
}

public sealed record SignaalAfrondingRequest([property: Required, Bedrijfsdatum] DateOnly? Datum) : ISignaalRequest<SignaalAfrondingRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) => new Afronden(v.PastDate(Datum, "datum"));

    public static SignaalAfrondingRequest Example { get; } = new(new DateOnly(2026, 11, 23));
}

public sealed record EffectRequest([property: Required, Bedrijfsdatum] DateOnly? Datum, [property: Required, MaxLength(4000)] string? Effect) : ISignaalRequest<EffectRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) => new EffectVastleggen(v.PastDate(Datum, "datum"), new Velden<EffectRequest>(v).Text(Effect, "effect"));

    public static EffectRequest Example { get; } = new(new DateOnly(2026, 11, 23),
        "De toetsingsplicht staat in het conceptwetsvoorstel; notarissen melden sindsdien vaker ongebruikelijke transacties.");
}

/// <summary>Consent to publish after the procedure: <c>signaal</c> by an indiener (its own organisation id in
/// <c>indienerId</c>), <c>reactie</c> by the ministries (recorded by the LIEC's loket, without <c>indienerId</c>).</summary>
public sealed record ToestemmingRequest([property: Required] PublicatieOnderdeel? Onderdeel, [property: MaxLength(100)] string? IndienerId,
    [property: Required, Bedrijfsdatum] DateOnly? Datum)
    : ISignaalRequest<ToestemmingRequest>
{
    public ISignaalCommando ToCommand(InputValidator v)
    {
        var onderdeel = v.Required(Onderdeel, "onderdeel");
        var indiener = new Velden<ToestemmingRequest>(v).OptionalText(IndienerId, "indienerId");
        if (onderdeel == PublicatieOnderdeel.Signaal && Onderdeel is not null && indiener is null)
            v.Add("indienerId", "required", "Toestemming voor het signaal geeft een indiener: geef zijn organisatie-id.");
        if (onderdeel == PublicatieOnderdeel.Reactie && indiener is not null)
            v.Add("indienerId", "not-allowed", "Toestemming voor de reactie geven de ministeries; laat indienerId weg.");
        return new ToestemmingVastleggen(onderdeel, indiener, v.PastDate(Datum, "datum"));
    }

    public static ToestemmingRequest Example { get; } = new(PublicatieOnderdeel.Signaal, OrganisatieRequest.GemeenteTilburg.Id, new DateOnly(2026, 11, 23));
}

public sealed record PublicatieRequest([property: Required] PublicatieOnderdeel? Onderdeel, [property: Required, Bedrijfsdatum] DateOnly? Datum,
    [property: Required, MaxLength(500)] string? Vindplaats) : ISignaalRequest<PublicatieRequest>
{
    public ISignaalCommando ToCommand(InputValidator v) =>
        new Publiceren(v.Required(Onderdeel, "onderdeel"), v.PastDate(Datum, "datum"), new Velden<PublicatieRequest>(v).Text(Vindplaats, "vindplaats"));

    public static PublicatieRequest Example { get; } = new(PublicatieOnderdeel.Signaal, new DateOnly(2026, 11, 23),
        "https://www.tilburg.nl/bestuurlijk-signaal-vastgoed");
}
