using Casus.Domain.Gedeeld;

namespace Casus.Domain.Casussen;

/// <summary>Step 2, verkennen: a RIEC coordinator explores the signaal, from <paramref name="Datum"/> (the business date; every
/// dated command leaves it null only where no date is known, e.g. in unit tests: the API always sets one).</summary>
public sealed record VerkenningStarten(string Coordinator, DateOnly? Datum = null) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.VerkenningStarten;
}

public enum Verkenningsbesluit
{
    Opnemen,
    NietOpnemen,
}

/// <summary>The outcome of verkennen. <see cref="Verkenningsbesluit.Opnemen"/> needs a motivation and the
/// partners needed (they join the casus); <see cref="Verkenningsbesluit.NietOpnemen"/> needs a reason and closes it.</summary>
public sealed record VerkenningBesluiten(
    Verkenningsbesluit Besluit, string? Motivering, IReadOnlyList<Organisatie> Partners, string? Reden, DateOnly Datum)
    : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.VerkenningBesluiten;
}

/// <summary>The verkenning started on <see cref="Datum"/> (absent in events recorded before business dates existed: then the
/// registration day counts).</summary>
public sealed record VerkenningGestart(string Coordinator, DateOnly? Datum = null) : ICasusGebeurtenis;

public sealed record CasusOpgenomen(string Motivering, IReadOnlyList<Organisatie> Partners, DateOnly Datum) : ICasusGebeurtenis;

public sealed record CasusNietOpgenomen(string Reden, DateOnly Datum) : ICasusGebeurtenis;

public static class Verkennen
{
    public static Beslissing Starten(VerkenningStarten c) => Beslissing.Gebeurd(new VerkenningGestart(c.Coordinator, c.Datum));

    /// <summary>The date rules (not before the signaal, not before the verkenning) are checked by <see cref="Bedrijfsdatums"/>.</summary>
    public static Beslissing Besluiten(IntegraleCasus casus, VerkenningBesluiten c)
    {
        return c.Besluit switch
        {
            Verkenningsbesluit.Opnemen => Beslissing.Gebeurd(
                new CasusOpgenomen(c.Motivering ?? "", c.Partners.DistinctBy(p => p.Id).ToList(), c.Datum)),
            Verkenningsbesluit.NietOpnemen => Beslissing.Gebeurd(new CasusNietOpgenomen(c.Reden ?? "", c.Datum)),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Besluit, "Unknown verkenningsbesluit."),
        };
    }
}
