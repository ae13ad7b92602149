using Casus.Domain.Toegang;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>Who may see and do what with a bestuurlijk signaal (confidential during and after the procedure): staff of the
/// submitting organisations, the LIEC's loket staff and auditors see it; everyone else (also the other partners of the linked
/// casus and the RIEC) does not learn that it exists (404). Pure, like <see cref="Toegangsregels"/>.</summary>
public static class Signaaltoegang
{
    public static Toegangsbesluit Lezen(Actor actor, BestuurlijkSignaal signaal) =>
        actor.Heeft(Rol.LiecLoket) || actor.Heeft(Rol.Auditor) || (actor.Heeft(Rol.PartnerMedewerker) && signaal.IsIndiener(actor.Organisatie.Id))
            ? Toegangsbesluit.Toegestaan
            : Toegangsbesluit.Verborgen($"{actor.Organisatie.Naam} is geen indiener van dit bestuurlijk signaal en heeft er geen LIEC-loket- of auditorrol voor.");

    /// <summary>The commands of the indieners (their staff, for a signaal of their organisation) and of the LIEC's loket.</summary>
    public static bool IsVanLoket(ISignaalCommando commando) => commando switch
    {
        LiecAdviesGeven or ToetsingsoverlegVastleggen or Aanbieden or ReactieVastleggen or Afronden => true,
        ToestemmingVastleggen t => t.Onderdeel == PublicatieOnderdeel.Reactie,
        _ => false,
    };

    /// <param name="signaal">Null only for <see cref="SignaalOpstellen"/>.</param>
    public static Toegangsbesluit Uitvoeren(Actor actor, BestuurlijkSignaal? signaal, ISignaalCommando commando)
    {
        if (commando is SignaalOpstellen opstellen)
            return !actor.Heeft(Rol.PartnerMedewerker) ? RolOntbreekt("partner-medewerker van een indienende organisatie")
                : opstellen.Indieners.Any(i => i.Organisatie.Id == actor.Organisatie.Id) ? Toegangsbesluit.Toegestaan
                : Toegangsbesluit.Verboden(ToegangsCodes.AndereOrganisatie,
                    $"Een bestuurlijk signaal wordt opgesteld door een van de indieners; {actor.Organisatie.Id} staat er niet bij.");
        ArgumentNullException.ThrowIfNull(signaal);
        if (Lezen(actor, signaal) is { IsToegestaan: false } verborgen) return verborgen;
        if (IsVanLoket(commando))
            return actor.Heeft(Rol.LiecLoket) ? Toegangsbesluit.Toegestaan : RolOntbreekt("liec-loket");
        if (!actor.Heeft(Rol.PartnerMedewerker) || !signaal.IsIndiener(actor.Organisatie.Id))
            return RolOntbreekt("partner-medewerker van een indienende organisatie");
        return commando is ToestemmingVastleggen { Onderdeel: PublicatieOnderdeel.Signaal } t && t.IndienerId != actor.Organisatie.Id
            ? Toegangsbesluit.Verboden(ToegangsCodes.AndereOrganisatie,
                $"Toestemming wordt gegeven voor de eigen organisatie ({actor.Organisatie.Id}), niet voor {t.IndienerId}.")
            : Toegangsbesluit.Toegestaan;
    }

    /// <summary>The auditor's view of a signaal (history, differences, dossier, chain check, audit and processing logs), as
    /// <see cref="Toegangsregels.MagVerantwoordingLezen"/> for a casus: auditors (any region: a signaal is national); 403 for
    /// anyone else who may see the signaal (its indieners' staff, the loket); hidden (404) from everyone else.</summary>
    public static Toegangsbesluit VerantwoordingLezen(Actor actor, BestuurlijkSignaal signaal) =>
        actor.Heeft(Rol.Auditor) ? Toegangsbesluit.Toegestaan
        : Lezen(actor, signaal) is { IsToegestaan: false } verborgen ? verborgen
        : Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt,
            "De historie, het dossier, de ketencontrole en de logboeken van een bestuurlijk signaal zijn alleen voor auditors.");

    /// <summary>The LIEC's overview of all signalen: its loket staff and auditors.</summary>
    public static Toegangsbesluit OverzichtLezen(Actor actor) =>
        actor.Heeft(Rol.LiecLoket) || actor.Heeft(Rol.Auditor) ? Toegangsbesluit.Toegestaan : RolOntbreekt("liec-loket of auditor");

    /// <summary>Which signalen an actor finds in the list: all (loket, auditors), those of its own organisation (indiener
    /// staff), or none (null).</summary>
    public static (bool Alle, string? OrganisatieId)? ZichtbaarVoor(Actor actor) =>
        actor.Heeft(Rol.LiecLoket) || actor.Heeft(Rol.Auditor) ? (true, null)
        : actor.Heeft(Rol.PartnerMedewerker) ? (false, actor.Organisatie.Id)
        : null;

    private static Toegangsbesluit RolOntbreekt(string nodig) =>
        Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt, $"Hiervoor is de rol {nodig} nodig.");
}
