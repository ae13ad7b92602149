using Casus.Domain.Gedeeld;

namespace Casus.Domain.Casussen;

/// <summary>Step 2, verkennen: a RIEC coordinator explores the signaal.</summary>
public sealed record VerkenningStarten(string Coordinator) : ICasusCommando
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

public sealed record VerkenningGestart(string Coordinator) : ICasusGebeurtenis;

public sealed record CasusOpgenomen(string Motivering, IReadOnlyList<Organisatie> Partners, DateOnly Datum) : ICasusGebeurtenis;

public sealed record CasusNietOpgenomen(string Reden, DateOnly Datum) : ICasusGebeurtenis;

public static class Verkennen
{
    public static Beslissing Starten(VerkenningStarten c) => Beslissing.Gebeurd(new VerkenningGestart(c.Coordinator));

    public static Beslissing Besluiten(IntegraleCasus casus, VerkenningBesluiten c)
    {
        if (c.Datum < casus.SignaalDatum)
            return Beslissing.Geweigerd(Regels.DatumVoorSignaal,
                $"De besluitdatum {c.Datum:yyyy-MM-dd} ligt voor de signaaldatum {casus.SignaalDatum:yyyy-MM-dd}.");
        return c.Besluit switch
        {
            Verkenningsbesluit.Opnemen => Beslissing.Gebeurd(
                new CasusOpgenomen(c.Motivering ?? "", c.Partners.DistinctBy(p => p.Id).ToList(), c.Datum)),
            Verkenningsbesluit.NietOpnemen => Beslissing.Gebeurd(new CasusNietOpgenomen(c.Reden ?? "", c.Datum)),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Besluit, "Unknown verkenningsbesluit."),
        };
    }
}
