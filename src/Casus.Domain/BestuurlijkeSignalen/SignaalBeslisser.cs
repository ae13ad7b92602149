using Casus.Domain.Casussen;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>The single entry point for signaal commands: a change after definitive submission is refused as such, then the
/// procedure table is checked, then the step's decision is asked. Pure.</summary>
public static class SignaalBeslisser
{
    /// <summary>Three months for the ministers' joint answer (counted from the day the signaal was offered).</summary>
    public const int ReactieMaanden = 3;

    /// <summary>Six months after completion the LIEC asks the indieners for the effect.</summary>
    public const int EffectMaanden = 6;

    /// <param name="signaal">The current state; null when the signaal does not exist yet.</param>
    /// <param name="context">The subjects of the linked casus (to refuse a text naming them).</param>
    public static SignaalBeslissing Beslis(BestuurlijkSignaal? signaal, ISignaalCommando commando, SignaalContext context)
    {
        var huidig = signaal?.Stap;
        if (Procedure.Zoek(commando.Soort, huidig) is null)
            return signaal is { InhoudHash: { } hash } && Procedure.IsIngediend(signaal.Stap) && commando is ISignaalWijziging
                ? new SignaalBevroren(commando.Soort, signaal.Stap, hash)
                : new SignaalStapNietToegestaan(commando.Soort, huidig, Procedure.Toegestaan(huidig));
        var s = signaal!;
        return commando switch
        {
            SignaalOpstellen c => Subjectcontrole.Controleer(c.Inhoud, context.CasusSubjecten) is { Count: > 0 } vondsten
                ? new SubjectgegevensGevonden(vondsten)
                : SignaalBeslissing.Gebeurd(new SignaalOpgesteld(c.SignaalId, c.CasusId, c.Datum, Uniek(c.Indieners), c.Inhoud)),
            InhoudWijzigen c => Subjectcontrole.Controleer(c.Inhoud, context.CasusSubjecten) is { Count: > 0 } vondsten
                ? new SubjectgegevensGevonden(vondsten)
                : SignaalBeslissing.Gebeurd(new SignaalInhoudGewijzigd(c.Inhoud)),
            IndienerToevoegen c => s.IsIndiener(c.Indiener.Organisatie.Id)
                ? SignaalBeslissing.Geweigerd(SignaalRegels.IndienerAlToegevoegd, $"{c.Indiener.Organisatie.Naam} is al indiener van dit signaal.")
                : SignaalBeslissing.Gebeurd(new SignaalIndienerToegevoegd(c.Indiener)),
            LiecAdviesGeven c => NietVoor(c.Datum, s.OpgesteldOp, "het opstellen") ?? SignaalBeslissing.Gebeurd(new LiecAdviesGegeven(c.Datum, c.Advies)),
            ToetsingsoverlegVastleggen c => NietVoor(c.Datum, s.OpgesteldOp, "het opstellen")
                ?? SignaalBeslissing.Gebeurd(new ToetsingsoverlegGehouden(c.Datum, c.Ministeries.Distinct().ToList())),
            DefinitiefIndienen c => NietVoor(c.Datum, s.Toetsingsoverleg!.Datum, "het toetsingsoverleg")
                ?? SignaalBeslissing.Gebeurd(new SignaalDefinitiefIngediend(c.Datum, Inhoudhash.Bereken(s.Indieners, s.Inhoud))),
            Intrekken c => NietVoor(c.Datum, s.OpgesteldOp, "het opstellen") ?? SignaalBeslissing.Gebeurd(new SignaalIngetrokken(c.Datum, c.Reden)),
            Aanbieden c => NietVoor(c.Datum, s.IngediendOp!.Value, "de definitieve indiening")
                ?? SignaalBeslissing.Gebeurd(new SignaalAangeboden(c.Datum, c.Ministeries.Distinct().ToList(), c.Datum.AddMonths(ReactieMaanden))),
            ReactieVastleggen c => NietVoor(c.Datum, s.Aanbieding!.Datum, "het aanbieden")
                ?? SignaalBeslissing.Gebeurd(new SignaalReactieOntvangen(c.Datum, c.Samenvatting)),
            Afronden c => NietVoor(c.Datum, s.Reactie!.Datum, "de reactie")
                ?? SignaalBeslissing.Gebeurd(new SignaalAfgerond(c.Datum, c.Datum.AddMonths(EffectMaanden))),
            EffectVastleggen c => NietVoor(c.Datum, s.AfgerondOp!.Value, "het afronden")
                ?? SignaalBeslissing.Gebeurd(new SignaalEffectVastgelegd(c.Datum, c.Effect)),
            ToestemmingVastleggen c => Toestemming(s, c),
            Publiceren c => Publiceer(s, c),
            _ => throw new InvalidOperationException($"No decision for {commando.GetType().Name}."),
        };
    }

