using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Toegang;

/// <summary>Which casussen a user may see and what they may do in them; called at one place in the API for every request.
/// The RIEC side (coordinators, analysts of the casus's region) runs the casus; partner staff act only for their own
/// organisation; auditors only read; the LIEC sees no casus, only aggregated figures.</summary>
public static class Toegangsregels
{
    /// <summary>Coordinators, analysts and auditors of the casus's region; staff of the submitting organisation and of
    /// every joined organisation. Everyone else does not learn that the casus exists.</summary>
    public static Toegangsbesluit Lezen(Actor actor, IntegraleCasus casus) =>
        actor.Heeft(Rol.RiecCoordinator, casus.Regio) || actor.Heeft(Rol.RiecAnalist, casus.Regio) || actor.Heeft(Rol.Auditor, casus.Regio)
        || (actor.Heeft(Rol.PartnerMedewerker) && IsBetrokken(actor.Organisatie.Id, casus))
            ? Toegangsbesluit.Toegestaan
            : Toegangsbesluit.Verborgen($"{actor.Organisatie.Naam} is geen partner van deze casus en heeft er geen RIEC-rol voor.");

    /// <summary>Whether <paramref name="actor"/> may give <paramref name="commando"/> to <paramref name="casus"/>
    /// (null only for <see cref="SignaalIndienen"/>, which creates one).</summary>
    public static Toegangsbesluit Uitvoeren(Actor actor, IntegraleCasus? casus, ICasusCommando commando)
    {
        if (commando is SignaalIndienen signaal) return SignaalIndienen(actor, signaal);
        ArgumentNullException.ThrowIfNull(casus);
        if (Lezen(actor, casus) is { IsToegestaan: false } verborgen) return verborgen;
        return commando switch
        {
            InformatieDelen c => VoorEigenOrganisatie(actor, c.DoorPartnerId, "informatie delen"),
            InterventieRegistreren c => VoorEigenOrganisatie(actor, c.PartnerId, "een interventie registreren"),
            InformatieVerzoeken or AnalyseVastleggen or InterventieadviesUitbrengen =>
                actor.Heeft(Rol.RiecCoordinator, casus.Regio) || actor.Heeft(Rol.RiecAnalist, casus.Regio)
                    ? Toegangsbesluit.Toegestaan
                    : RolOntbreekt("riec-coordinator of riec-analist van de regio"),
            _ => actor.Heeft(Rol.RiecCoordinator, casus.Regio) ? Toegangsbesluit.Toegestaan : RolOntbreekt("riec-coordinator van de regio"),
        };
    }

    /// <summary>Partner staff bring in signalen for their own organisation; a RIEC coordinator of the region may too
    /// (for the RIEC, e.g. from an ondermijningsbeeld).</summary>
    private static Toegangsbesluit SignaalIndienen(Actor actor, SignaalIndienen signaal)
    {
        if (!actor.Heeft(Rol.PartnerMedewerker) && !actor.Heeft(Rol.RiecCoordinator, signaal.Regio))
            return RolOntbreekt("partner-medewerker, of riec-coordinator van de regio");
        return signaal.Indiener.Id == actor.Organisatie.Id
            ? Toegangsbesluit.Toegestaan
            : Toegangsbesluit.Verboden(ToegangsCodes.AndereOrganisatie,
                $"Een signaal wordt ingediend voor de eigen organisatie ({actor.Organisatie.Id}), niet voor {signaal.Indiener.Id}.");
    }

    /// <summary>The casussen a user may find in lists: all in <see cref="Regios"/> (or all regions), plus those where
    /// <see cref="OrganisatieId"/> submitted or joined. <see cref="Niets"/> when neither applies.</summary>
    public sealed record Zichtbaarheid(bool AlleRegios, IReadOnlySet<RiecRegio> Regios, string? OrganisatieId)
    {
        public bool Niets => !AlleRegios && Regios.Count == 0 && OrganisatieId is null;
    }

