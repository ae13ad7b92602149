namespace Casus.Domain.Gedeeld;

/// <summary>The themes of jaarverslag Tabel 1, rows 3a-3f.</summary>
public enum ThemaSoort
{
    MensenhandelEnMensensmokkel,
    HennepteeltEnDrugs,
    Witwassen,
    Vastgoed,
    Omg,
    Regionaal,
}

/// <summary>A theme of a casus; a regional theme carries its name (<paramref name="Naam"/>), the others none.</summary>
public sealed record Thema(ThemaSoort Soort, string? Naam = null);