    private static SignaalBeslissing Toestemming(BestuurlijkSignaal s, ToestemmingVastleggen c)
    {
        var door = c.Onderdeel == PublicatieOnderdeel.Reactie ? Publicatie.Ministeries : c.IndienerId ?? "";
        if (c.Onderdeel == PublicatieOnderdeel.Signaal && !s.IsIndiener(door))
            return SignaalBeslissing.Geweigerd(SignaalRegels.GeenIndiener, $"{door} is geen indiener van dit signaal; alleen indieners geven toestemming voor het signaal.");
        if (s.Toestemmingen.Any(t => t.Onderdeel == c.Onderdeel && t.Door == door))
            return SignaalBeslissing.Geweigerd(SignaalRegels.ToestemmingAlVastgelegd, $"De toestemming van {door} is al vastgelegd.");
        return NietVoor(c.Datum, s.AfgerondOp!.Value, "het afronden") ?? SignaalBeslissing.Gebeurd(new PublicatieToestemmingGegeven(c.Onderdeel, door, c.Datum));
    }

    private static SignaalBeslissing Publiceer(BestuurlijkSignaal s, Publiceren c)
    {
        if (s.Publicaties.Any(p => p.Onderdeel == c.Onderdeel))
            return SignaalBeslissing.Geweigerd(SignaalRegels.AlGepubliceerd, $"De publicatie van {c.Onderdeel} is al vastgelegd.");
        var ontbreekt = OntbrekendeToestemming(s, c.Onderdeel);
        if (ontbreekt.Count > 0)
            return SignaalBeslissing.Geweigerd(SignaalRegels.ToestemmingOntbreekt,
                $"Publiceren van {(c.Onderdeel == PublicatieOnderdeel.Signaal ? "het signaal" : "de reactie")} kan pas met vastgelegde toestemming van: " +
                $"{string.Join(", ", ontbreekt)}.");
        return NietVoor(c.Datum, s.AfgerondOp!.Value, "het afronden") ?? SignaalBeslissing.Gebeurd(new SignaalGepubliceerd(c.Onderdeel, c.Datum, c.Vindplaats));
    }

    /// <summary>Who still has to consent to publishing <paramref name="onderdeel"/>: every indiener for the signaal, the
    /// ministries for their answer.</summary>
    public static IReadOnlyList<string> OntbrekendeToestemming(BestuurlijkSignaal s, PublicatieOnderdeel onderdeel)
    {
        var nodig = onderdeel == PublicatieOnderdeel.Signaal ? s.Indieners.Select(i => i.Organisatie.Id).ToList() : [Publicatie.Ministeries];
        return nodig.Where(d => !s.Toestemmingen.Any(t => t.Onderdeel == onderdeel && t.Door == d)).ToList();
    }

    private static Regelschending? NietVoor(DateOnly datum, DateOnly vorige, string wat) =>
        datum < vorige
            ? new Regelschending(SignaalRegels.DatumVoorVorigeStap, $"De datum {datum:yyyy-MM-dd} ligt voor {wat} ({vorige:yyyy-MM-dd}).")
            : null;

    private static List<Indiener> Uniek(IReadOnlyList<Indiener> indieners) =>
        indieners.DistinctBy(i => i.Organisatie.Id).ToList();
}
