using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Domain.Tests.Toegang;

/// <summary>Bringing in a signaal (no casus yet): partner staff for their own organisation; a RIEC coordinator of the
/// signaal's region for the coordinator's own organisation; nobody else.</summary>
public sealed class SignaalIndienenTests
{
    private static SignaalIndienen Signaal(RiecRegio regio, Organisatie indiener) =>
        Voorbeeld.SignaalIndienen() with { Regio = regio, Indiener = indiener };

    public static TheoryData<Rol, Positie, RiecRegio, bool> ElkeRolPositieRegioEnIndiener()
    {
        var data = new TheoryData<Rol, Positie, RiecRegio, bool>();
        foreach (var (rol, positie) in Personas.Alle())
        foreach (var regio in new[] { Personas.CasusRegio, Personas.AndereRegio })
        foreach (var eigen in new[] { true, false })
            data.Add(rol, positie, regio, eigen);
        return data;
    }

    [Theory]
    [MemberData(nameof(ElkeRolPositieRegioEnIndiener))]
    public void Each_role_and_position_gets_the_outcome_of_the_access_rules(Rol rol, Positie positie, RiecRegio regio, bool eigenOrganisatie)
    {
        var indiener = eigenOrganisatie ? Personas.OrganisatieVan(positie) : Personas.AndereOrganisatieDan(positie);

        var besluit = Toegangsregels.Uitvoeren(Personas.Actor(positie, rol), null, Signaal(regio, indiener));

        Spec.SignaalIndienen(rol, positie, regio, eigenOrganisatie).Klopt(besluit, $"{rol} {positie}: signaal in {regio} for {indiener.Id}");
        Assert.NotEqual(Toegangsuitkomst.Verborgen, besluit.Uitkomst);
    }

    [Fact]
    public void Staff_of_a_municipality_bring_in_a_signaal_for_their_municipality()
    {
        var tilburg = Personas.Actor(Positie.Indiener, Rol.PartnerMedewerker);

        Assert.Equal(Toegangsbesluit.Toegestaan, Toegangsregels.Uitvoeren(tilburg, null, Voorbeeld.SignaalIndienen()));

        var namensPolitie = Toegangsregels.Uitvoeren(tilburg, null, Signaal(Personas.CasusRegio, Organisaties.Politie));
        Assert.Equal((Toegangsuitkomst.Verboden, ToegangsCodes.AndereOrganisatie), (namensPolitie.Uitkomst, namensPolitie.Code));
    }

    [Fact]
    public void A_coordinator_brings_in_a_signaal_for_the_riec_in_their_own_region_only()
    {
        var coordinator = Personas.Actor(Positie.VanDeRegio, Rol.RiecCoordinator);
        var ondermijningsbeeld = Signaal(Personas.CasusRegio, Personas.RiecBrabantZeeland) with { UitOndermijningsbeeld = true };

        Verwachting.Toegestaan.Klopt(Toegangsregels.Uitvoeren(coordinator, null, ondermijningsbeeld));
        Verwachting.AndereOrganisatie.Klopt(Toegangsregels.Uitvoeren(coordinator, null, Signaal(Personas.CasusRegio, Organisaties.Tilburg)));
        Verwachting.RolOntbreekt.Klopt(
            Toegangsregels.Uitvoeren(coordinator, null, ondermijningsbeeld with { Regio = Personas.AndereRegio }));
    }

    [Theory]
    [InlineData(Rol.RiecAnalist, Positie.VanDeRegio)]
    [InlineData(Rol.Auditor, Positie.VanDeRegio)]
    [InlineData(Rol.Auditor, Positie.Landelijk)]
    [InlineData(Rol.Liec, Positie.Landelijk)]
    [InlineData(Rol.RiecCoordinator, Positie.AndereRegio)]
    public void Other_roles_may_not_bring_in_a_signaal_even_for_their_own_organisation(Rol rol, Positie positie)
    {
        var besluit = Toegangsregels.Uitvoeren(
            Personas.Actor(positie, rol), null, Signaal(Personas.CasusRegio, Personas.OrganisatieVan(positie)));

        Assert.Equal(Toegangsuitkomst.Verboden, besluit.Uitkomst);
        Assert.Equal(ToegangsCodes.RolOntbreekt, besluit.Code);
    }
}
