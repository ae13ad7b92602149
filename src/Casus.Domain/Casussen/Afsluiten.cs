namespace Casus.Domain.Casussen;

/// <summary>Step 6, afsluiten: the casus is closed with a reason and a date. A closed casus accepts no command.</summary>
public sealed record Afsluiten(string Reden, DateOnly Datum) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.Afsluiten;
}

public sealed record CasusAfgesloten(string Reden, DateOnly Datum) : ICasusGebeurtenis;

public static class Afsluiting
{
    public static Beslissing Afsluiten(IntegraleCasus casus, Afsluiten c)
    {
        if (!casus.EvaluatieInDezeRonde)
            return Beslissing.Geweigerd(Regels.EvaluatieOntbreekt, "Leg eerst de evaluatie vast, dan kan de casus worden afgesloten.");
        return Beslissing.Gebeurd(new CasusAfgesloten(c.Reden, c.Datum));
    }
}
