using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;

namespace Casus.Projections.Overzichten;

/// <summary>Where a signaal came from, as jaarverslag Tabel 1 rows 2a-2f count it: from an ondermijningsbeeld, or by the type
/// of an organisation that brought it in (Toeslagen and all other partners are <see cref="Overig"/>).</summary>
public enum Signaalbron
{
    Ondermijningsbeeld,
    Gemeente,
    OpenbaarMinisterie,
    Politie,
    Belastingdienst,
    Overig,
}

/// <summary>An organisation taking part in a casus (the submitter, or a joined partner) and when it last acted in it:
/// joined, did something itself, or was asked for information or advised an intervention.</summary>
public sealed record Betrokkene(string OrganisatieId, DateTimeOffset Sinds, DateTimeOffset LaatsteActiviteit);

public sealed record OpenVerzoek(int Nummer, string AanPartnerId, DateTimeOffset VerzochtOp, DateOnly? AntwoordVoor);

/// <summary>An advised intervention not registered yet; <see cref="Datum"/> is the advice date its term counts from.</summary>
public sealed record OpenAdvies(int Nummer, Instrument Instrument, string PartnerId, DateTimeOffset GeadviseerdOp, DateOnly Datum);

/// <summary>One advised intervention, counted in jaarverslag Tabel 1 row 4 in the year of <see cref="Datum"/>.</summary>
public sealed record AdviesTelling(DateOnly Datum, Instrument Instrument);

/// <summary>The money of one registered intervention, counted in jaarverslag Tabel 2 in the year of <see cref="Datum"/>.</summary>
public sealed record Opbrengst(DateOnly Datum, decimal Opgelegd, decimal GeindOfVerrekend, decimal Beslag);

/// <summary>The progress of one casus as the overviews need it: no personal data, only steps, dates, organisations and
/// counts. Built by the async daemon from the casus's events (<see cref="Na"/>), it is the first stage of the
/// overviews: partner dashboards are made from it, and triggers on its table keep the jaarcijfers' counters
/// (<see cref="JaarcijferTelling"/>) and the RIEC overview's narrow rows (<see cref="RiecOverzichtRij"/>).</summary>
public sealed record CasusVoortgang
{
    /// <summary>Its table, on which those triggers are.</summary>
    public const string Tabel = $"{CasusStore.Schema}.mt_doc_casusvoortgang";

    public Guid Id { get; init; }
    public long Versie { get; init; }
    public RiecRegio Regio { get; init; }
    public Stap Stap { get; init; }
    /// <summary>When the casus entered its current step (event time, the registration; <see cref="StapSindsDatum"/> is the
    /// business date).</summary>
    public DateTimeOffset StapSinds { get; init; }
    public DateOnly SignaalDatum { get; init; }
    public Signaalbron Bron { get; init; }
    public IReadOnlyList<ThemaSoort> Themas { get; init; } = [];
    /// <summary>The date of the verkenningsbesluit "opnemen": from then on it is an integrale casus.</summary>
    public DateOnly? OpgenomenOp { get; init; }
    /// <summary>The closing date: of the afsluiting, or of the verkenningsbesluit "niet opnemen".</summary>
    public DateOnly? AfgeslotenOp { get; init; }
    public IReadOnlyList<Betrokkene> Betrokkenen { get; init; } = [];
    public IReadOnlyList<OpenVerzoek> OpenVerzoeken { get; init; } = [];
    public IReadOnlyList<OpenAdvies> OpenAdviezen { get; init; } = [];
    public IReadOnlyList<AdviesTelling> Adviezen { get; init; } = [];
    public IReadOnlyList<Opbrengst> Opbrengsten { get; init; } = [];
    public DateTimeOffset LaatsteGebeurtenis { get; init; }
    /// <summary>Terms recorded as passed (<see cref="TermijnVerstreken"/>) whose awaited fact has still not happened: gone
    /// when the request is answered, the intervention registered, the step left, or the casus closed.</summary>
    public IReadOnlyList<TermijnVerstreken> Verlopen { get; init; } = [];
    /// <summary>The business date of the event that entered the current step (<see cref="IntegraleCasus.StapSinds"/>); the RIEC
    /// overview counts the days in a step from it. Absent in progress documents written before business dates existed.</summary>
    public DateOnly? StapSindsDatum { get; init; }
    /// <summary>Every source of the casus as Tabel 1 rows 2a-2f count them (<see cref="BronnenVan"/>): the ondermijningsbeeld
    /// once, and one entry per organisation that brought the signaal in. Empty: no registered source (the RIEC registered it
    /// itself). Absent in documents written before several sources existed (then <see cref="Bron"/> counts).</summary>
    public IReadOnlyList<Signaalbron> Bronnen { get; init; } = [];

