namespace Casus.Domain.Gedeeld;

/// <summary>Intervention instruments, as counted in jaarverslag Tabel 1 rows 4a-4d (Bibob separately).</summary>
public enum Instrument
{
    Bestuurlijk,
    Bibob,
    Strafrechtelijk,
    Fiscaal,
    Overig,
}
