namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>A date with the ministries present (toetsingsoverleg) or addressed (aanbieding).</summary>
public sealed record MetMinisteries(DateOnly Datum, IReadOnlyList<string> Ministeries);

public sealed record Datumtekst(DateOnly Datum, string Tekst);

/// <summary>Consent to publish one part, by whom and when.</summary>
public sealed record Toestemming(PublicatieOnderdeel Onderdeel, string Door, DateOnly Datum);

public sealed record Publicatievermelding(PublicatieOnderdeel Onderdeel, DateOnly Datum, string Vindplaats);

/// <summary>The state of one bestuurlijk signaal, rebuilt from its events by <see cref="Evolve(BestuurlijkSignaal?, ISignaalGebeurtenis)"/>.
/// <see cref="Versie"/> equals the event stream's version. It holds the link to a casus (<see cref="CasusId"/>), never casus data.</summary>
public sealed record BestuurlijkSignaal
{
    public Guid Id { get; init; }
    public long Versie { get; init; }
    public SignaalStap Stap { get; init; }
    public Guid? CasusId { get; init; }
    public DateOnly OpgesteldOp { get; init; }
    public IReadOnlyList<Indiener> Indieners { get; init; } = [];
    public SignaalInhoud Inhoud { get; init; } = new("", new Aanleiding("", "", null), [], new Criteria("", "", ""), "", []);
    public IReadOnlyList<Datumtekst> LiecAdviezen { get; init; } = [];
    public MetMinisteries? Toetsingsoverleg { get; init; }
    public DateOnly? IngediendOp { get; init; }
    /// <summary>SHA-256 of the submitted text (indieners and inhoud), recorded at definitive submission.</summary>
    public string? InhoudHash { get; init; }
    public Datumtekst? Intrekking { get; init; }
    public MetMinisteries? Aanbieding { get; init; }
    /// <summary>The last day of the ministers' joint answer: three months after the signaal was offered.</summary>
    public DateOnly? ReactieUiterlijk { get; init; }
    public Datumtekst? Reactie { get; init; }
    public DateOnly? AfgerondOp { get; init; }
    /// <summary>The day the LIEC asks the indieners for the effect: six months after completion.</summary>
    public DateOnly? EffectUiterlijk { get; init; }
    public Datumtekst? Effect { get; init; }
    public IReadOnlyList<Toestemming> Toestemmingen { get; init; } = [];
    public IReadOnlyList<Publicatievermelding> Publicaties { get; init; } = [];
    /// <summary>The keys of the terms recorded as passed (<see cref="SignaalTermijnVerstreken"/>).</summary>
    public IReadOnlyList<string> VerstrekenTermijnen { get; init; } = [];
    /// <summary>The last day of the earliest running term not yet recorded as passed; set by the store for the term
    /// monitoring's index (<see cref="SignaalTermijnen.Volgende"/>), not part of the JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly? VolgendeTermijn { get; init; }

    public bool IsIndiener(string organisatieId) => Indieners.Any(i => i.Organisatie.Id == organisatieId);

    public static BestuurlijkSignaal Evolve(BestuurlijkSignaal? signaal, ISignaalGebeurtenis gebeurtenis)
    {
        if (gebeurtenis is SignaalOpgesteld o)
            return signaal is not null
                ? throw new InvalidOperationException($"SignaalOpgesteld applied to existing signaal {signaal.Id}.")
                : new BestuurlijkSignaal
                {
                    Id = o.SignaalId, Versie = 1, Stap = SignaalStap.Concept, CasusId = o.CasusId, OpgesteldOp = o.Datum,
                    Indieners = o.Indieners, Inhoud = o.Inhoud,
                };
        var s = signaal ?? throw new InvalidOperationException($"{gebeurtenis.GetType().Name} before SignaalOpgesteld.");
        var volgende = gebeurtenis switch
        {
            SignaalInhoudGewijzigd e => s with { Inhoud = e.Inhoud },
            SignaalIndienerToegevoegd e => s with { Indieners = [.. s.Indieners, e.Indiener] },
            LiecAdviesGegeven e => s with { LiecAdviezen = [.. s.LiecAdviezen, new Datumtekst(e.Datum, e.Advies)] },
            ToetsingsoverlegGehouden e => s with { Stap = SignaalStap.ToetsingsoverlegGehouden, Toetsingsoverleg = new MetMinisteries(e.Datum, e.Ministeries) },
            SignaalDefinitiefIngediend e => s with { Stap = SignaalStap.DefinitiefIngediend, IngediendOp = e.Datum, InhoudHash = e.InhoudHash },
            SignaalIngetrokken e => s with { Stap = SignaalStap.Ingetrokken, Intrekking = new Datumtekst(e.Datum, e.Reden) },
            SignaalAangeboden e => s with
            {
                Stap = SignaalStap.AangebodenAanBewindspersonen, Aanbieding = new MetMinisteries(e.Datum, e.Ministeries), ReactieUiterlijk = e.ReactieUiterlijk,
            },
            SignaalReactieOntvangen e => s with { Stap = SignaalStap.ReactieOntvangen, Reactie = new Datumtekst(e.Datum, e.Samenvatting) },
            SignaalAfgerond e => s with { Stap = SignaalStap.Afgerond, AfgerondOp = e.Datum, EffectUiterlijk = e.EffectUiterlijk },
            SignaalEffectVastgelegd e => s with { Stap = SignaalStap.EffectVastgelegd, Effect = new Datumtekst(e.Datum, e.Effect) },
            PublicatieToestemmingGegeven e => s with { Toestemmingen = [.. s.Toestemmingen, new Toestemming(e.Onderdeel, e.Door, e.Datum)] },
            SignaalGepubliceerd e => s with { Publicaties = [.. s.Publicaties, new Publicatievermelding(e.Onderdeel, e.Datum, e.Vindplaats)] },
            SignaalTermijnVerstreken e => s with { VerstrekenTermijnen = [.. s.VerstrekenTermijnen, e.Sleutel] },
            _ => throw new InvalidOperationException($"Unknown signaal event {gebeurtenis.GetType().Name}."),
        };
        return volgende with { Versie = s.Versie + 1 };
    }

    public static BestuurlijkSignaal Evolve(BestuurlijkSignaal? signaal, IEnumerable<ISignaalGebeurtenis> gebeurtenissen) =>
        gebeurtenissen.Aggregate(signaal, (s, e) => Evolve(s, e)) ?? throw new InvalidOperationException("No events to apply.");
}
