using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>The people in the tests. The example casus is in Taskforce Brabant-Zeeland, brought in by Gemeente Tilburg,
/// with Tilburg, Politie Zeeland-West-Brabant and the Belastingdienst joining at opname.</summary>
public static class Personas
{
    private static readonly Organisatie RiecZwb = new("riec-zwb", "RIEC Zeeland-West-Brabant", PartnerType.Riec);

    public static Actor Coordinator(params RiecRegio[] regios) =>
        new("c.devries", RiecZwb, (regios.Length == 0 ? [RiecRegio.TaskforceBrabantZeeland] : regios).ToHashSet(), false, new HashSet<Rol> { Rol.RiecCoordinator });

    public static readonly Actor Analist = Riec("a.jansen", Rol.RiecAnalist);
    public static readonly Actor Auditor = Riec("o.bakker", Rol.Auditor);
    /// <summary>The privacy officer of Taskforce Brabant-Zeeland (destruction lists, erasure requests); sees no casus.</summary>
    public static readonly Actor Privacyfunctionaris = Riec("p.privacy", Rol.Privacyfunctionaris);
    public static readonly Actor LandelijkeAuditor =
        new("l.visser", new Organisatie("liec", "LIEC", PartnerType.Liec), new HashSet<RiecRegio>(), true, new HashSet<Rol> { Rol.Auditor });
    public static readonly Actor Liec =
        new("l.smit", new Organisatie("liec", "LIEC", PartnerType.Liec), new HashSet<RiecRegio>(), true, new HashSet<Rol> { Rol.Liec });
    /// <summary>Staff of the LIEC's Landelijk Loket Bestuurlijke Signalen.</summary>
    public static readonly Actor LiecLoket =
        new("l.loket", new Organisatie("liec", "LIEC", PartnerType.Liec), new HashSet<RiecRegio>(), true, new HashSet<Rol> { Rol.LiecLoket });
    public static readonly Actor CoordinatorLimburg = Coordinator(RiecRegio.Limburg);
    /// <summary>Operates the system for the LIEC: rebuilds the read models, imports a region's former registration.</summary>
    public static readonly Actor Beheerder =
        new("j.beheer", new Organisatie("liec", "LIEC", PartnerType.Liec), new HashSet<RiecRegio>(), true, new HashSet<Rol> { Rol.Beheerder });
    public static readonly Actor AuditorLimburg =
        new("o.peeters", new Organisatie("riec-limburg", "RIEC Limburg", PartnerType.Riec), new HashSet<RiecRegio> { RiecRegio.Limburg }, false,
            new HashSet<Rol> { Rol.Auditor });

    public static readonly Actor Tilburg = Medewerker("m.tilburg", Examples.TilburgId, "Gemeente Tilburg", PartnerType.Gemeente);
    public static readonly Actor Belastingdienst = Medewerker("m.belasting", Examples.BelastingdienstId, "Belastingdienst", PartnerType.Belastingdienst);
    public static readonly Actor Politie = Medewerker("m.politie", Examples.PolitieId, "Politie eenheid Zeeland-West-Brabant", PartnerType.Politie);
    /// <summary>Staff of an organisation that has nothing to do with the example casus.</summary>
    public static readonly Actor Maastricht = Medewerker("m.maastricht", "00000001002220647000", "Gemeente Maastricht", PartnerType.Gemeente);

    private static Actor Riec(string gebruiker, Rol rol) =>
        new(gebruiker, RiecZwb, new HashSet<RiecRegio> { RiecRegio.TaskforceBrabantZeeland }, false, new HashSet<Rol> { rol });

    private static Actor Medewerker(string gebruiker, string id, string naam, PartnerType type) =>
        new(gebruiker, new Organisatie(id, naam, type), new HashSet<RiecRegio>(), false, new HashSet<Rol> { Rol.PartnerMedewerker });
}