    public static Zichtbaarheid ZichtbaarVoor(Actor actor)
    {
        var riecRol = actor.Heeft(Rol.RiecCoordinator) || actor.Heeft(Rol.RiecAnalist) || actor.Heeft(Rol.Auditor);
        return new Zichtbaarheid(
            riecRol && actor.Landelijk,
            riecRol ? actor.Regios : new HashSet<RiecRegio>(),
            actor.Heeft(Rol.PartnerMedewerker) ? actor.Organisatie.Id : null);
    }

    /// <summary>A partner organisation's dashboard: its own staff, and auditors (who see only the casussen of their
    /// regions on it, unless national).</summary>
    public static Toegangsbesluit PartnerDashboardLezen(Actor actor, string organisatieId) =>
        (actor.Heeft(Rol.PartnerMedewerker) && actor.Organisatie.Id == organisatieId) || actor.Heeft(Rol.Auditor)
            ? Toegangsbesluit.Toegestaan
            : Toegangsbesluit.Verboden(ToegangsCodes.AndereOrganisatie,
                $"Het dashboard van {organisatieId} is alleen voor medewerkers van die organisatie en voor auditors.");

    /// <summary>The RIEC overview of a region: its coordinators, analysts and auditors (national ones for every region).</summary>
    public static Toegangsbesluit RegioOverzichtLezen(Actor actor, RiecRegio regio) =>
        actor.Heeft(Rol.RiecCoordinator, regio) || actor.Heeft(Rol.RiecAnalist, regio) || actor.Heeft(Rol.Auditor, regio)
            ? Toegangsbesluit.Toegestaan
            : RolOntbreekt("riec-coordinator, riec-analist of auditor van de regio");

    /// <summary>The jaarcijfers (aggregated, no personal data): the LIEC and RIEC coordinators of any region.</summary>
    public static Toegangsbesluit JaarcijfersLezen(Actor actor) =>
        actor.Heeft(Rol.Liec) || actor.Heeft(Rol.RiecCoordinator) ? Toegangsbesluit.Toegestaan : RolOntbreekt("liec of riec-coordinator");

    /// <summary>Registering an ondermijningsbeeld the region delivered: the region's RIEC coordinators.</summary>
    public static Toegangsbesluit OndermijningsbeeldRegistreren(Actor actor, RiecRegio regio) =>
        actor.Heeft(Rol.RiecCoordinator, regio) ? Toegangsbesluit.Toegestaan : RolOntbreekt("riec-coordinator van de regio");

    /// <summary>The ondermijningsbeelden of a region (titles and dates): as the RIEC overview, its coordinators, analysts and
    /// auditors (national ones for every region).</summary>
    public static Toegangsbesluit OndermijningsbeeldenLezen(Actor actor, RiecRegio regio) => RegioOverzichtLezen(actor, regio);

    /// <summary>Importing existing casussen and ondermijningsbeelden from a region's former registration (a migration):
    /// system administrators. Each line is decided as the API decides it (validation, transition table, rules).</summary>
    public static Toegangsbesluit Importeren(Actor actor) =>
        actor.Heeft(Rol.Beheerder) ? Toegangsbesluit.Toegestaan : RolOntbreekt("beheerder");

    /// <summary>Rebuilding the read models from the event store: system administrators.</summary>
    public static Toegangsbesluit ProjectiesHerbouwen(Actor actor) =>
        actor.Heeft(Rol.Beheerder) ? Toegangsbesluit.Toegestaan : RolOntbreekt("beheerder");

    /// <summary>Audit and processing logs: auditors of the region, or national auditors.</summary>
    public static bool MagVerantwoordingLezen(Actor actor, RiecRegio regio) => actor.Heeft(Rol.Auditor, regio);

    /// <summary>Audit and processing logs across casussen: auditors only (their regions, or all for national ones).</summary>
    public static bool IsAuditor(Actor actor) => actor.Heeft(Rol.Auditor);

    /// <summary>The processing log of one data subject (AVG art. 15): auditors and privacy officers, who handle the request
    /// (their regions, or all for national ones).</summary>
    public static bool MagVerwerkingenZoeken(Actor actor) => actor.Heeft(Rol.Auditor) || actor.Heeft(Rol.Privacyfunctionaris);

