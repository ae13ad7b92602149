namespace Casus.Domain.Gedeeld;

/// <summary>Kinds of organisation that signed the RIEC-LIEC convenant, plus the RIEC bureau itself
/// (which brings in signalen that come from an ondermijningsbeeld).</summary>
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
}
