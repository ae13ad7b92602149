using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Domain.Tests.Toegang;

/// <summary><see cref="Toegangsregels.ZichtbaarVoor"/> (the list filter), and who may read the audit and processing logs.</summary>
public sealed class ZichtbaarheidTests
{
    public static TheoryData<Rol, Positie> ElkeRolEnPositie()
    {
        var data = new TheoryData<Rol, Positie>();
        foreach (var (rol, positie) in Personas.Alle()) data.Add(rol, positie);
        return data;
    }

    [Theory]
    [MemberData(nameof(ElkeRolEnPositie))]
    public void The_list_filter_follows_the_role(Rol rol, Positie positie)
    {
        var zichtbaar = Toegangsregels.ZichtbaarVoor(Personas.Actor(positie, rol));

        switch (rol)
        {
            case Rol.PartnerMedewerker:
                Assert.False(zichtbaar.AlleRegios);
                Assert.Empty(zichtbaar.Regios);
                Assert.Equal(Personas.OrganisatieVan(positie).Id, zichtbaar.OrganisatieId);
                Assert.False(zichtbaar.Niets);
                break;
            case Rol.RiecCoordinator or Rol.RiecAnalist or Rol.Auditor:
                Assert.Equal(Personas.IsLandelijk(positie), zichtbaar.AlleRegios);
                Assert.Equal(Personas.RegiosVan(positie).Order(), zichtbaar.Regios.Order());
                Assert.Null(zichtbaar.OrganisatieId);
                Assert.False(zichtbaar.Niets);
                break;
            case Rol.Liec or Rol.LiecLoket or Rol.Beheerder or Rol.Integratiebeheerder or Rol.Privacyfunctionaris:
                Assert.False(zichtbaar.AlleRegios);
                Assert.Empty(zichtbaar.Regios);
                Assert.Null(zichtbaar.OrganisatieId);
                Assert.True(zichtbaar.Niets);
                break;
            default:
                Assert.Fail($"Write down which casussen a user with the new role {rol} finds in lists.");
                break;
        }
    }

    [Fact]
    public void Concrete_filters()
    {
        var coordinator = Toegangsregels.ZichtbaarVoor(Personas.Actor(Positie.VanDeRegio, Rol.RiecCoordinator));
        Assert.Equal(new Toegangsregels.Zichtbaarheid(false, coordinator.Regios, null), coordinator);
        Assert.Equal([RiecRegio.TaskforceBrabantZeeland], coordinator.Regios);

        var landelijk = Toegangsregels.ZichtbaarVoor(Personas.Actor(Positie.Landelijk, Rol.Auditor));
        Assert.True(landelijk.AlleRegios);
        Assert.Null(landelijk.OrganisatieId);

        var tilburg = Toegangsregels.ZichtbaarVoor(Personas.Actor(Positie.Indiener, Rol.PartnerMedewerker));
        Assert.Equal("00000001001172773000", tilburg.OrganisatieId);
        Assert.Empty(tilburg.Regios);

        Assert.True(Toegangsregels.ZichtbaarVoor(Personas.Actor(Positie.Landelijk, Rol.Liec)).Niets);
        Assert.True(Toegangsregels.ZichtbaarVoor(Personas.Actor(Positie.VanDeRegio)).Niets);
    }

    [Fact]
    public void Two_roles_combine_regions_and_organisation()
    {
        var zichtbaar = Toegangsregels.ZichtbaarVoor(Personas.Actor(Positie.AangeslotenPartner, Rol.PartnerMedewerker, Rol.RiecAnalist));

        Assert.False(zichtbaar.AlleRegios);
        Assert.Equal([Personas.CasusRegio], zichtbaar.Regios);
        Assert.Equal(Organisaties.Politie.Id, zichtbaar.OrganisatieId);
    }

    public static TheoryData<Rol, Positie, Stap, RiecRegio> ElkeRolPositieStapEnRegio() => LezenTests.ElkeRolPositieStapEnRegio();

    /// <summary>The list shows exactly the casussen the user may open: no casus found in a list gives 404, none hidden from it opens.</summary>
    [Theory]
    [MemberData(nameof(ElkeRolPositieStapEnRegio))]
    public void The_list_filter_matches_reading(Rol rol, Positie positie, Stap stap, RiecRegio casusRegio)
    {
        var actor = Personas.Actor(positie, rol);
        var casus = Personas.CasusIn(stap, casusRegio);
        var zichtbaar = Toegangsregels.ZichtbaarVoor(actor);

        var inLijst = zichtbaar.AlleRegios || zichtbaar.Regios.Contains(casus.Regio)
            || (zichtbaar.OrganisatieId is { } id && (casus.Indiener.Id == id || casus.Partners.Any(p => p.Organisatie.Id == id)));

        Assert.Equal(inLijst, Toegangsregels.Lezen(actor, casus).IsToegestaan);
    }

    [Theory]
    [MemberData(nameof(ElkeRolEnPositie))]
    public void Only_auditors_of_the_region_or_national_auditors_read_the_logs(Rol rol, Positie positie)
    {
        var actor = Personas.Actor(positie, rol);

        foreach (var regio in Enum.GetValues<RiecRegio>())
            Assert.Equal(rol == Rol.Auditor && Personas.WerktIn(positie, regio), Toegangsregels.MagVerantwoordingLezen(actor, regio));
        Assert.Equal(rol == Rol.Auditor, Toegangsregels.IsAuditor(actor));
    }

    [Fact]
    public void Concrete_log_readers()
    {
        var regionaal = Personas.Actor(Positie.VanDeRegio, Rol.Auditor);
        Assert.True(Toegangsregels.MagVerantwoordingLezen(regionaal, RiecRegio.TaskforceBrabantZeeland));
        Assert.False(Toegangsregels.MagVerantwoordingLezen(regionaal, RiecRegio.Limburg));
        Assert.True(Toegangsregels.IsAuditor(regionaal));

        var landelijk = Personas.Actor(Positie.Landelijk, Rol.Auditor);
        Assert.True(Toegangsregels.MagVerantwoordingLezen(landelijk, RiecRegio.CaribischNederland));

        var coordinator = Personas.Actor(Positie.VanDeRegio, Rol.RiecCoordinator);
        Assert.False(Toegangsregels.MagVerantwoordingLezen(coordinator, RiecRegio.TaskforceBrabantZeeland));
        Assert.False(Toegangsregels.IsAuditor(coordinator));

        var coordinatorEnAuditor = Personas.Actor(Positie.VanDeRegio, Rol.RiecCoordinator, Rol.Auditor);
        Assert.True(Toegangsregels.MagVerantwoordingLezen(coordinatorEnAuditor, RiecRegio.TaskforceBrabantZeeland));
        Assert.True(Toegangsregels.IsAuditor(coordinatorEnAuditor));
    }
}
