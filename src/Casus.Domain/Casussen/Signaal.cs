using Casus.Domain.Gedeeld;

namespace Casus.Domain.Casussen;

/// <summary>Step 1, indienen signaal: a partner brings in a suspicion with facts.
/// <paramref name="UitOndermijningsbeeld"/>: the signaal comes from an ondermijningsbeeld (Tabel 1 row 2a).</summary>
public sealed record SignaalIndienen(
    Guid CasusId, RiecRegio Regio, Organisatie Indiener, DateOnly Datum, string Omschrijving,
    IReadOnlyList<Thema> Themas, bool UitOndermijningsbeeld) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.SignaalIndienen;
}

public sealed record SignaalIngediend(
    Guid CasusId, RiecRegio Regio, Organisatie Indiener, DateOnly Datum, string Omschrijving,
    IReadOnlyList<Thema> Themas, bool UitOndermijningsbeeld) : ICasusGebeurtenis;

public static class Signaal
{
    public static Beslissing Indienen(SignaalIndienen c) =>
        Beslissing.Gebeurd(new SignaalIngediend(
            c.CasusId, c.Regio, c.Indiener, c.Datum, c.Omschrijving, c.Themas.Distinct().ToList(), c.UitOndermijningsbeeld));
}
