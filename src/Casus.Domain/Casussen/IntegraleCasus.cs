using Casus.Domain.Gedeeld;
using Casus.Domain.Privacy;
using Casus.Domain.Termijnen;

namespace Casus.Domain.Casussen;

/// <summary>A partner organisation of the casus and the stream version from which it takes part.</summary>
public sealed record Deelnemer(Organisatie Organisatie, long SindsVersie);

/// <summary>An information request, the last day for its answer (none for requests made before terms existed) and, once
/// answered, the number of the contribution that answered it.
/// <see cref="Datum"/>: the business date of the request (absent for requests recorded without one).</summary>
public sealed record Informatieverzoek(
    int Nummer, string AanPartnerId, string Vraag, string Grondslag, DateOnly? AntwoordVoor, int? BeantwoordMet, DateOnly? Datum = null);

/// <summary>One advised intervention with the date of the advice that gave it.</summary>
public sealed record Interventieadvies(int Nummer, Instrument Instrument, string PartnerId, string Omschrijving, DateOnly Datum);

/// <summary>How a casus was closed: after evaluation, or at verkennen (<see cref="NietOpgenomen"/>).</summary>
public sealed record Afsluitgegevens(string Reden, DateOnly Datum, bool NietOpgenomen);

/// <summary>The state of one integrale casus, rebuilt from its events by <see cref="Evolve"/>.
/// <see cref="Versie"/> is the number of events applied, which equals the event stream's version.</summary>
public sealed record IntegraleCasus
{
    public Guid Id { get; init; }
    public long Versie { get; init; }
    public Stap Stap { get; init; }
    public RiecRegio Regio { get; init; }
    public Organisatie Indiener { get; init; } = new("", "", PartnerType.Gemeente);
    public DateOnly SignaalDatum { get; init; }
    public string Omschrijving { get; init; } = "";
    public IReadOnlyList<Thema> Themas { get; init; } = [];
    public bool UitOndermijningsbeeld { get; init; }
    public string? Coordinator { get; init; }
    public string? Motivering { get; init; }
    public DateOnly? OpgenomenOp { get; init; }
    public IReadOnlyList<Deelnemer> Partners { get; init; } = [];
    public IReadOnlyList<SubjectToegevoegd> Subjecten { get; init; } = [];
    public IReadOnlyList<Informatieverzoek> Informatieverzoeken { get; init; } = [];
    public IReadOnlyList<InformatieGedeeld> Informatiebijdragen { get; init; } = [];
    public string? Analyse { get; init; }
    public IReadOnlyList<Interventieadvies> Interventieadviezen { get; init; } = [];
    public IReadOnlyList<InterventieGeregistreerd> Interventies { get; init; } = [];
    public IReadOnlyList<EvaluatieVastgelegd> Evaluaties { get; init; } = [];
    /// <summary>An evaluation was recorded since the casus last entered <see cref="Stap.Evalueren"/>.</summary>
    public bool EvaluatieInDezeRonde { get; init; }
    public Afsluitgegevens? Afsluiting { get; init; }
    /// <summary>The day the casus entered its current step: the business date of the event that entered it (for an event
    /// recorded before business dates existed, its registration day); null when the state was built without registration
    /// times from an event without a business date.</summary>
    public DateOnly? StapSinds { get; init; }
    /// <summary>The version of the event that entered the current step (re-entering a step starts a new step term).</summary>
    public long StapSindsVersie { get; init; }
    /// <summary>The keys of the terms recorded as passed (<see cref="TermijnVerstreken"/>).</summary>
    public IReadOnlyList<string> VerstrekenTermijnen { get; init; } = [];
    /// <summary>The keys of the terms whose reminder was recorded (<see cref="TermijnNadert"/>).</summary>
    public IReadOnlyList<string> NaderendeTermijnen { get; init; } = [];
    /// <summary>The last day of the earliest running term not yet recorded as passed (<see cref="Termijnbewaking.Volgende"/>
    /// under the configured terms); the term monitoring looks at the casus again the day after. Set by the store for its
    /// index (a column of its own); not part of the JSON, because it depends on configuration, not only on events.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly? VolgendeTermijn { get; init; }
    /// <summary>Set when the retention term passed and the personal data were destroyed (<see cref="PersoonsgegevensVernietigd"/>);
    /// the destroyed fields then read as destroyed, with the date.</summary>
    public Vernietiging? Vernietiging { get; init; }