    /// <summary>The progress after one casus event that happened at <paramref name="tijdstip"/>, done by staff of
    /// <paramref name="organisatie"/> (the event's organisation header; null when unknown).</summary>
    public static CasusVoortgang Na(CasusVoortgang? v, ICasusGebeurtenis gebeurtenis, DateTimeOffset tijdstip, string? organisatie)
    {
        if (gebeurtenis is SignaalIngediend s)
            return new CasusVoortgang
            {
                Id = s.CasusId, Versie = 1, Regio = s.Regio, Stap = Stap.SignaalIngediend, StapSinds = tijdstip, SignaalDatum = s.Datum,
                Bron = BronVan(s), Themas = s.Themas.Select(t => t.Soort).Distinct().ToList(),
                Betrokkenen = [new Betrokkene(s.Indiener.Id, tijdstip, tijdstip)], LaatsteGebeurtenis = tijdstip,
                StapSindsDatum = s.Datum, Bronnen = BronnenVan(s),
            };
        var c = v ?? throw new InvalidOperationException($"{gebeurtenis.GetType().Name} before SignaalIngediend.");
        // Rectification, erasure and destruction touch only personal data, which the overviews never hold: the figures and
        // the dashboards stay exactly as they were (no step, no activity of a partner).
        if (gebeurtenis is Domain.Privacy.SubjectGerectificeerd or Domain.Privacy.SubjectGewist or Domain.Privacy.PersoonsgegevensVernietigd)
            return c with { Versie = c.Versie + 1 };
        var datum = Bedrijfsdatums.Van(gebeurtenis, Kalender.Dag(tijdstip));
        var volgende = gebeurtenis switch
        {
            VerkenningGestart => c.NaarStap(Stap.Verkennen, tijdstip, datum),
            TermijnVerstreken e => c with { Verlopen = [.. c.Verlopen, e] },
            CasusOpgenomen e => c.NaarStap(Stap.InformatieDelenEnAnalyseren, tijdstip, datum) with
            {
                OpgenomenOp = e.Datum, Betrokkenen = c.SluitAan(e.Partners.Select(p => p.Id).ToList(), tijdstip),
            },
            CasusNietOpgenomen e => c.NaarStap(Stap.Afgesloten, tijdstip, datum) with { AfgeslotenOp = e.Datum },
            PartnerAangesloten e => c with { Betrokkenen = c.SluitAan([e.Partner.Id], tijdstip) },
            InformatieVerzocht e => c with
            {
                OpenVerzoeken = [.. c.OpenVerzoeken, new OpenVerzoek(e.Nummer, e.AanPartnerId, tijdstip, e.AntwoordVoor)],
                Betrokkenen = c.Actief([e.AanPartnerId], tijdstip),
            },
            InformatieGedeeld e => c with
            {
                OpenVerzoeken = c.OpenVerzoeken.Where(o => o.Nummer != e.VerzoekNummer).ToList(),
                Verlopen = c.Verlopen.Where(t => !(t.Soort == TermijnSoort.Antwoord && t.Nummer == e.VerzoekNummer)).ToList(),
            },
            InterventieadviesUitgebracht e => c.NaarStap(Stap.Uitvoeren, tijdstip, datum) with
            {
                OpenAdviezen = [.. c.OpenAdviezen, .. e.Interventies.Select(a => new OpenAdvies(a.Nummer, a.Instrument, a.PartnerId, tijdstip, e.Datum))],
                Adviezen = [.. c.Adviezen, .. e.Interventies.Select(a => new AdviesTelling(e.Datum, a.Instrument))],
                Betrokkenen = c.Actief(e.Interventies.Select(a => a.PartnerId).ToHashSet(), tijdstip),
            },
            InterventieGeregistreerd e => c with
            {
                OpenAdviezen = c.OpenAdviezen.Where(o => o.Nummer != e.AdviesNummer).ToList(),
                Verlopen = c.Verlopen.Where(t => !(t.Soort == TermijnSoort.Interventie && t.Nummer == e.AdviesNummer)).ToList(),
                Opbrengsten = [.. c.Opbrengsten, new Opbrengst(e.Datum, e.Bedragen.Opgelegd ?? 0, e.Bedragen.GeindOfVerrekend ?? 0, e.Bedragen.Beslag ?? 0)],
            },
            UitvoeringAfgerond => c.NaarStap(Stap.Evalueren, tijdstip, datum),
            Teruggestapt e => c.NaarStap(e.Naar, tijdstip, datum),
            CasusAfgesloten e => c.NaarStap(Stap.Afgesloten, tijdstip, datum) with { AfgeslotenOp = e.Datum },
            SubjectToegevoegd or AnalyseVastgelegd or EvaluatieVastgelegd or TermijnNadert => c,
            _ => throw new InvalidOperationException($"Unknown casus event {gebeurtenis.GetType().Name}."),
        };
        var metActor = organisatie is null ? volgende : volgende with { Betrokkenen = volgende.Actief([organisatie], tijdstip) };
        return metActor with { Versie = c.Versie + 1, LaatsteGebeurtenis = tijdstip };
    }

