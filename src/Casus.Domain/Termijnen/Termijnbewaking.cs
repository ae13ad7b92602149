using Casus.Domain.Casussen;

namespace Casus.Domain.Termijnen;

/// <summary>The terms of a casus, derived from its state and the <see cref="Termijnbeleid"/>, and the decision that records
/// the ones that passed. Pure: "today" comes in as an argument.</summary>
public static class Termijnbewaking
{
    /// <summary>Every running term: unanswered information requests (with their own last day), unregistered advised
    /// interventions, and the maximum duration of the current step. A closed casus has none.</summary>
    public static IReadOnlyList<Termijn> Lopend(IntegraleCasus casus, Termijnbeleid beleid)
    {
        if (casus.Stap == Stap.Afgesloten) return [];
        var termijnen = new List<Termijn>();
        foreach (var verzoek in casus.Informatieverzoeken)
            if (verzoek is { BeantwoordMet: null, AntwoordVoor: { } uiterlijk })
                termijnen.Add(new Termijn($"antwoord-{verzoek.Nummer}", TermijnSoort.Antwoord, verzoek.Nummer, null, verzoek.AanPartnerId, uiterlijk));
        foreach (var advies in casus.Interventieadviezen)
            if (casus.Interventies.All(i => i.AdviesNummer != advies.Nummer))
                termijnen.Add(new Termijn($"interventie-{advies.Nummer}", TermijnSoort.Interventie, advies.Nummer, null, advies.PartnerId,
                    advies.Datum.AddDays(beleid.InterventieDagen)));
        if (casus.StapSinds is { } sinds && beleid.StapDagen.TryGetValue(casus.Stap, out var dagen))
            termijnen.Add(new Termijn($"stap-{Names(casus.Stap)}-{casus.StapSindsVersie}", TermijnSoort.Stapduur, null, casus.Stap, null,
                sinds.AddDays(dagen)));
        return termijnen;
    }

    /// <summary>The day after which the monitoring must look at the casus again: for each running term not recorded as passed,
    /// its last day, or, when it was not reminded yet, the day before its reminder is due. Null: nothing to watch.</summary>
    public static DateOnly? Volgende(IntegraleCasus casus, Termijnbeleid beleid) =>
        Lopend(casus, beleid).Where(t => !casus.VerstrekenTermijnen.Contains(t.Sleutel))
            .Select(t => (DateOnly?)(casus.NaderendeTermijnen.Contains(t.Sleutel) ? t.Uiterlijk : t.Uiterlijk.AddDays(-beleid.HerinneringDagen - 1)))
            .Min();

    /// <summary>The casus with <see cref="IntegraleCasus.VolgendeTermijn"/> set under <paramref name="beleid"/>.</summary>
    public static IntegraleCasus MetVolgende(IntegraleCasus casus, Termijnbeleid beleid) => casus with { VolgendeTermijn = Volgende(casus, beleid) };

    /// <summary>Records every running term that passed by <paramref name="vandaag"/> (<see cref="TermijnVerstreken"/>), and every
    /// one that will pass within <see cref="Termijnbeleid.HerinneringDagen"/> (<see cref="TermijnNadert"/>, the reminder), each
    /// once; nothing when all awaited facts happened in time or the casus moved on. A term that passed before it was reminded
    /// is only recorded as passed. Deciding twice on the same state gives the same events, so concurrent monitors can only
    /// append them once (the second append fails its version check and decides again).</summary>
    public static IReadOnlyList<ICasusGebeurtenis> Bewaak(IntegraleCasus casus, Termijnbeleid beleid, DateOnly vandaag)
    {
        var gebeurtenissen = new List<ICasusGebeurtenis>();
        foreach (var t in Lopend(casus, beleid).Where(t => !casus.VerstrekenTermijnen.Contains(t.Sleutel)))
        {
            if (t.IsVerlopen(vandaag)) gebeurtenissen.Add(new TermijnVerstreken(t.Sleutel, t.Soort, t.Nummer, t.Stap, t.WachtOp, t.Uiterlijk));
            else if (t.VerlooptBinnenkort(vandaag, beleid.HerinneringDagen) && !casus.NaderendeTermijnen.Contains(t.Sleutel))
                gebeurtenissen.Add(new TermijnNadert(t.Sleutel, t.Soort, t.Nummer, t.Stap, t.WachtOp, t.Uiterlijk));
        }
        return gebeurtenissen;
    }

    /// <summary>The step as it appears in keys: kebab-case, as in the API.</summary>
    private static string Names(Stap stap) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(stap.ToString());
}