    /// <summary>The other organisations that brought in the signaal besides <see cref="Indiener"/> (Tabel 1 rows 2b-2f count
    /// each source once per casus).</summary>
    public IReadOnlyList<Organisatie> Bronnen { get; init; } = [];

    /// <summary>The registered ondermijningsbeeld the signaal came from, if any (then <see cref="UitOndermijningsbeeld"/>).</summary>
    public Guid? OndermijningsbeeldId { get; init; }

    /// <summary>The region's own reference of the casus (unique within the region), if it has one.</summary>
    public string? Referentie { get; init; }

    /// <summary>The latest business date of the casus so far: of the signaal or of any step recorded in it (for an event
    /// recorded before business dates existed, its registration day). A command that leaves a step is not dated before it.</summary>
    public DateOnly? LaatsteDatum { get; init; }

    public bool IsPartner(string organisatieId) => Partners.Any(p => p.Organisatie.Id == organisatieId);


    /// <summary>Applies one event. The first event of a stream is always <see cref="SignaalIngediend"/>. Business dates come
    /// from the event alone (<see cref="Bedrijfsdatums.Van(ICasusGebeurtenis)"/>): an event without one leaves
    /// <see cref="LaatsteDatum"/> as it is and, entering a step, leaves <see cref="StapSinds"/> unknown.</summary>
    public static IntegraleCasus Evolve(IntegraleCasus? casus, ICasusGebeurtenis gebeurtenis) =>
        Pas(casus, gebeurtenis, Bedrijfsdatums.Van(gebeurtenis));

    /// <summary>As <see cref="Evolve(IntegraleCasus?, ICasusGebeurtenis)"/>, for an event registered on
    /// <paramref name="geregistreerdOp"/> (the Dutch day of its event time): a step event without a business date (recorded
    /// before they existed) counts as happened on that day.</summary>
    public static IntegraleCasus Evolve(IntegraleCasus? casus, ICasusGebeurtenis gebeurtenis, DateOnly geregistreerdOp) =>
        Pas(casus, gebeurtenis, Bedrijfsdatums.Van(gebeurtenis, geregistreerdOp));

    /// <summary>The event applied, with its business date <paramref name="datum"/>: it moves <see cref="LaatsteDatum"/> on, and
    /// an event that enters a step (also re-entering one by a back-step) starts the step's term on that day.</summary>
    private static IntegraleCasus Pas(IntegraleCasus? casus, ICasusGebeurtenis gebeurtenis, DateOnly? datum)
    {
        var volgende = Toepassen(casus, gebeurtenis);
        if (datum is { } d && (volgende.LaatsteDatum is not { } laatste || d > laatste)) volgende = volgende with { LaatsteDatum = d };
        return casus is null || volgende.Stap != casus.Stap || gebeurtenis is Teruggestapt
            ? volgende with { StapSinds = datum, StapSindsVersie = volgende.Versie }
            : volgende;
    }

