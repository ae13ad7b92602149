using Casus.Domain.Casussen;

namespace Casus.Domain.Termijnen;

public enum TermijnSoort
{
    /// <summary>An information request waits for its answer from the partner asked.</summary>
    Antwoord,
    /// <summary>An advised intervention waits to be registered by the partner it was advised to.</summary>
    Interventie,
    /// <summary>The casus waits in its step on the RIEC (maximum duration of the step).</summary>
    Stapduur,
}

/// <summary>A running term of a casus: what it is (<see cref="Sleutel"/> is unique within the casus and never reused),
/// whom it waits on (an organisation id; null: the RIEC of the casus's region) and its last day.</summary>
public sealed record Termijn(string Sleutel, TermijnSoort Soort, int? Nummer, Stap? Stap, string? WachtOp, DateOnly Uiterlijk)
{
    /// <summary>Passed: <paramref name="vandaag"/> is after the last day.</summary>
    public bool IsVerlopen(DateOnly vandaag) => vandaag > Uiterlijk;

    /// <summary>Not passed yet, but its last day is at most <paramref name="herinneringDagen"/> away.</summary>
    public bool VerlooptBinnenkort(DateOnly vandaag, int herinneringDagen) =>
        !IsVerlopen(vandaag) && Uiterlijk.DayNumber - vandaag.DayNumber <= herinneringDagen;
}

/// <summary>A term will pass within the configured reminder days (<see cref="Termijnbeleid.HerinneringDagen"/>) and the
/// fact it waits for has not happened: the reminder, recorded once per term, by the system's term monitoring.</summary>
public sealed record TermijnNadert(string Sleutel, TermijnSoort Soort, int? Nummer, Stap? Stap, string? WachtOp, DateOnly Uiterlijk)
    : ICasusGebeurtenis;

/// <summary>A term passed without the fact it waited for: recorded once per term, by the system's term monitoring.</summary>
public sealed record TermijnVerstreken(string Sleutel, TermijnSoort Soort, int? Nummer, Stap? Stap, string? WachtOp, DateOnly Uiterlijk)
    : ICasusGebeurtenis;
