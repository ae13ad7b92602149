using Casus.Api.Http;
using Casus.Domain.Toegang;

namespace Casus.Api.Import;

/// <summary>One import run: its batch id, who runs it (their user id goes on every event, with the batch and the source
/// system), from which former system, whether it is a dry run, and the trace its audit records carry.</summary>
public sealed record Importopdracht(Guid BatchId, Actor Door, string Bronsysteem, bool Proefdraai, string TraceId, string SpanId, string Herkomst);

/// <summary>One line of an import file as read: its line number (1-based, as an editor shows it) and its text.</summary>
public sealed record Importinvoer(int Regel, string Tekst);

/// <summary>What happened to one line. <see cref="Status"/>: <c>ok</c> (imported; in a dry run: would be imported),
/// <c>geweigerd</c> (refused: <see cref="Code"/> is the rule code, as the API would answer, with <see cref="Stap"/> the index
/// of the step in <c>stappen</c> that was refused, or the invalid fields), or <c>overgeslagen</c> (skipped: the region
/// already has a casus or beeld with this reference, <see cref="Id"/> is it). <see cref="Id"/> of an imported line: the new
/// casus or beeld (none in a dry run). <see cref="Gebeurtenissen"/>: the events the line makes (in a dry run: would make).</summary>
public sealed record Regelverslag(
    int Regel, string Status, string? Soort, string? Regio, string? Referentie, Guid? Id, int Gebeurtenissen, string? Code, string? Melding,
    int? Stap, IReadOnlyList<InvalidParam>? InvalidParams)
{
    public const string Ok = "ok";
    public const string Geweigerd = "geweigerd";
    public const string Overgeslagen = "overgeslagen";
}

/// <summary>The report of an import run: the batch, the counts, and one entry per line in file order.</summary>
public sealed record Importverslag(
    Guid BatchId, bool Proefdraai, string Bronsysteem, string Door, int Regels, int Ok, int Geweigerd, int Overgeslagen, int Casussen,
    int Ondermijningsbeelden, long Gebeurtenissen, IReadOnlyList<Regelverslag> Regelverslagen);

/// <summary>The codes of an import's own refusals (the others are the API's: <c>ongeldige-json</c>, <c>ongeldige-invoer</c>
/// and the domain's rule codes).</summary>
public static class Importcodes
{
    /// <summary>The region already has a casus or beeld with this reference: the line is skipped.</summary>
    public const string AlGeimporteerd = "import.al-geimporteerd";
    /// <summary>An earlier line of the same file has the same region and reference: this one is refused.</summary>
    public const string DubbeleReferentie = "import.dubbele-referentie";
    /// <summary>Another import is running (one at a time).</summary>
    public const string LooptAl = "import.loopt-al";
}

/// <summary>Another import holds the lock.</summary>
public sealed class ImportLooptAlException() : Exception("Er loopt al een import; er kan er één tegelijk lopen.");
