using Casus.Domain.Gedeeld;

namespace Casus.Domain.Historie;

/// <summary>A stream whose chain did not hold in a check: the casus and the first version that broke, and why.</summary>
public sealed record GebrokenStroom(Guid CasusId, long EersteGebrokenVersie, string Reden);

/// <summary>A periodic check of all casus streams of a region (BIO2 8.15): who checked, for which organisation, when, how
/// many streams, and which were broken. Recorded in its own stream (one per run), never in a casus stream.</summary>
public sealed record KetencontroleUitgevoerd(
    Guid ControleId, RiecRegio Regio, string GecontroleerdDoor, string Organisatie, DateTimeOffset Tijdstip, int AantalStromen,
    IReadOnlyList<GebrokenStroom> Gebroken);
