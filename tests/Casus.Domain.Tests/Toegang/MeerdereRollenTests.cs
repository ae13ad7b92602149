using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Domain.Tests.Toegang;

/// <summary>A user holding several roles gets the union of what each role allows.</summary>
public sealed class MeerdereRollenTests
{
    [Fact]
    public void A_partner_employee_who_is_also_analyst_of_the_region_shares_for_their_organisation_and_analyses()
    {
        var beide = Personas.Actor(Positie.AangeslotenPartner, Rol.PartnerMedewerker, Rol.RiecAnalist);
        var alleenPartner = Personas.Actor(Positie.AangeslotenPartner, Rol.PartnerMedewerker);
        var alleenAnalist = Personas.Actor(Positie.AangeslotenPartner, Rol.RiecAnalist);
        var casus = Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren);
        var delen = Voorbeeld.Bijdrage(Organisaties.Politie);
        var analyse = new AnalyseVastleggen("Witwassen via vastgoed.");

        Verwachting.Toegestaan.Klopt(Toegangsregels.Uitvoeren(beide, casus, delen));
        Verwachting.Toegestaan.Klopt(Toegangsregels.Uitvoeren(beide, casus, analyse));
        Verwachting.Toegestaan.Klopt(Toegangsregels.Uitvoeren(beide, casus, Voorbeeld.Verzoek(Organisaties.Tilburg)));
        Verwachting.AndereOrganisatie.Klopt(Toegangsregels.Uitvoeren(beide, casus, Voorbeeld.Bijdrage(Organisaties.Tilburg)));
        Verwachting.RolOntbreekt.Klopt(Toegangsregels.Uitvoeren(beide, casus, new PartnerAansluiten(Organisaties.Belastingdienst)));

        Verwachting.RolOntbreekt.Klopt(Toegangsregels.Uitvoeren(alleenPartner, casus, analyse));
        Verwachting.RolOntbreekt.Klopt(Toegangsregels.Uitvoeren(alleenAnalist, casus, delen));
    }

    [Fact]
    public void A_partner_employee_who_is_analyst_of_another_region_only_has_the_partner_rights_here()
    {
        var tilburg = Personas.Actor(Positie.Indiener, Rol.PartnerMedewerker, Rol.RiecAnalist) with
        {
            Regios = new HashSet<RiecRegio> { Personas.AndereRegio },
        };
        var casus = Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren);

        Verwachting.Toegestaan.Klopt(Toegangsregels.Lezen(tilburg, casus));
        Verwachting.Toegestaan.Klopt(Toegangsregels.Uitvoeren(tilburg, casus, Voorbeeld.Bijdrage(Organisaties.Tilburg)));
        Verwachting.RolOntbreekt.Klopt(Toegangsregels.Uitvoeren(tilburg, casus, new AnalyseVastleggen("Witwassen via vastgoed.")));

        var belastingdienst = Personas.Actor(Positie.NietBetrokken, Rol.PartnerMedewerker, Rol.RiecAnalist) with
        {
            Regios = new HashSet<RiecRegio> { Personas.AndereRegio },
        };
        Verwachting.Verborgen.Klopt(Toegangsregels.Lezen(belastingdienst, casus));
        Verwachting.Verborgen.Klopt(Toegangsregels.Uitvoeren(belastingdienst, casus, new AnalyseVastleggen("Witwassen via vastgoed.")));
    }

    public static TheoryData<Rol, Rol, Positie> ElkPaarVanRollen()
    {
        var data = new TheoryData<Rol, Rol, Positie>();
        var rollen = Enum.GetValues<Rol>();
        foreach (var eerste in rollen)
        foreach (var tweede in rollen.Where(r => r > eerste))
        foreach (var positie in Enum.GetValues<Positie>())
            data.Add(eerste, tweede, positie);
        return data;
    }

    [Theory]
    [MemberData(nameof(ElkPaarVanRollen))]
    public void Two_roles_allow_what_either_role_allows_and_hide_only_what_both_hide(Rol eerste, Rol tweede, Positie positie)
    {
        var beide = Personas.Actor(positie, eerste, tweede);

        foreach (var stap in Enum.GetValues<Stap>())
        {
            var casus = Geschiedenis.CasusIn(stap);
            var lezen = Toegangsregels.Lezen(beide, casus);
            var leest = Spec.Leest(eerste, positie, stap) || Spec.Leest(tweede, positie, stap);
            (leest ? Verwachting.Toegestaan : Verwachting.Verborgen).Klopt(lezen, $"reading in {stap}");
        }

        foreach (var (stap, soort, voor) in Spec.CommandosOpEenCasus())
        {
            var organisatie = Spec.OrganisatieVoor(voor);
            var besluit = Toegangsregels.Uitvoeren(beide, Geschiedenis.CasusIn(stap), Spec.Commando(soort, stap, organisatie));
            var verwacht = new[] { eerste, tweede }.Select(r => Spec.Uitvoeren(r, positie, stap, soort, organisatie)).ToList();

            var wie = $"{soort} for {voor} in {stap}: {besluit.Uitkomst} ({besluit.Code})";
            Assert.True(besluit.IsToegestaan == verwacht.Contains(Verwachting.Toegestaan), wie);
            Assert.True(
                (besluit.Uitkomst == Toegangsuitkomst.Verborgen) == verwacht.All(v => v == Verwachting.Verborgen), wie);
        }

        foreach (var regio in new[] { Personas.CasusRegio, Personas.AndereRegio })
        foreach (var eigen in new[] { true, false })
        {
            var indiener = eigen ? Personas.OrganisatieVan(positie) : Personas.AndereOrganisatieDan(positie);
            var besluit = Toegangsregels.Uitvoeren(beide, null, Voorbeeld.SignaalIndienen() with { Regio = regio, Indiener = indiener });
            var verwacht = new[] { eerste, tweede }.Select(r => Spec.SignaalIndienen(r, positie, regio, eigen)).ToList();

            Assert.True(besluit.IsToegestaan == verwacht.Contains(Verwachting.Toegestaan), $"signaal in {regio} for {indiener.Id}");
        }
    }

    [Fact]
    public void Every_pair_of_roles_in_every_position_is_generated()
    {
        var rollen = Enum.GetValues<Rol>().Length;
        Assert.Equal(rollen * (rollen - 1) / 2 * Enum.GetValues<Positie>().Length, ElkPaarVanRollen().Count());
    }
}
