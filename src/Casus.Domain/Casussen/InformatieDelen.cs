using Casus.Domain.Gedeeld;

namespace Casus.Domain.Casussen;

/// <summary>Step 3, informatie delen &amp; analyseren: ask a joined partner for information (informatieverzamelplan), to be
/// answered on or before <paramref name="AntwoordVoor"/>.</summary>
public sealed record InformatieVerzoeken(string AanPartnerId, string Vraag, string Grondslag, DateOnly AntwoordVoor, DateOnly? Datum = null)
    : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.InformatieVerzoeken;
}

/// <summary>A joined partner contributes information, optionally answering one of its open requests.</summary>
public sealed record InformatieDelen(
    string DoorPartnerId, InformatieCategorie Categorie, string Samenvatting, string Grondslag, int? VerzoekNummer, DateOnly? Datum = null)
    : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.InformatieDelen;
}

/// <summary>The RIEC records the integrale casusanalyse (a later one replaces the earlier).</summary>
public sealed record AnalyseVastleggen(string Samenvatting, DateOnly? Datum = null) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.AnalyseVastleggen;
}

public sealed record AdviesRegel(Instrument Instrument, string PartnerId, string Omschrijving);

/// <summary>The interventieadvies: one or more interventions, each for a joined partner, given on <paramref name="Datum"/>
/// (the jaarverslag counts advices by the year they were given). Moves the casus to uitvoeren.</summary>
public sealed record InterventieadviesUitbrengen(IReadOnlyList<AdviesRegel> Interventies, DateOnly Datum) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.InterventieadviesUitbrengen;
}

/// <summary>An information request; <paramref name="AntwoordVoor"/> is the last day for the answer (absent in requests made
/// before terms existed: those have no term).</summary>
public sealed record InformatieVerzocht(
    int Nummer, string AanPartnerId, string Vraag, string Grondslag, DateOnly? AntwoordVoor = null, DateOnly? Datum = null)
    : ICasusGebeurtenis;

public sealed record InformatieGedeeld(
    int Nummer, string DoorPartnerId, InformatieCategorie Categorie, string Samenvatting, string Grondslag, int? VerzoekNummer,
    DateOnly? Datum = null)
    : ICasusGebeurtenis;

public sealed record AnalyseVastgelegd(string Samenvatting, DateOnly? Datum = null) : ICasusGebeurtenis;

/// <summary>One advised intervention; <see cref="Nummer"/> is unique within the casus across all adviezen.</summary>
public sealed record GeadviseerdeInterventie(int Nummer, Instrument Instrument, string PartnerId, string Omschrijving);

public sealed record InterventieadviesUitgebracht(IReadOnlyList<GeadviseerdeInterventie> Interventies, DateOnly Datum) : ICasusGebeurtenis;

public static class InformatieDelenEnAnalyseren
{
    public static Beslissing Verzoeken(IntegraleCasus casus, InformatieVerzoeken c) =>
        NietAangesloten(casus, c.AanPartnerId)
        ?? Beslissing.Gebeurd(new InformatieVerzocht(casus.Informatieverzoeken.Count + 1, c.AanPartnerId, c.Vraag, c.Grondslag, c.AntwoordVoor, c.Datum));

    public static Beslissing Delen(IntegraleCasus casus, InformatieDelen c)
    {
        if (NietAangesloten(casus, c.DoorPartnerId) is { } schending) return schending;
        if (c.VerzoekNummer is { } nummer)
        {
            var verzoek = casus.Informatieverzoeken.FirstOrDefault(v => v.Nummer == nummer);
            if (verzoek is null)
                return Beslissing.Geweigerd(Regels.VerzoekOnbekend, $"Informatieverzoek {nummer} bestaat niet in deze casus.");
            if (verzoek.AanPartnerId != c.DoorPartnerId)
                return Beslissing.Geweigerd(Regels.VerzoekAanAnderePartner,
                    $"Informatieverzoek {nummer} is gericht aan {verzoek.AanPartnerId}, niet aan {c.DoorPartnerId}.");
            if (verzoek.BeantwoordMet is { } bijdrage)
                return Beslissing.Geweigerd(Regels.VerzoekAlBeantwoord,
                    $"Informatieverzoek {nummer} is al beantwoord met informatiebijdrage {bijdrage}.");
            if (c.Datum is { } datum && verzoek.Datum is { } verzocht && datum < verzocht)
                return Beslissing.Geweigerd(Regels.DatumVoorVorigeStap,
                    $"De datum van de bijdrage {datum:yyyy-MM-dd} ligt voor {verzocht:yyyy-MM-dd}, de datum van informatieverzoek {nummer} dat zij beantwoordt.");
        }
        return Beslissing.Gebeurd(new InformatieGedeeld(
            casus.Informatiebijdragen.Count + 1, c.DoorPartnerId, c.Categorie, c.Samenvatting, c.Grondslag, c.VerzoekNummer, c.Datum));
    }

    public static Beslissing AnalyseVastleggen(AnalyseVastleggen c) => Beslissing.Gebeurd(new AnalyseVastgelegd(c.Samenvatting, c.Datum));

    public static Beslissing AdviesUitbrengen(IntegraleCasus casus, InterventieadviesUitbrengen c)
    {
        if (casus.Analyse is null)
            return Beslissing.Geweigerd(Regels.AnalyseOntbreekt, "Leg eerst de integrale casusanalyse vast, dan het interventieadvies.");
        foreach (var regel in c.Interventies)
            if (NietAangesloten(casus, regel.PartnerId) is { } schending) return schending;
        var eerste = casus.Interventieadviezen.Count + 1;
        return Beslissing.Gebeurd(new InterventieadviesUitgebracht(
            c.Interventies.Select((r, i) => new GeadviseerdeInterventie(eerste + i, r.Instrument, r.PartnerId, r.Omschrijving)).ToList(), c.Datum));
    }

    internal static Regelschending? NietAangesloten(IntegraleCasus casus, string partnerId) =>
        casus.IsPartner(partnerId)
            ? null
            : new Regelschending(Regels.PartnerNietAangesloten, $"Organisatie {partnerId} is niet aangesloten bij deze casus.");
}
