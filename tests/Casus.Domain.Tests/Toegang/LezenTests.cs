using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Domain.Tests.Toegang;

/// <summary><see cref="Toegangsregels.Lezen"/>: coordinators, analysts and auditors of the casus's region (or national), and
/// staff of the indiener or a joined partner; everyone else gets <see cref="Toegangsuitkomst.Verborgen"/>, never Verboden.</summary>
public sealed class LezenTests
{
    public static TheoryData<Rol, Positie, Stap, RiecRegio> ElkeRolPositieStapEnRegio()
    {
        var data = new TheoryData<Rol, Positie, Stap, RiecRegio>();
        foreach (var (rol, positie) in Personas.Alle())
        foreach (var stap in Enum.GetValues<Stap>())
        foreach (var regio in new[] { Personas.CasusRegio, Personas.AndereRegio })
            data.Add(rol, positie, stap, regio);
        return data;
    }

    [Theory]
    [MemberData(nameof(ElkeRolPositieStapEnRegio))]
    public void Reading_is_allowed_exactly_for_the_riec_side_of_the_region_and_the_involved_partners(
        Rol rol, Positie positie, Stap stap, RiecRegio casusRegio)
    {
        var casus = Personas.CasusIn(stap, casusRegio);

        var besluit = Toegangsregels.Lezen(Personas.Actor(positie, rol), casus);

        Spec.Lezen(rol, positie, stap, casusRegio).Klopt(besluit, $"{rol} {positie} in {stap}, casus in {casusRegio}");
        Assert.NotEqual(Toegangsuitkomst.Verboden, besluit.Uitkomst);
    }

    [Fact]
    public void The_generated_cases_cover_every_role_position_step_and_both_regions()
    {
        Assert.Equal(
            Enum.GetValues<Rol>().Length * Enum.GetValues<Positie>().Length * Enum.GetValues<Stap>().Length * 2,
            ElkeRolPositieStapEnRegio().Count());
    }

    [Fact]
    public void The_sample_histories_have_the_partners_the_positions_assume()
    {
        foreach (var stap in Enum.GetValues<Stap>())
        {
            var casus = Geschiedenis.CasusIn(stap);
            Assert.Equal(Organisaties.Tilburg, casus.Indiener);
            Assert.Equal(Personas.CasusRegio, casus.Regio);
            Assert.Equal(Spec.Betrokken(Positie.AangeslotenPartner, stap), casus.IsPartner(Organisaties.Politie.Id));
            Assert.False(casus.IsPartner(Organisaties.Belastingdienst.Id));
        }
    }

    public static TheoryData<Rol, Positie> LeesRechten() => new()
    {
        { Rol.RiecCoordinator, Positie.VanDeRegio },
        { Rol.RiecCoordinator, Positie.Landelijk },
        { Rol.RiecAnalist, Positie.VanDeRegio },
        { Rol.RiecAnalist, Positie.Landelijk },
        { Rol.Auditor, Positie.VanDeRegio },
        { Rol.Auditor, Positie.Landelijk },
        { Rol.PartnerMedewerker, Positie.Indiener },
        { Rol.PartnerMedewerker, Positie.AangeslotenPartner },
    };

    [Theory]
    [MemberData(nameof(LeesRechten))]
    public void These_users_read_a_casus_that_is_being_analysed(Rol rol, Positie positie)
    {
        var besluit = Toegangsregels.Lezen(Personas.Actor(positie, rol), Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren));

