using Casus.Api.Historie;
using Casus.Api.Verantwoording;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Historie;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>A bestuurlijk signaal as it was at <see cref="Versie"/>: the state after that event (at <see cref="Tijdstip"/>),
/// replayed from its events.</summary>
public sealed record HistorischSignaal(Guid SignaalId, long Versie, DateTimeOffset Tijdstip, DateTimeOffset? Peildatum, BestuurlijkSignaal Signaal);

/// <summary>What changed in a signaal from version <see cref="Van"/> (exclusive) to <see cref="Tot"/> (inclusive).</summary>
public sealed record SignaalVerschillen(Guid SignaalId, long Van, long Tot, IReadOnlyList<Wijziging> Wijzigingen, IReadOnlyList<Veldverschil> Velden);

/// <summary>The verification of one signaal stream's hash chain.</summary>
public sealed record SignaalKetenverificatie(
    Guid SignaalId, string Status, long Versies, long? EersteGebrokenVersie, string? Reden, string? LaatsteHash, DateTimeOffset GecontroleerdOp)
{
    public static SignaalKetenverificatie Van(Guid signaalId, Ketenuitslag u, DateTimeOffset op) =>
        new(signaalId, u.Status, u.Versies, u.EersteGebrokenVersie, u.Reden, u.LaatsteHash, op);
}

/// <summary>The full history of one signaal as one archivable document: current state, every event with its metadata, every
/// audit and processing record of the signaal, and the verification of its hash chain at generation time.</summary>
public sealed record SignaalDossier(
    Guid SignaalId, DateTimeOffset GegenereerdOp, DossierMaker GegenereerdDoor, BestuurlijkSignaal Signaal, SignaalKetenverificatie Keten,
    IReadOnlyList<DossierGebeurtenis> Gebeurtenissen, IReadOnlyList<AuditRecord> Auditrecords, IReadOnlyList<Verwerking> Verwerkingen);
