using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Domain.Tests.Toegang;

/// <summary><see cref="Toegangsregels.Uitvoeren"/> for every role and position and every command the transition table allows
/// on an existing casus, in each step it is allowed (a valid command each time): a casus the user cannot read is
/// <see cref="Toegangsuitkomst.Verborgen"/> before any role check; otherwise the role decides.</summary>
public sealed class UitvoerenTests
{
    public static TheoryData<Rol, Positie, Stap, CommandoSoort, Positie?> ElkeRolPositieEnCommando()
    {
        var data = new TheoryData<Rol, Positie, Stap, CommandoSoort, Positie?>();
        foreach (var (rol, positie) in Personas.Alle())
        foreach (var (stap, soort, voor) in Spec.CommandosOpEenCasus())
            data.Add(rol, positie, stap, soort, voor);
        return data;
    }

    [Theory]
    [MemberData(nameof(ElkeRolPositieEnCommando))]
    public void Each_role_and_position_gets_the_outcome_of_the_access_rules(
        Rol rol, Positie positie, Stap stap, CommandoSoort soort, Positie? voor)
    {
        var organisatie = Spec.OrganisatieVoor(voor);
        var commando = Spec.Commando(soort, stap, organisatie);

        var besluit = Toegangsregels.Uitvoeren(Personas.Actor(positie, rol), Geschiedenis.CasusIn(stap), commando);

        Spec.Uitvoeren(rol, positie, stap, soort, organisatie).Klopt(besluit, $"{rol} {positie}: {soort} for {voor} in {stap}");
    }

    [Fact]
    public void Every_command_on_a_casus_and_every_role_is_in_the_matrix()
    {
        var matrix = Spec.CommandosOpEenCasus().ToList();

        Assert.Equal(
            Enum.GetValues<CommandoSoort>().Where(s => s != CommandoSoort.SignaalIndienen).Order(),
            matrix.Select(c => c.Soort).Distinct().Order());
        Assert.Equal(Personas.Alle().Count() * matrix.Count, ElkeRolPositieEnCommando().Count());
        Assert.Equal(Enum.GetValues<Rol>().Length * Enum.GetValues<Positie>().Length, Personas.Alle().Count());
    }

    [Fact]
    public void Every_command_in_the_matrix_is_valid_for_its_casus()
    {
        foreach (var (stap, soort, voor) in Spec.CommandosOpEenCasus())
        {
            var commando = Spec.Commando(soort, stap, Spec.OrganisatieVoor(voor));
            Assert.Equal(soort, commando.Soort);
            Uitkomst.Aanvaard(Geschiedenis.CasusIn(stap), commando);
        }
    }

    public static TheoryData<CommandoSoort> CommandosVanDeCoordinator() => new(
        Enum.GetValues<CommandoSoort>().Except([CommandoSoort.SignaalIndienen, CommandoSoort.InformatieDelen, CommandoSoort.InterventieRegistreren]));

    [Theory]
    [MemberData(nameof(CommandosVanDeCoordinator))]
    public void The_coordinator_of_the_region_gives_every_command_except_sharing_and_registering(CommandoSoort soort)
    {
        var stap = Stappen.Tabel.First(o => o.Commando == soort && o.Van is not null).Van!.Value;

        var besluit = Toegangsregels.Uitvoeren(
            Personas.Actor(Positie.VanDeRegio, Rol.RiecCoordinator), Geschiedenis.CasusIn(stap), Voorbeeld.GeldigCommando(soort, stap));

        Assert.Equal(Toegangsbesluit.Toegestaan, besluit);
    }

    [Theory]
    [InlineData(Positie.VanDeRegio)]
    [InlineData(Positie.Landelijk)]
    public void A_coordinator_cannot_share_information_or_register_an_intervention_for_a_partner(Positie positie)
    {
        var coordinator = Personas.Actor(positie, Rol.RiecCoordinator);

        var delen = Toegangsregels.Uitvoeren(
            coordinator, Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Bijdrage(Organisaties.Tilburg));
        var registreren = Toegangsregels.Uitvoeren(
            coordinator, Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Politie, Instrument.Strafrechtelijk, 2));

