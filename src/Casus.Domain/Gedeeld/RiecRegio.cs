namespace Casus.Domain.Gedeeld;

/// <summary>The ten RIEC regions. Taskforce-RIEC Brabant-Zeeland (RIEC Zeeland-West-Brabant and RIEC
/// Oost-Brabant) counts as one region, as in the jaarverslag; EURIEC is part of Limburg.</summary>
public enum RiecRegio
{
    NoordNederland,
    OostNederland,
    MiddenNederland,
    NoordHolland,
    AmsterdamAmstelland,
    DenHaag,
    Rotterdam,
    TaskforceBrabantZeeland,
    Limburg,
    CaribischNederland,
}
