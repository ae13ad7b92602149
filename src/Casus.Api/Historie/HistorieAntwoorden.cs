using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Historie;

namespace Casus.Api.Historie;

/// <summary>A casus as it was at <see cref="Versie"/>: the state after that event (at <see cref="Tijdstip"/>).</summary>
public sealed record HistorischeStand(Guid CasusId, long Versie, DateTimeOffset Tijdstip, DateTimeOffset? Peildatum, IntegraleCasus Casus);

/// <summary>What changed from version <see cref="Van"/> (exclusive) to <see cref="Tot"/> (inclusive): every event in
/// between, and the top-level fields of the casus whose values differ.</summary>
public sealed record CasusVerschillen(Guid CasusId, long Van, long Tot, IReadOnlyList<Wijziging> Wijzigingen, IReadOnlyList<Veldverschil> Velden);

/// <summary>The verification of one casus stream's hash chain.</summary>
public sealed record Ketenverificatie(
    Guid CasusId, string Status, long Versies, long? EersteGebrokenVersie, string? Reden, string? LaatsteHash, DateTimeOffset GecontroleerdOp)
{
    public static Ketenverificatie Van(Guid casusId, Ketenuitslag u, DateTimeOffset op) =>
        new(casusId, u.Status, u.Versies, u.EersteGebrokenVersie, u.Reden, u.LaatsteHash, op);
}

/// <summary>An event with all its metadata, as archived in a dossier: <see cref="Tijdstip"/> when it was registered,
/// <see cref="Datum"/> the day it happened (as in <see cref="Casussen.Gebeurtenis"/>), and where an imported event came from.</summary>
public sealed record DossierGebeurtenis(
    long Versie, string Type, DateTimeOffset Tijdstip, string? Gebruiker, string? Organisatie, string? OrganisatieNaam, string? TraceId,
    string? SpanId, string? Verwerkingsactiviteit, string? Doel, string? Grondslag, string? Hash, object Gegevens, DateOnly? Datum = null,
    Casussen.Importherkomst? Import = null);

/// <summary>Who generated a dossier, for which organisation, on which trace.</summary>
public sealed record DossierMaker(string GebruikerId, string OrganisatieId, string OrganisatieNaam, string TraceId);

/// <summary>The full history of one casus as one archivable document: current state, every event with its metadata,
/// every audit and processing record of the casus, and the verification of its hash chain at generation time.</summary>
public sealed record Dossier(
    Guid CasusId, DateTimeOffset GegenereerdOp, DossierMaker GegenereerdDoor, IntegraleCasus Casus, Ketenverificatie Keten,
    IReadOnlyList<DossierGebeurtenis> Gebeurtenissen, IReadOnlyList<AuditRecord> Auditrecords, IReadOnlyList<Verwerking> Verwerkingen);