    /// <summary>Destruction lists and the verklaringen van vernietiging of a region: its privacy officers and auditors
    /// (national ones for every region).</summary>
    public static Toegangsbesluit VernietigingslijstLezen(Actor actor, RiecRegio regio) =>
        actor.Heeft(Rol.Privacyfunctionaris, regio) || actor.Heeft(Rol.Auditor, regio)
            ? Toegangsbesluit.Toegestaan
            : RolOntbreekt("privacyfunctionaris of auditor van de regio");

    /// <summary>Approving a destruction list of a region: its privacy officers (national ones for every region); two different
    /// ones (<see cref="Privacy.Vernietigingslijst.BenodigdeAkkoorden"/>).</summary>
    public static Toegangsbesluit VernietigingslijstGoedkeuren(Actor actor, RiecRegio regio) =>
        actor.Heeft(Rol.Privacyfunctionaris, regio) ? Toegangsbesluit.Toegestaan : RolOntbreekt("privacyfunctionaris van de regio");

    /// <summary>Handling an erasure request (AVG art. 17): privacy officers; it reaches the casussen of their regions (all for
    /// national ones).</summary>
    public static Toegangsbesluit Wissen(Actor actor) =>
        actor.Heeft(Rol.Privacyfunctionaris) ? Toegangsbesluit.Toegestaan : RolOntbreekt("privacyfunctionaris");

    /// <summary>The record of a handled erasure request (pseudonym, ground, outcome per casus): privacy officers and auditors.</summary>
    public static Toegangsbesluit WisverzoekenLezen(Actor actor) =>
        actor.Heeft(Rol.Privacyfunctionaris) || actor.Heeft(Rol.Auditor) ? Toegangsbesluit.Toegestaan : RolOntbreekt("privacyfunctionaris of auditor");

    /// <summary>Rectifying a subject's data (AVG art. 16): the RIEC coordinator of the casus's region, who keeps its subjects.
    /// Someone who may not see the casus does not learn it exists.</summary>
    public static Toegangsbesluit Rectificeren(Actor actor, IntegraleCasus casus) =>
        Lezen(actor, casus) is { IsToegestaan: false } verborgen ? verborgen
        : actor.Heeft(Rol.RiecCoordinator, casus.Regio) ? Toegangsbesluit.Toegestaan
        : RolOntbreekt("riec-coordinator van de regio");

    /// <summary>An organisation's webhook subscriptions and their delivery log: its own integration administrators only.</summary>
    public static Toegangsbesluit AbonnementenBeheren(Actor actor, string organisatieId) =>
        !actor.Heeft(Rol.Integratiebeheerder) ? RolOntbreekt("integratiebeheerder")
        : actor.Organisatie.Id == organisatieId ? Toegangsbesluit.Toegestaan
        : Toegangsbesluit.Verboden(ToegangsCodes.AndereOrganisatie,
            $"Abonnementen beheert de eigen organisatie ({actor.Organisatie.Id}), niet {organisatieId}.");

    public static bool IsBetrokken(string organisatieId, IntegraleCasus casus) =>
        casus.Indiener.Id == organisatieId || casus.IsPartner(organisatieId);

    private static Toegangsbesluit VoorEigenOrganisatie(Actor actor, string partnerId, string wat) =>
        !actor.Heeft(Rol.PartnerMedewerker)
            ? RolOntbreekt("partner-medewerker")
            : partnerId == actor.Organisatie.Id
                ? Toegangsbesluit.Toegestaan
                : Toegangsbesluit.Verboden(ToegangsCodes.AndereOrganisatie,
                    $"Alleen voor de eigen organisatie ({actor.Organisatie.Id}) kan een medewerker {wat}, niet voor {partnerId}.");

    private static Toegangsbesluit RolOntbreekt(string nodig) =>
        Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt, $"Hiervoor is de rol {nodig} nodig.");
}
