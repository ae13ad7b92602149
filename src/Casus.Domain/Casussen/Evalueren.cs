namespace Casus.Domain.Casussen;

/// <summary>Step 5, evalueren: what the interventions achieved and what was learned.</summary>
public sealed record EvaluatieVastleggen(string Effect, string Lessen, DateOnly? Datum = null) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.EvaluatieVastleggen;
}

/// <summary>Go back a step (new information during uitvoeren, or an evaluation showing more is needed).
/// The allowed targets per step are in the transition table.</summary>
public sealed record Terugstappen(Stap Naar, string Reden, DateOnly? Datum = null) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.Terugstappen;
}

public sealed record EvaluatieVastgelegd(string Effect, string Lessen, DateOnly? Datum = null) : ICasusGebeurtenis;

public sealed record Teruggestapt(Stap Van, Stap Naar, string Reden, DateOnly? Datum = null) : ICasusGebeurtenis;

public static class Evalueren
{
    public static Beslissing Vastleggen(EvaluatieVastleggen c) => Beslissing.Gebeurd(new EvaluatieVastgelegd(c.Effect, c.Lessen, c.Datum));

    public static Beslissing Terugstappen(IntegraleCasus casus, Terugstappen c)
    {
        var doelen = Stappen.Zoek(CommandoSoort.Terugstappen, casus.Stap)!.Naar;
        if (!doelen.Contains(c.Naar))
            return Beslissing.Geweigerd(Regels.TerugstapOngeldig,
                $"Vanuit {casus.Stap} kan de casus alleen terug naar {string.Join(" of ", doelen)}, niet naar {c.Naar}.");
        if (casus.Stap == Stap.Evalueren && !casus.EvaluatieInDezeRonde)
            return Beslissing.Geweigerd(Regels.EvaluatieOntbreekt, "Leg eerst de evaluatie vast; die motiveert de terugstap.");
        return Beslissing.Gebeurd(new Teruggestapt(casus.Stap, c.Naar, c.Reden, c.Datum));
    }
}
