using Casus.Domain.Gedeeld;

namespace Casus.Domain.Casussen;

/// <summary>A partner organisation of the casus and the stream version from which it takes part.</summary>
public sealed record Deelnemer(Organisatie Organisatie, long SindsVersie);

/// <summary>An information request and, once answered, the number of the contribution that answered it.</summary>
public sealed record Informatieverzoek(int Nummer, string AanPartnerId, string Vraag, string Grondslag, int? BeantwoordMet);

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
    public IReadOnlyList<GeadviseerdeInterventie> Interventieadviezen { get; init; } = [];
    public IReadOnlyList<InterventieGeregistreerd> Interventies { get; init; } = [];
    public IReadOnlyList<EvaluatieVastgelegd> Evaluaties { get; init; } = [];
    /// <summary>An evaluation was recorded since the casus last entered <see cref="Stap.Evalueren"/>.</summary>
    public bool EvaluatieInDezeRonde { get; init; }
    public Afsluitgegevens? Afsluiting { get; init; }

    public bool IsPartner(string organisatieId) => Partners.Any(p => p.Organisatie.Id == organisatieId);

    /// <summary>Applies one event. The first event of a stream is always <see cref="SignaalIngediend"/>.</summary>
    public static IntegraleCasus Evolve(IntegraleCasus? casus, ICasusGebeurtenis gebeurtenis)
    {
        if (gebeurtenis is SignaalIngediend s)
            return casus is not null
                ? throw new InvalidOperationException($"SignaalIngediend applied to existing casus {casus.Id} at version {casus.Versie}.")
                : new IntegraleCasus
            {
                Id = s.CasusId, Versie = 1, Stap = Stap.SignaalIngediend, Regio = s.Regio, Indiener = s.Indiener,
                SignaalDatum = s.Datum, Omschrijving = s.Omschrijving, Themas = s.Themas, UitOndermijningsbeeld = s.UitOndermijningsbeeld,
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
                Informatieverzoeken = [.. c.Informatieverzoeken, new Informatieverzoek(e.Nummer, e.AanPartnerId, e.Vraag, e.Grondslag, null)],
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
                Stap = Stap.Uitvoeren, Interventieadviezen = [.. c.Interventieadviezen, .. e.Interventies],
            },
            InterventieGeregistreerd e => c with { Interventies = [.. c.Interventies, e] },
            UitvoeringAfgerond => c with { Stap = Stap.Evalueren, EvaluatieInDezeRonde = false },
            EvaluatieVastgelegd e => c with { Evaluaties = [.. c.Evaluaties, e], EvaluatieInDezeRonde = true },
            Teruggestapt e => c with { Stap = e.Naar },
            CasusAfgesloten e => c with { Stap = Stap.Afgesloten, Afsluiting = new Afsluitgegevens(e.Reden, e.Datum, NietOpgenomen: false) },
            _ => throw new InvalidOperationException($"Unknown casus event {gebeurtenis.GetType().Name}."),
        };
        return volgende with { Versie = versie };
    }

    public static IntegraleCasus Evolve(IntegraleCasus? casus, IEnumerable<ICasusGebeurtenis> gebeurtenissen) =>
        gebeurtenissen.Aggregate(casus, (c, e) => Evolve(c, e))
        ?? throw new InvalidOperationException("No events to apply.");
}
