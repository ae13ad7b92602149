using Casus.Domain.Casussen;

namespace Casus.Domain.Tests;

/// <summary>The outcome of verkennen: opnemen (the partners join) or niet opnemen (the casus is closed).</summary>
public sealed class VerkenningBesluitenTests
{
    [Fact]
    public void Opnemen_moves_the_casus_to_informatie_delen_en_analyseren_with_the_partners_joined()
    {
        var casus = Geschiedenis.CasusIn(Stap.Verkennen);

        var gebeurtenis = Assert.Single(Uitkomst.Aanvaard(casus, Voorbeeld.Opnemen()));
        var na = IntegraleCasus.Evolve(casus, gebeurtenis);

        var opgenomen = Assert.IsType<CasusOpgenomen>(gebeurtenis);
        Assert.Equal([Organisaties.Tilburg, Organisaties.Politie], opgenomen.Partners);
        Assert.Equal(Stap.InformatieDelenEnAnalyseren, na.Stap);
        Assert.Equal([Organisaties.Tilburg, Organisaties.Politie], na.Partners.Select(p => p.Organisatie));
        Assert.True(na.IsPartner(Organisaties.Politie.Id));
        Assert.False(na.IsPartner(Organisaties.Belastingdienst.Id));
        Assert.Equal("Bestuurlijke en strafrechtelijke interventies denkbaar.", na.Motivering);
        Assert.Equal(Voorbeeld.Dag(3), na.OpgenomenOp);
        Assert.Null(na.Afsluiting);
    }

    [Fact]
    public void Opnemen_joins_a_partner_named_twice_once()
    {
        var politieAnderGespeld = Organisaties.Politie with { Naam = "Politie ZWB" };
        var casus = Geschiedenis.CasusIn(Stap.Verkennen);

        var na = Uitkomst.Na(casus, Voorbeeld.Opnemen(null, Organisaties.Tilburg, Organisaties.Politie, politieAnderGespeld));

        Assert.Equal([Organisaties.Tilburg.Id, Organisaties.Politie.Id], na.Partners.Select(p => p.Organisatie.Id));
    }

    [Fact]
    public void Niet_opnemen_closes_the_casus_as_not_taken_up()
    {
        var casus = Geschiedenis.CasusIn(Stap.Verkennen);

        var gebeurtenis = Assert.Single(Uitkomst.Aanvaard(casus, Voorbeeld.NietOpnemen(Voorbeeld.Dag(5))));
        var na = IntegraleCasus.Evolve(casus, gebeurtenis);

        Assert.Equal(new CasusNietOpgenomen("Geen aanwijzingen voor ondermijning.", Voorbeeld.Dag(5)), gebeurtenis);
        Assert.Equal(Stap.Afgesloten, na.Stap);
        Assert.Equal(new Afsluitgegevens("Geen aanwijzingen voor ondermijning.", Voorbeeld.Dag(5), NietOpgenomen: true), na.Afsluiting);
        Assert.Empty(na.Partners);
        Assert.Null(na.OpgenomenOp);
    }

    [Fact]
    public void Niet_opnemen_ignores_partners_given_with_it()
    {
        var besluit = Voorbeeld.NietOpnemen() with { Partners = [Organisaties.Tilburg] };

        var na = Uitkomst.Na(Geschiedenis.CasusIn(Stap.Verkennen), besluit);

        Assert.Equal(Stap.Afgesloten, na.Stap);
        Assert.Empty(na.Partners);
    }

    [Fact]
    public void Subjects_added_during_verkennen_stay_after_opnemen()
    {
        var casus = Uitkomst.Na(Geschiedenis.CasusIn(Stap.Verkennen), new SubjectToevoegen(Voorbeeld.Huurder), Voorbeeld.Opnemen());

        Assert.Equal([new SubjectToegevoegd(1, Voorbeeld.Huurder)], casus.Subjecten);
        Assert.Equal(Stap.InformatieDelenEnAnalyseren, casus.Stap);
    }
}