    /// <summary>The first source as it was counted before a casus could have several (kept in <see cref="Bron"/>): the
    /// ondermijningsbeeld, else the submitter's type (the RIEC itself as <see cref="Signaalbron.Overig"/>).</summary>
    public static Signaalbron BronVan(SignaalIngediend s) => s.UitOndermijningsbeeld
        ? Signaalbron.Ondermijningsbeeld
        : s.Indiener.Type switch
        {
            PartnerType.Gemeente => Signaalbron.Gemeente,
            PartnerType.OpenbaarMinisterie => Signaalbron.OpenbaarMinisterie,
            PartnerType.Politie => Signaalbron.Politie,
            PartnerType.Belastingdienst => Signaalbron.Belastingdienst,
            _ => Signaalbron.Overig,
        };

    /// <summary>Every source of a signaal (Tabel 1 rows 2a-2f): the ondermijningsbeeld it came from, then each organisation that
    /// brought it in (the submitter first, then the other sources; each once) by its type, except the RIEC and the LIEC, which
    /// register signalen but are no source of their own.</summary>
    public static IReadOnlyList<Signaalbron> BronnenVan(SignaalIngediend s)
    {
        var bronnen = new List<Signaalbron>();
        if (s.UitOndermijningsbeeld || s.OndermijningsbeeldId is not null) bronnen.Add(Signaalbron.Ondermijningsbeeld);
        foreach (var organisatie in (s.Bronnen ?? []).Prepend(s.Indiener).DistinctBy(o => o.Id))
            if (BronVan(organisatie.Type) is { } bron) bronnen.Add(bron);
        return bronnen;
    }

    /// <summary>The source an organisation of <paramref name="type"/> is; null for the RIEC and the LIEC.</summary>
    public static Signaalbron? BronVan(PartnerType type) => type switch
    {
        PartnerType.Gemeente => Signaalbron.Gemeente,
        PartnerType.OpenbaarMinisterie => Signaalbron.OpenbaarMinisterie,
        PartnerType.Politie => Signaalbron.Politie,
        PartnerType.Belastingdienst => Signaalbron.Belastingdienst,
        PartnerType.Riec or PartnerType.Liec => null,
        _ => Signaalbron.Overig,
    };

    /// <summary>Entering a step (on business date <paramref name="datum"/>) ends the previous step's term; closing ends every term.</summary>
    private CasusVoortgang NaarStap(Stap stap, DateTimeOffset tijdstip, DateOnly? datum) => this with
    {
        Stap = stap, StapSinds = tijdstip, StapSindsDatum = datum,
        Verlopen = stap == Stap.Afgesloten ? [] : Verlopen.Where(t => t.Soort != TermijnSoort.Stapduur).ToList(),
    };

    /// <summary>The named organisations take part from now on; for those already taking part (the submitter named at
    /// opname) being named counts as activity.</summary>
    private IReadOnlyList<Betrokkene> SluitAan(IReadOnlyCollection<string> organisaties, DateTimeOffset tijdstip) =>
        [.. Actief(organisaties, tijdstip),
         .. organisaties.Distinct().Where(o => Betrokkenen.All(b => b.OrganisatieId != o)).Select(o => new Betrokkene(o, tijdstip, tijdstip))];

    /// <summary>Marks activity of those <paramref name="organisaties"/> that take part (others, e.g. the RIEC bureau, are not tracked).</summary>
    private IReadOnlyList<Betrokkene> Actief(IReadOnlyCollection<string> organisaties, DateTimeOffset tijdstip) =>
        Betrokkenen.Select(b => organisaties.Contains(b.OrganisatieId) ? b with { LaatsteActiviteit = tijdstip } : b).ToList();
}
