namespace Casus.Domain.BestuurlijkeSignalen;

public enum SignaalTermijnSoort
{
    /// <summary>The ministers' joint answer, three months after the signaal was offered.</summary>
    Reactie,
    /// <summary>The effect of the signaal, asked of the indieners six months after completion.</summary>
    Effect,
}

/// <summary>A running term of a signaal; <see cref="WachtOp"/> is <c>bewindspersonen</c> or <c>indieners</c>.</summary>
public sealed record SignaalTermijn(string Sleutel, SignaalTermijnSoort Soort, string WachtOp, DateOnly Uiterlijk)
{
    public bool IsVerlopen(DateOnly vandaag) => vandaag > Uiterlijk;

    public bool VerlooptBinnenkort(DateOnly vandaag, int herinneringDagen) =>
        !IsVerlopen(vandaag) && Uiterlijk.DayNumber - vandaag.DayNumber <= herinneringDagen;
}

/// <summary>The terms of a signaal and the decision that records the ones that passed, as <see cref="Termijnen.Termijnbewaking"/>
/// does for a casus. Pure: "today" is an argument.</summary>
public static class SignaalTermijnen
{
    public const string Reactie = "reactie";
    public const string Effect = "effect";

    /// <summary>The answer term while the signaal waits on the ministers; the effect term while it waits on the indieners.</summary>
    public static IReadOnlyList<SignaalTermijn> Lopend(BestuurlijkSignaal s) => s switch
    {
        { Stap: SignaalStap.AangebodenAanBewindspersonen, ReactieUiterlijk: { } r } => [new(Reactie, SignaalTermijnSoort.Reactie, "bewindspersonen", r)],
        { Stap: SignaalStap.Afgerond, EffectUiterlijk: { } e } => [new(Effect, SignaalTermijnSoort.Effect, "indieners", e)],
        _ => [],
    };

    public static DateOnly? Volgende(BestuurlijkSignaal s) =>
        Lopend(s).Where(t => !s.VerstrekenTermijnen.Contains(t.Sleutel)).Select(t => (DateOnly?)t.Uiterlijk).Min();

    public static BestuurlijkSignaal MetVolgende(BestuurlijkSignaal s) => s with { VolgendeTermijn = Volgende(s) };

    /// <summary>Every running term passed by <paramref name="vandaag"/> and not recorded before: recorded once.</summary>
    public static IReadOnlyList<SignaalTermijnVerstreken> Bewaak(BestuurlijkSignaal s, DateOnly vandaag) =>
        Lopend(s).Where(t => t.IsVerlopen(vandaag) && !s.VerstrekenTermijnen.Contains(t.Sleutel))
            .Select(t => new SignaalTermijnVerstreken(t.Sleutel, t.Soort, t.WachtOp, t.Uiterlijk)).ToList();
}
