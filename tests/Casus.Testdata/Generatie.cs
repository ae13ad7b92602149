using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Testdata;

/// <summary>One command of the generated history: when, for which casus (its number in the generation), by whom, and the
/// request body exactly as the API takes it.</summary>
public sealed record GeplandCommando(DateTimeOffset Tijdstip, int Casus, Actor Als, CommandoSoort Soort, object Body);

public sealed record GegenereerdAdvies(int Nummer, DateOnly Datum, Instrument Instrument, string PartnerId);

public sealed record GegenereerdeInterventie(DateOnly Datum, Instrument Instrument, string PartnerId, Bedragen Bedragen, int? AdviesNummer);

public sealed record GegenereerdVerzoek(int Nummer, string AanPartnerId, DateTimeOffset VerzochtOp, DateTimeOffset? BeantwoordOp);

/// <summary>The generator's own record of one casus: what it made happen, written down while planning the commands (not read
/// back from the API), so tests can compute the figures and dashboards independently.</summary>
public sealed class GegenereerdeCasus
{
    public required int Nummer { get; init; }
    public required RiecRegio Regio { get; init; }
    public required Organisatie Indiener { get; init; }
    public required bool UitOndermijningsbeeld { get; init; }
    public required DateOnly SignaalDatum { get; init; }
    public required IReadOnlyList<ThemaSoort> Themas { get; init; }
    /// <summary>The organisations that brought the signaal in besides the submitter (a casus can have several sources).</summary>
    public IReadOnlyList<Organisatie> Bronnen { get; init; } = [];
    public Stap Stap { get; set; } = Stap.SignaalIngediend;
    public DateOnly? OpgenomenOp { get; set; }
    public DateOnly? AfgeslotenOp { get; set; }
    public List<Organisatie> Partners { get; } = [];
    public List<GegenereerdVerzoek> Verzoeken { get; } = [];
    public List<GegenereerdAdvies> Adviezen { get; } = [];
    public List<GegenereerdeInterventie> Interventies { get; } = [];

    /// <summary>The organisations taking part: the submitter (unless the RIEC itself) and the joined partners.</summary>
    public IEnumerable<string> Betrokkenen =>
        (Indiener.Type == PartnerType.Riec ? Partners : Partners.Prepend(Indiener)).Select(p => p.Id).Distinct();
}

/// <summary>A generated data set: the casussen as the generator recorded them, and every command in time order.</summary>
public sealed record Generatie(IReadOnlyList<GegenereerdeCasus> Casussen, IReadOnlyList<GeplandCommando> Commandos);
