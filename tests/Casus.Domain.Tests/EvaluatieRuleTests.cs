using Casus.Domain.Casussen;

namespace Casus.Domain.Tests;

/// <summary>Closing, and stepping back from evalueren, need this round's evaluation (casus.evaluatie-ontbreekt).</summary>
public sealed class EvaluatieRuleTests
{
    private static IntegraleCasus ZonderEvaluatie() => Geschiedenis.Casus(Geschiedenis.UitvoeringAfgerond());

    [Fact]
    public void Afsluiten_without_an_evaluation_is_refused()
    {
        var casus = ZonderEvaluatie();
        Assert.Equal(Stap.Evalueren, casus.Stap);

        Uitkomst.Geweigerd(casus, Voorbeeld.Afsluiten(), Regels.EvaluatieOntbreekt);
    }

    [Theory]
    [InlineData(Stap.Uitvoeren)]
    [InlineData(Stap.InformatieDelenEnAnalyseren)]
    public void Terugstappen_from_evalueren_without_an_evaluation_is_refused(Stap naar)
    {
        Uitkomst.Geweigerd(ZonderEvaluatie(), Voorbeeld.Terug(naar), Regels.EvaluatieOntbreekt);
    }

    [Fact]
    public void Terugstappen_from_uitvoeren_needs_no_evaluation()
    {
        var casus = Geschiedenis.CasusIn(Stap.Uitvoeren);
        Assert.Empty(casus.Evaluaties);

        var na = Uitkomst.Na(casus, Voorbeeld.Terug(Stap.InformatieDelenEnAnalyseren));

        Assert.Equal(Stap.InformatieDelenEnAnalyseren, na.Stap);
    }

    [Fact]
    public void After_the_evaluation_afsluiten_is_accepted()
    {
        var casus = Uitkomst.Na(ZonderEvaluatie(), new EvaluatieVastleggen("Pand gesloten.", "Eerder fiscaal kijken."), Voorbeeld.Afsluiten());

        Assert.Equal(Stap.Afgesloten, casus.Stap);
        Assert.Equal(new EvaluatieVastgelegd("Pand gesloten.", "Eerder fiscaal kijken."), Assert.Single(casus.Evaluaties));
    }

    [Fact]
    public void An_evaluation_of_an_earlier_round_does_not_count_after_going_back_to_uitvoeren()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.CasusIn(Stap.Evalueren), Voorbeeld.Terug(Stap.Uitvoeren), new UitvoeringAfronden("Nieuwe ronde afgerond."));

        Assert.Equal(Stap.Evalueren, casus.Stap);
        Assert.Single(casus.Evaluaties);
        Assert.False(casus.EvaluatieInDezeRonde);
        Uitkomst.Geweigerd(casus, Voorbeeld.Afsluiten(), Regels.EvaluatieOntbreekt);
        Uitkomst.Geweigerd(casus, Voorbeeld.Terug(Stap.Uitvoeren), Regels.EvaluatieOntbreekt);

        var na = Uitkomst.Na(casus, new EvaluatieVastleggen("Ook tweede pand gesloten.", "Geen."), Voorbeeld.Afsluiten());
        Assert.Equal(Stap.Afgesloten, na.Stap);
        Assert.Equal(2, na.Evaluaties.Count);
    }

    [Fact]
    public void An_evaluation_of_an_earlier_round_does_not_count_after_going_back_to_informatie_delen()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.CasusIn(Stap.Evalueren), Voorbeeld.Terug(Stap.InformatieDelenEnAnalyseren), Voorbeeld.AdviesOp(Voorbeeld.Dag(30)),
            new UitvoeringAfronden(null));

        Assert.Equal(Stap.Evalueren, casus.Stap);
        Uitkomst.Geweigerd(casus, Voorbeeld.Afsluiten(), Regels.EvaluatieOntbreekt);
    }

    [Fact]
    public void The_table_is_checked_before_the_evaluation_so_an_illegal_target_is_reported_as_such()
    {
        Uitkomst.Geweigerd(ZonderEvaluatie(), Voorbeeld.Terug(Stap.Verkennen), Regels.TerugstapOngeldig);
    }
}
