using Casus.Domain.Casussen;

namespace Casus.Domain.Termijnen;

/// <summary>The terms the network works with (configuration <c>Casus:Termijnen</c>, defaults in docs/termijnen.md).
/// Days are calendar days; a term whose last day is D has passed on D + 1.</summary>
/// <param name="AntwoordDagen">Default term for answering an information request, when the request names no date.</param>
/// <param name="StapDagen">Maximum days a casus may stay in a step; a step without an entry has no maximum.</param>
/// <param name="InterventieDagen">Days after the advice date within which an advised intervention should be registered.</param>
/// <param name="HerinneringDagen">How many days before its last day a term shows as "verloopt binnenkort".</param>
public sealed record Termijnbeleid(int AntwoordDagen, IReadOnlyDictionary<Stap, int> StapDagen, int InterventieDagen, int HerinneringDagen)
{
    public static Termijnbeleid Standaard { get; } = new(
        AntwoordDagen: 14,
        StapDagen: new Dictionary<Stap, int>
        {
            [Stap.SignaalIngediend] = 14,
            [Stap.Verkennen] = 90,
            [Stap.InformatieDelenEnAnalyseren] = 180,
            [Stap.Uitvoeren] = 365,
            [Stap.Evalueren] = 60,
        },
        InterventieDagen: 90,
        HerinneringDagen: 7);
}
