namespace Casus.Domain.Gedeeld;

/// <summary>The money of jaarverslag Tabel 2, in euros: imposed, collected or set off, and assessments
/// secured by attachment (beslag). Each is optional: only what applies to the intervention is given.</summary>
public sealed record Bedragen(decimal? Opgelegd = null, decimal? GeindOfVerrekend = null, decimal? Beslag = null);
