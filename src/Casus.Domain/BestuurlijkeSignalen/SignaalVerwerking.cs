using Casus.Domain.Verwerkingen;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>The processing activity under which bestuurlijk-signaal events are recorded (event header
/// <c>verwerkingsactiviteit</c>). A signaal holds no subject data; the names of the indieners' strategic representatives are
/// the only personal data. Legal ground: as in <see cref="Verwerkingsregister"/>. Retention (version 2, was a placeholder): a
/// signaal is a policy document addressed to ministers (Archiefwet) and holds no subject data (brochure 3.3, checked by
/// <see cref="Subjectcontrole"/>), so it is kept; docs/privacy.md.</summary>
public static class SignaalVerwerking
{
    public static Verwerkingsactiviteit Activiteit { get; } = new("bestuurlijk-signaal", 2, "Begeleiden bestuurlijk signaal", null,
        "Opstellen, toetsen, indienen en aanbieden van een bestuurlijk signaal aan bewindspersonen via het Landelijk Loket "
        + "Bestuurlijke Signalen, en vastleggen van de reactie en het effect.",
        "art. 6 lid 1 sub e AVG; RIEC-LIEC-convenant",
        "Permanent, als beleidsdocument aan bewindspersonen (Archiefwet 1995); het bevat geen gegevens van subjecten, alleen de "
        + "namen en functies van de vertegenwoordigers die het in hun functie ondertekenen.");
}