        Assert.Equal(Toegangsbesluit.Toegestaan, besluit);
    }

    [Theory]
    [InlineData(Rol.RiecCoordinator, Positie.AndereRegio)]
    [InlineData(Rol.RiecAnalist, Positie.AndereRegio)]
    [InlineData(Rol.Auditor, Positie.AndereRegio)]
    [InlineData(Rol.PartnerMedewerker, Positie.NietBetrokken)]
    [InlineData(Rol.PartnerMedewerker, Positie.NietBetrokkenLandelijk)]
    [InlineData(Rol.PartnerMedewerker, Positie.VanDeRegio)]
    [InlineData(Rol.Liec, Positie.VanDeRegio)]
    [InlineData(Rol.Liec, Positie.Landelijk)]
    [InlineData(Rol.Liec, Positie.Indiener)]
    public void These_users_do_not_learn_that_the_casus_exists(Rol rol, Positie positie)
    {
        var besluit = Toegangsregels.Lezen(Personas.Actor(positie, rol), Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren));

        Assert.Equal(Toegangsuitkomst.Verborgen, besluit.Uitkomst);
        Assert.Equal("toegang.niet-zichtbaar", besluit.Code);
        Assert.False(besluit.IsToegestaan);
    }

    [Theory]
    [InlineData(Rol.RiecCoordinator)]
    [InlineData(Rol.RiecAnalist)]
    [InlineData(Rol.Auditor)]
    [InlineData(Rol.Liec)]
    public void Working_for_the_indiener_gives_no_access_without_the_partner_role(Rol rol)
    {
        var medewerker = Personas.Actor(Positie.Indiener, rol) with { Regios = new HashSet<RiecRegio> { Personas.AndereRegio } };

        var besluit = Toegangsregels.Lezen(medewerker, Geschiedenis.CasusIn(Stap.Uitvoeren));

        Assert.Equal(Toegangsuitkomst.Verborgen, besluit.Uitkomst);
    }

    [Fact]
    public void A_partner_that_has_not_joined_cannot_read_until_PartnerAangesloten_is_applied()
    {
        var casus = Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren);
        var medewerker = Personas.Actor(Positie.NietBetrokken, Rol.PartnerMedewerker);
        Assert.Equal(Organisaties.Belastingdienst, medewerker.Organisatie);

        Verwachting.Verborgen.Klopt(Toegangsregels.Lezen(medewerker, casus));

        var aangesloten = IntegraleCasus.Evolve(casus, new PartnerAangesloten(Organisaties.Belastingdienst));

        Verwachting.Toegestaan.Klopt(Toegangsregels.Lezen(medewerker, aangesloten));
        Verwachting.Verborgen.Klopt(Toegangsregels.Lezen(medewerker, casus));
    }

    [Fact]
    public void A_partner_named_at_opnemen_reads_from_then_on()
    {
        var medewerker = Personas.Actor(Positie.AangeslotenPartner, Rol.PartnerMedewerker);
        var verkennen = Geschiedenis.CasusIn(Stap.Verkennen);

        Verwachting.Verborgen.Klopt(Toegangsregels.Lezen(medewerker, verkennen));

        var opgenomen = Uitkomst.Na(verkennen, Voorbeeld.Opnemen(null, Organisaties.Tilburg, Organisaties.Politie));

        Verwachting.Toegestaan.Klopt(Toegangsregels.Lezen(medewerker, opgenomen));
    }

    [Fact]
    public void The_indiener_keeps_reading_a_casus_that_was_not_taken_up()
    {
        var casus = Geschiedenis.Casus(Geschiedenis.NietOpgenomen());

        Verwachting.Toegestaan.Klopt(Toegangsregels.Lezen(Personas.Actor(Positie.Indiener, Rol.PartnerMedewerker), casus));
        Verwachting.Verborgen.Klopt(Toegangsregels.Lezen(Personas.Actor(Positie.AangeslotenPartner, Rol.PartnerMedewerker), casus));
    }

    [Fact]
    public void A_casus_in_another_region_is_read_by_that_regions_riec_and_not_by_ours()
    {
        var casus = Personas.CasusIn(Stap.Uitvoeren, Personas.AndereRegio);

        Verwachting.Toegestaan.Klopt(Toegangsregels.Lezen(Personas.Actor(Positie.AndereRegio, Rol.RiecAnalist), casus));
        Verwachting.Verborgen.Klopt(Toegangsregels.Lezen(Personas.Actor(Positie.VanDeRegio, Rol.RiecAnalist), casus));
        Verwachting.Toegestaan.Klopt(Toegangsregels.Lezen(Personas.Actor(Positie.Landelijk, Rol.Auditor), casus));
        Verwachting.Toegestaan.Klopt(Toegangsregels.Lezen(Personas.Actor(Positie.Indiener, Rol.PartnerMedewerker), casus));
    }

    [Fact]
    public void The_hidden_answer_does_not_reveal_the_casus()
    {
        var casus = Geschiedenis.CasusIn(Stap.Uitvoeren);

        var besluit = Toegangsregels.Lezen(Personas.Actor(Positie.AndereRegio, Rol.RiecCoordinator), casus);

        Assert.Equal(Toegangsuitkomst.Verborgen, besluit.Uitkomst);
        Assert.DoesNotContain(casus.Id.ToString(), besluit.Reden, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(casus.Omschrijving, besluit.Reden, StringComparison.Ordinal);
        Assert.DoesNotContain(Organisaties.Tilburg.Naam, besluit.Reden, StringComparison.Ordinal);
    }

    [Fact]
    public void The_access_codes_are_stable()
    {
        Assert.Equal("toegang.niet-zichtbaar", ToegangsCodes.NietZichtbaar);
        Assert.Equal("toegang.rol-ontbreekt", ToegangsCodes.RolOntbreekt);
        Assert.Equal("toegang.andere-organisatie", ToegangsCodes.AndereOrganisatie);
        Assert.Equal("toegang.toegestaan", Toegangsbesluit.Toegestaan.Code);
        Assert.Equal(Toegangsuitkomst.Verborgen, Toegangsbesluit.Verborgen("x").Uitkomst);
        Assert.Equal(ToegangsCodes.NietZichtbaar, Toegangsbesluit.Verborgen("x").Code);
    }
}
