using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>A verkenningsbesluit, an interventieadvies, an intervention or the closing may not be dated before the signaal (casus.datum-voor-signaal);
/// the signaal date itself is allowed.</summary>
public sealed class DatumRuleTests
{
    private static readonly DateOnly DagVoorSignaal = Voorbeeld.Dag(-1);

    [Fact]
    public void Opnemen_dated_before_the_signaal_is_refused()
    {
        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.Verkennen), Voorbeeld.Opnemen(DagVoorSignaal), Regels.DatumVoorSignaal);

        Assert.Contains("2026-11-01", schending.Melding);
        Assert.Contains("2026-11-02", schending.Melding);
    }

    [Fact]
    public void Niet_opnemen_dated_before_the_signaal_is_refused()
    {
        Uitkomst.Geweigerd(Geschiedenis.CasusIn(Stap.Verkennen), Voorbeeld.NietOpnemen(DagVoorSignaal), Regels.DatumVoorSignaal);
    }

    [Fact]
    public void An_intervention_dated_before_the_signaal_is_refused()
    {
        Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bestuurlijk, 1, DagVoorSignaal),
            Regels.DatumVoorSignaal);
    }

    [Fact]
    public void An_advies_dated_before_the_signaal_is_refused()
    {
        var casus = Uitkomst.Na(Geschiedenis.Casus(Geschiedenis.Opgenomen()), new AnalyseVastleggen("Witwassen via vastgoed."));
        var advies = Voorbeeld.Advies() with { Datum = DagVoorSignaal };

        var schending = Uitkomst.Geweigerd(casus, advies, Regels.DatumVoorSignaal);

        Assert.Contains("adviesdatum 2026-11-01", schending.Melding);
    }

    [Fact]
    public void Afsluiten_dated_before_the_signaal_is_refused()
    {
        Uitkomst.Geweigerd(Geschiedenis.CasusIn(Stap.Evalueren), Voorbeeld.Afsluiten(DagVoorSignaal), Regels.DatumVoorSignaal);
    }

    [Fact]
    public void Every_step_dated_on_the_signaal_date_is_accepted()
    {
        var dag = Voorbeeld.SignaalDatum;
        var afgesloten = Uitkomst.Na(Uitkomst.Na(null, Voorbeeld.SignaalIndienen()),
            new VerkenningStarten("J. de Vries", dag), Voorbeeld.Opnemen(dag), new AnalyseVastleggen("Analyse.", dag), Voorbeeld.AdviesOp(dag),
            Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bestuurlijk, 1, dag), new UitvoeringAfronden(null, dag),
            new EvaluatieVastleggen("Effect.", "Lessen.", dag), Voorbeeld.Afsluiten(dag));

        Assert.Equal(dag, afgesloten.OpgenomenOp);
        Assert.Equal(dag, Assert.Single(afgesloten.Interventies).Datum);
        Assert.Equal(dag, afgesloten.Afsluiting!.Datum);
        Assert.Equal((dag, dag), (afgesloten.StapSinds, afgesloten.LaatsteDatum));
    }
}
