using Casus.Domain.Gedeeld;

namespace Casus.Domain.Casussen;

/// <summary>Step 1, indienen signaal: a partner brings in a suspicion with facts.
/// <paramref name="UitOndermijningsbeeld"/>: the signaal comes from an ondermijningsbeeld (Tabel 1 row 2a); with
/// <paramref name="OndermijningsbeeldId"/> the registered beeld it came from (which implies it).
/// <paramref name="Bronnen"/>: the other organisations that brought in the same signaal besides <paramref name="Indiener"/>
/// (a casus can have several sources, Tabel 1 rows 2b-2f). <paramref name="Referentie"/>: the region's own casus reference
/// (unique within the region). <paramref name="Themas"/> may be empty: a casus registered without a theme.</summary>
public sealed record SignaalIndienen(
    Guid CasusId, RiecRegio Regio, Organisatie Indiener, DateOnly Datum, string Omschrijving,
    IReadOnlyList<Thema> Themas, bool UitOndermijningsbeeld, IReadOnlyList<Organisatie>? Bronnen = null, Guid? OndermijningsbeeldId = null,
    string? Referentie = null) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.SignaalIndienen;
}

/// <summary>A signaal came in. <see cref="Bronnen"/>, <see cref="OndermijningsbeeldId"/> and <see cref="Referentie"/> are
/// absent in events recorded before they existed.</summary>
public sealed record SignaalIngediend(
    Guid CasusId, RiecRegio Regio, Organisatie Indiener, DateOnly Datum, string Omschrijving,
    IReadOnlyList<Thema> Themas, bool UitOndermijningsbeeld, IReadOnlyList<Organisatie>? Bronnen = null, Guid? OndermijningsbeeldId = null,
    string? Referentie = null) : ICasusGebeurtenis;

public static class Signaal
{
    public static Beslissing Indienen(SignaalIndienen c) =>
        Beslissing.Gebeurd(new SignaalIngediend(
            c.CasusId, c.Regio, c.Indiener, c.Datum, c.Omschrijving, c.Themas.Distinct().ToList(),
            c.UitOndermijningsbeeld || c.OndermijningsbeeldId is not null,
            (c.Bronnen ?? []).Where(b => b.Id != c.Indiener.Id).DistinctBy(b => b.Id).ToList(), c.OndermijningsbeeldId, c.Referentie));
}