    private static IntegraleCasus Toepassen(IntegraleCasus? casus, ICasusGebeurtenis gebeurtenis)
    {
        if (gebeurtenis is SignaalIngediend s)
            return casus is not null
                ? throw new InvalidOperationException($"SignaalIngediend applied to existing casus {casus.Id} at version {casus.Versie}.")
                : new IntegraleCasus
            {
                Id = s.CasusId, Versie = 1, Stap = Stap.SignaalIngediend, Regio = s.Regio, Indiener = s.Indiener,
                SignaalDatum = s.Datum, Omschrijving = s.Omschrijving, Themas = s.Themas, UitOndermijningsbeeld = s.UitOndermijningsbeeld,
                Bronnen = s.Bronnen ?? [], OndermijningsbeeldId = s.OndermijningsbeeldId, Referentie = s.Referentie,
            };
        var c = casus ?? throw new InvalidOperationException($"{gebeurtenis.GetType().Name} before SignaalIngediend.");
        var versie = c.Versie + 1;
        var volgende = gebeurtenis switch
        {
            VerkenningGestart e => c with { Stap = Stap.Verkennen, Coordinator = e.Coordinator },
            CasusOpgenomen e => c with
            {
                Stap = Stap.InformatieDelenEnAnalyseren, Motivering = e.Motivering, OpgenomenOp = e.Datum,
                Partners = [.. c.Partners, .. e.Partners.Select(p => new Deelnemer(p, versie))],
            },
            CasusNietOpgenomen e => c with { Stap = Stap.Afgesloten, Afsluiting = new Afsluitgegevens(e.Reden, e.Datum, NietOpgenomen: true) },
            PartnerAangesloten e => c with { Partners = [.. c.Partners, new Deelnemer(e.Partner, versie)] },
            SubjectToegevoegd e => c with { Subjecten = [.. c.Subjecten, e] },
            InformatieVerzocht e => c with
            {
                Informatieverzoeken = [.. c.Informatieverzoeken, new Informatieverzoek(e.Nummer, e.AanPartnerId, e.Vraag, e.Grondslag, e.AntwoordVoor, null, e.Datum)],
            },
            InformatieGedeeld e => c with
            {
                Informatiebijdragen = [.. c.Informatiebijdragen, e],
                Informatieverzoeken = c.Informatieverzoeken
                    .Select(v => v.Nummer == e.VerzoekNummer ? v with { BeantwoordMet = e.Nummer } : v).ToList(),
            },
            AnalyseVastgelegd e => c with { Analyse = e.Samenvatting },
            InterventieadviesUitgebracht e => c with
            {
                Stap = Stap.Uitvoeren,
                Interventieadviezen = [.. c.Interventieadviezen,
                    .. e.Interventies.Select(a => new Interventieadvies(a.Nummer, a.Instrument, a.PartnerId, a.Omschrijving, e.Datum))],
            },
            InterventieGeregistreerd e => c with { Interventies = [.. c.Interventies, e] },
            UitvoeringAfgerond => c with { Stap = Stap.Evalueren, EvaluatieInDezeRonde = false },
            EvaluatieVastgelegd e => c with { Evaluaties = [.. c.Evaluaties, e], EvaluatieInDezeRonde = true },
            Teruggestapt e => c with { Stap = e.Naar },
            CasusAfgesloten e => c with { Stap = Stap.Afgesloten, Afsluiting = new Afsluitgegevens(e.Reden, e.Datum, NietOpgenomen: false) },
            TermijnVerstreken e => c with { VerstrekenTermijnen = [.. c.VerstrekenTermijnen, e.Sleutel] },
            TermijnNadert e => c with { NaderendeTermijnen = [.. c.NaderendeTermijnen, e.Sleutel] },
            SubjectGerectificeerd e => c with
            {
                Subjecten = c.Subjecten.Select(s => s.Nummer == e.Nummer ? s with { Subject = e.Subject } : s).ToList(),
            },
            SubjectGewist e => e.VrijeTekstVernietigd
                ? Persoonsgegevens.VrijeTekstVernietigen(Persoonsgegevens.SubjectenVernietigen(c, e.Nummer, e.Datum), e.Datum)
                : Persoonsgegevens.SubjectenVernietigen(c, e.Nummer, e.Datum),
            PersoonsgegevensVernietigd e => Persoonsgegevens.VrijeTekstVernietigen(Persoonsgegevens.SubjectenVernietigen(c, null, e.Datum), e.Datum)
                with { Vernietiging = new Vernietiging(e.Datum, e.LijstId, e.Categorieen) },
            _ => throw new InvalidOperationException($"Unknown casus event {gebeurtenis.GetType().Name}."),
        };
        return volgende with { Versie = versie };
    }

    public static IntegraleCasus Evolve(IntegraleCasus? casus, IEnumerable<ICasusGebeurtenis> gebeurtenissen, DateOnly geregistreerdOp) =>
        gebeurtenissen.Aggregate(casus, (c, e) => Evolve(c, e, geregistreerdOp))
        ?? throw new InvalidOperationException("No events to apply.");

    public static IntegraleCasus Evolve(IntegraleCasus? casus, IEnumerable<ICasusGebeurtenis> gebeurtenissen) =>
        gebeurtenissen.Aggregate(casus, (c, e) => Evolve(c, e))
        ?? throw new InvalidOperationException("No events to apply.");
}
