using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Domain.Tests.Toegang;

/// <summary>Who may read the overviews (partner dashboard, RIEC overview, jaarcijfers) and rebuild them: every role in every
/// position, against expectations written out here.</summary>
public sealed class OverzichtToegangTests
{
    public static TheoryData<Rol, Positie> Iedereen()
    {
        var data = new TheoryData<Rol, Positie>();
        foreach (var (rol, positie) in Personas.Alle()) data.Add(rol, positie);
        return data;
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Partner_dashboard_is_for_the_organisations_own_staff_and_auditors(Rol rol, Positie positie)
    {
        var actor = Personas.Actor(positie, rol);
        var eigen = Personas.OrganisatieVan(positie).Id;
        var ander = Organisaties.Belastingdienst.Id == eigen ? Organisaties.Tilburg.Id : Organisaties.Belastingdienst.Id;
        var verwachtEigen = rol is Rol.PartnerMedewerker or Rol.Auditor ? Verwachting.Toegestaan : Verwachting.AndereOrganisatie;
        var verwachtAnder = rol is Rol.Auditor ? Verwachting.Toegestaan : Verwachting.AndereOrganisatie;

        verwachtEigen.Klopt(Toegangsregels.PartnerDashboardLezen(actor, eigen), $"{rol}/{positie} own");
        verwachtAnder.Klopt(Toegangsregels.PartnerDashboardLezen(actor, ander), $"{rol}/{positie} other");
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Riec_overview_is_for_riec_staff_and_auditors_of_the_region(Rol rol, Positie positie)
    {
        foreach (var regio in Enum.GetValues<RiecRegio>())
        {
            var magHet = rol is Rol.RiecCoordinator or Rol.RiecAnalist or Rol.Auditor && Personas.WerktIn(positie, regio);
            (magHet ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
                .Klopt(Toegangsregels.RegioOverzichtLezen(Personas.Actor(positie, rol), regio), $"{rol}/{positie}/{regio}");
        }
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Jaarcijfers_are_for_the_liec_and_riec_coordinators(Rol rol, Positie positie)
    {
        (rol is Rol.Liec or Rol.RiecCoordinator ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
            .Klopt(Toegangsregels.JaarcijfersLezen(Personas.Actor(positie, rol)), $"{rol}/{positie}");
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Only_administrators_rebuild_the_projections(Rol rol, Positie positie)
    {
        (rol is Rol.Beheerder ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
            .Klopt(Toegangsregels.ProjectiesHerbouwen(Personas.Actor(positie, rol)), $"{rol}/{positie}");
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Only_administrators_import_existing_casussen(Rol rol, Positie positie)
    {
        (rol is Rol.Beheerder ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
            .Klopt(Toegangsregels.Importeren(Personas.Actor(positie, rol)), $"{rol}/{positie}");
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void The_regions_coordinators_register_its_ondermijningsbeelden_and_its_riec_staff_and_auditors_read_them(Rol rol, Positie positie)
    {
        foreach (var regio in Enum.GetValues<RiecRegio>())
        {
            var actor = Personas.Actor(positie, rol);
            (rol is Rol.RiecCoordinator && Personas.WerktIn(positie, regio) ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
                .Klopt(Toegangsregels.OndermijningsbeeldRegistreren(actor, regio), $"{rol}/{positie}/{regio} register");
            (rol is Rol.RiecCoordinator or Rol.RiecAnalist or Rol.Auditor && Personas.WerktIn(positie, regio) ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
                .Klopt(Toegangsregels.OndermijningsbeeldenLezen(actor, regio), $"{rol}/{positie}/{regio} read");
        }
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Only_an_organisations_own_integration_administrators_manage_its_subscriptions(Rol rol, Positie positie)
    {
        var actor = Personas.Actor(positie, rol);
        var eigen = Personas.OrganisatieVan(positie).Id;
        (rol is Rol.Integratiebeheerder ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
            .Klopt(Toegangsregels.AbonnementenBeheren(actor, eigen), $"{rol}/{positie} own");
        (rol is Rol.Integratiebeheerder ? Verwachting.AndereOrganisatie : Verwachting.RolOntbreekt)
            .Klopt(Toegangsregels.AbonnementenBeheren(actor, eigen + "-ander"), $"{rol}/{positie} other");
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Privacy_officers_of_the_region_approve_destruction_lists_and_they_and_auditors_read_them(Rol rol, Positie positie)
    {
        var actor = Personas.Actor(positie, rol);
        var inRegio = Personas.WerktIn(positie, Personas.CasusRegio);
        (rol is Rol.Privacyfunctionaris && inRegio ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
            .Klopt(Toegangsregels.VernietigingslijstGoedkeuren(actor, Personas.CasusRegio), $"{rol}/{positie} approve");
        (rol is Rol.Privacyfunctionaris or Rol.Auditor && inRegio ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
            .Klopt(Toegangsregels.VernietigingslijstLezen(actor, Personas.CasusRegio), $"{rol}/{positie} read");
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Privacy_officers_handle_erasure_requests_and_they_and_auditors_read_them_and_the_art_15_log(Rol rol, Positie positie)
    {
        var actor = Personas.Actor(positie, rol);
        (rol is Rol.Privacyfunctionaris ? Verwachting.Toegestaan : Verwachting.RolOntbreekt).Klopt(Toegangsregels.Wissen(actor), $"{rol}/{positie}");
        (rol is Rol.Privacyfunctionaris or Rol.Auditor ? Verwachting.Toegestaan : Verwachting.RolOntbreekt)
            .Klopt(Toegangsregels.WisverzoekenLezen(actor), $"{rol}/{positie}");
        Assert.Equal(rol is Rol.Privacyfunctionaris or Rol.Auditor, Toegangsregels.MagVerwerkingenZoeken(actor));
    }

    [Theory, MemberData(nameof(Iedereen))]
    public void Only_the_coordinator_of_the_region_rectifies_a_subject_and_the_others_who_cannot_read_the_casus_do_not_learn_it_exists(
        Rol rol, Positie positie)
    {
        var casus = Geschiedenis.CasusIn(Stap.Afgesloten);
        var verwacht = !Spec.Leest(rol, positie, Stap.Afgesloten) ? Verwachting.Verborgen
            : rol is Rol.RiecCoordinator ? Verwachting.Toegestaan
            : Verwachting.RolOntbreekt;
        verwacht.Klopt(Toegangsregels.Rectificeren(Personas.Actor(positie, rol), casus), $"{rol}/{positie}");
    }
}
