using Casus.Domain.Gedeeld;

namespace Casus.Domain.Toegang;

/// <summary>The roles of the RIEC-LIEC information chain, as carried in tokens.</summary>
public enum Rol
{
    RiecCoordinator,
    RiecAnalist,
    PartnerMedewerker,
    Auditor,
    Liec,
    /// <summary>Staff of the LIEC's Landelijk Loket Bestuurlijke Signalen: guide bestuurlijke signalen; see no casus.</summary>
    LiecLoket,
    /// <summary>Operates the system (e.g. rebuilds the read models); sees no casus.</summary>
    Beheerder,
    /// <summary>Connects the organisation's own systems: manages its webhook subscriptions and their delivery log; sees no casus.</summary>
    Integratiebeheerder,
    /// <summary>The privacy officer (functionaris gegevensbescherming or privacy team) of the RIEC: approves destruction lists,
    /// handles erasure requests (AVG art. 17) and reads the verklaringen van vernietiging; sees no casus.</summary>
    Privacyfunctionaris,
}

/// <summary>Who makes a request: a user acting for one partner organisation, with roles, in RIEC regions.
/// <paramref name="Landelijk"/>: the roles hold in all regions (e.g. a national auditor).</summary>
public sealed record Actor(string GebruikerId, Organisatie Organisatie, IReadOnlySet<RiecRegio> Regios, bool Landelijk, IReadOnlySet<Rol> Rollen)
{
    public bool Heeft(Rol rol) => Rollen.Contains(rol);

    /// <summary>Has <paramref name="rol"/> in <paramref name="regio"/>.</summary>
    public bool Heeft(Rol rol, RiecRegio regio) => Heeft(rol) && (Landelijk || Regios.Contains(regio));
}