        Assert.Equal((Toegangsuitkomst.Verboden, ToegangsCodes.RolOntbreekt), (delen.Uitkomst, delen.Code));
        Assert.Equal((Toegangsuitkomst.Verboden, ToegangsCodes.RolOntbreekt), (registreren.Uitkomst, registreren.Code));
    }

    [Theory]
    [InlineData(CommandoSoort.InformatieVerzoeken, Toegangsuitkomst.Toegestaan)]
    [InlineData(CommandoSoort.AnalyseVastleggen, Toegangsuitkomst.Toegestaan)]
    [InlineData(CommandoSoort.InterventieadviesUitbrengen, Toegangsuitkomst.Toegestaan)]
    [InlineData(CommandoSoort.PartnerAansluiten, Toegangsuitkomst.Verboden)]
    [InlineData(CommandoSoort.SubjectToevoegen, Toegangsuitkomst.Verboden)]
    [InlineData(CommandoSoort.InformatieDelen, Toegangsuitkomst.Verboden)]
    public void The_analyst_of_the_region_requests_analyses_and_advises_only(CommandoSoort soort, Toegangsuitkomst uitkomst)
    {
        var besluit = Toegangsregels.Uitvoeren(
            Personas.Actor(Positie.VanDeRegio, Rol.RiecAnalist), Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren),
            Voorbeeld.GeldigCommando(soort, Stap.InformatieDelenEnAnalyseren));

        Assert.Equal(uitkomst, besluit.Uitkomst);
        if (uitkomst == Toegangsuitkomst.Verboden) Assert.Equal(ToegangsCodes.RolOntbreekt, besluit.Code);
    }

    [Fact]
    public void Partner_staff_share_and_register_for_their_own_organisation_only()
    {
        var politie = Personas.Actor(Positie.AangeslotenPartner, Rol.PartnerMedewerker);
        var analyse = Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren);
        var uitvoeren = Geschiedenis.CasusIn(Stap.Uitvoeren);

        Verwachting.Toegestaan.Klopt(Toegangsregels.Uitvoeren(politie, analyse, Voorbeeld.Bijdrage(Organisaties.Politie)));
        Verwachting.Toegestaan.Klopt(Toegangsregels.Uitvoeren(
            politie, uitvoeren, Voorbeeld.Interventie(Organisaties.Politie, Instrument.Strafrechtelijk, 2)));

        var andere = Toegangsregels.Uitvoeren(politie, analyse, Voorbeeld.Bijdrage(Organisaties.Tilburg));
        Verwachting.AndereOrganisatie.Klopt(andere);
        Assert.Contains(Organisaties.Politie.Id, andere.Reden);
        Assert.Contains(Organisaties.Tilburg.Id, andere.Reden);
        Verwachting.AndereOrganisatie.Klopt(Toegangsregels.Uitvoeren(
            politie, uitvoeren, Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bestuurlijk, 1)));

        Verwachting.RolOntbreekt.Klopt(Toegangsregels.Uitvoeren(politie, analyse, Voorbeeld.Verzoek(Organisaties.Tilburg)));
        Verwachting.RolOntbreekt.Klopt(Toegangsregels.Uitvoeren(politie, uitvoeren, new UitvoeringAfronden(null)));
    }

    [Theory]
    [InlineData(Positie.VanDeRegio)]
    [InlineData(Positie.Landelijk)]
    public void An_auditor_who_can_read_may_do_nothing(Positie positie)
    {
        var auditor = Personas.Actor(positie, Rol.Auditor);

        foreach (var (stap, soort, voor) in Spec.CommandosOpEenCasus())
        {
            var besluit = Toegangsregels.Uitvoeren(auditor, Geschiedenis.CasusIn(stap), Spec.Commando(soort, stap, Spec.OrganisatieVoor(voor)));
            Verwachting.RolOntbreekt.Klopt(besluit, $"{soort} in {stap}");
        }
    }

    [Theory]
    [InlineData(Rol.Liec, Positie.Landelijk)]
    [InlineData(Rol.Liec, Positie.VanDeRegio)]
    [InlineData(Rol.Auditor, Positie.AndereRegio)]
    [InlineData(Rol.RiecCoordinator, Positie.AndereRegio)]
    [InlineData(Rol.PartnerMedewerker, Positie.NietBetrokken)]
    public void A_casus_the_user_cannot_read_is_hidden_for_every_command(Rol rol, Positie positie)
    {
        var actor = Personas.Actor(positie, rol);

        foreach (var (stap, soort, voor) in Spec.CommandosOpEenCasus())
        {
            var besluit = Toegangsregels.Uitvoeren(actor, Geschiedenis.CasusIn(stap), Spec.Commando(soort, stap, Spec.OrganisatieVoor(voor)));
            Verwachting.Verborgen.Klopt(besluit, $"{soort} in {stap}");
        }
    }

    [Fact]
    public void An_unlinked_partner_sharing_for_its_own_organisation_is_hidden_not_refused()
    {
        var belastingdienst = Personas.Actor(Positie.NietBetrokken, Rol.PartnerMedewerker);
        var casus = Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren);

        Verwachting.Verborgen.Klopt(Toegangsregels.Uitvoeren(belastingdienst, casus, Voorbeeld.Bijdrage(Organisaties.Belastingdienst)));

        var aangesloten = IntegraleCasus.Evolve(casus, new PartnerAangesloten(Organisaties.Belastingdienst));

        Verwachting.Toegestaan.Klopt(Toegangsregels.Uitvoeren(belastingdienst, aangesloten, Voorbeeld.Bijdrage(Organisaties.Belastingdienst)));
        Verwachting.AndereOrganisatie.Klopt(Toegangsregels.Uitvoeren(belastingdienst, aangesloten, Voorbeeld.Bijdrage(Organisaties.Tilburg)));
    }

    [Fact]
    public void A_command_other_than_SignaalIndienen_needs_a_casus()
    {
        Assert.Throws<ArgumentNullException>(() => Toegangsregels.Uitvoeren(
            Personas.Actor(Positie.VanDeRegio, Rol.RiecCoordinator), null, new VerkenningStarten("J. de Vries")));
    }
}
