using Casus.Domain.Casussen;

namespace Casus.Domain.Privacy;

/// <summary>How long the personal data of a closed casus are kept (configuration <c>Casus:Bewaartermijnen</c>, defaults and
/// reasons in docs/privacy.md). Months count from the closing date the casus records (<see cref="Afsluitgegevens.Datum"/>); a
/// term whose last day is D has passed on D + 1, like every term of Casus. An open casus has no retention term: it is
/// never destroyed.</summary>
/// <param name="AfgeslotenMaanden">A casus closed after evaluation (activity casus-afgesloten): kept this long after closing.</param>
/// <param name="NietOpgenomenMaanden">A signaal not taken up at verkennen (activity casus-verkennen): kept this long after
/// that decision.</param>
/// <param name="BewaarplichtMaanden">The minimum: how long after closing the data must be kept for accountability
/// (complaints, objections, audits): an erasure request before then is refused (AVG art. 17 lid 3 sub b and e).</param>
public sealed record Bewaarbeleid(int AfgeslotenMaanden, int NietOpgenomenMaanden, int BewaarplichtMaanden)
{
    public static Bewaarbeleid Standaard { get; } = new(AfgeslotenMaanden: 60, NietOpgenomenMaanden: 12, BewaarplichtMaanden: 12);

    /// <summary>The last day the personal data of <paramref name="casus"/> are kept; null when it is open or already destroyed.</summary>
    public DateOnly? LaatsteBewaardag(IntegraleCasus casus) =>
        casus is { Stap: Stap.Afgesloten, Afsluiting: { } a, Vernietiging: null }
            ? a.Datum.AddMonths(a.NietOpgenomen ? NietOpgenomenMaanden : AfgeslotenMaanden)
            : null;

    /// <summary>The retention term passed by <paramref name="vandaag"/>: the casus is due for destruction.</summary>
    public bool IsVerstreken(IntegraleCasus casus, DateOnly vandaag) => LaatsteBewaardag(casus) is { } laatste && vandaag > laatste;

    /// <summary>The last day the data must be kept (bewaarplicht); null when the casus is open (then it must be kept anyway).</summary>
    public DateOnly? LaatsteBewaarplichtdag(IntegraleCasus casus) =>
        casus is { Stap: Stap.Afgesloten, Afsluiting: { } a } ? a.Datum.AddMonths(BewaarplichtMaanden) : null;

    /// <summary>The processing activity whose term applies to a closed casus: how it was closed.</summary>
    public static string ActiviteitVan(IntegraleCasus casus) =>
        casus.Afsluiting?.NietOpgenomen == true ? Verwerkingen.Verwerkingsregister.NietOpgenomenId : Verwerkingen.Verwerkingsregister.AfgeslotenId;

    /// <summary>The term that applies to <paramref name="casus"/>, as words ("60 maanden na afsluiten").</summary>
    public string TermijnVan(IntegraleCasus casus) => casus.Afsluiting?.NietOpgenomen == true
        ? $"{NietOpgenomenMaanden} maanden na het besluit het signaal niet op te nemen"
        : $"{AfgeslotenMaanden} maanden na afsluiten";
}
