using Casus.Domain.Casussen;

namespace Casus.Domain.Tests;

/// <summary>A casus closed after evaluation, or not taken up at verkennen, accepts no command at all.</summary>
public sealed class ClosedCasusTests
{
    public static TheoryData<string, CommandoSoort> ClosedCasusAndCommand()
    {
        var data = new TheoryData<string, CommandoSoort>();
        foreach (var manier in new[] { nameof(Geschiedenis.Afgesloten), nameof(Geschiedenis.NietOpgenomen) })
            foreach (var soort in Enum.GetValues<CommandoSoort>())
                data.Add(manier, soort);
        return data;
    }

    private static IntegraleCasus Gesloten(string manier) => manier switch
    {
        nameof(Geschiedenis.Afgesloten) => Geschiedenis.Casus(Geschiedenis.Afgesloten()),
        nameof(Geschiedenis.NietOpgenomen) => Geschiedenis.Casus(Geschiedenis.NietOpgenomen()),
        _ => throw new ArgumentOutOfRangeException(nameof(manier)),
    };

    [Theory]
    [MemberData(nameof(ClosedCasusAndCommand))]
    public void A_closed_casus_refuses_every_command(string manier, CommandoSoort soort)
    {
        var casus = Gesloten(manier);
        Assert.Equal(Stap.Afgesloten, casus.Stap);

        var beslissing = Beslisser.Beslis(casus, Voorbeeld.GeldigCommando(soort, Stap.Afgesloten));

        var schending = Assert.IsType<StapNietToegestaan>(beslissing.Schending);
        Assert.Equal(Stap.Afgesloten, schending.Huidig);
        Assert.Empty(schending.Toegestaan);
        Assert.Empty(beslissing.Gebeurtenissen);
    }

    [Fact]
    public void Afsluiten_after_evaluation_records_reason_and_date()
    {
        var casus = Geschiedenis.CasusIn(Stap.Evalueren);

        var gebeurtenis = Assert.Single(Uitkomst.Aanvaard(casus, Voorbeeld.Afsluiten(Voorbeeld.Dag(41))));
        var na = IntegraleCasus.Evolve(casus, gebeurtenis);

        Assert.Equal(new CasusAfgesloten("Geëvalueerd; geen vervolg nodig.", Voorbeeld.Dag(41)), gebeurtenis);
        Assert.Equal(Stap.Afgesloten, na.Stap);
        Assert.Equal(new Afsluitgegevens("Geëvalueerd; geen vervolg nodig.", Voorbeeld.Dag(41), NietOpgenomen: false), na.Afsluiting);
    }
}
