namespace Casus.Domain.Gedeeld;

/// <summary>Kinds of organisation that signed the RIEC-LIEC convenant, plus the RIEC bureau itself
/// (which brings in signalen that come from an ondermijningsbeeld) and the LIEC (the national centre: the Landelijk Loket
/// Bestuurlijke Signalen, the jaarverslag). Neither the RIEC nor the LIEC counts as a source of a casus (Tabel 1 rows
/// 2b-2f): they register, they do not bring in.</summary>
public enum PartnerType
{
    Gemeente,
    Provincie,
    OpenbaarMinisterie,
    Politie,
    Belastingdienst,
    Toeslagen,
    Douane,
    Fiod,
    Arbeidsinspectie,
    Marechaussee,
    Ind,
    Uwv,
    Nvwa,
    Riec,
    Liec,
}
