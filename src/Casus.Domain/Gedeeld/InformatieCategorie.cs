namespace Casus.Domain.Gedeeld;

/// <summary>What kind of information a partner contributes.</summary>
public enum InformatieCategorie
{
    Bestuurlijk,
    Politieel,
    Justitieel,
    Fiscaal,
    Financieel,
    OpenBronnen,
    Overig,
}
