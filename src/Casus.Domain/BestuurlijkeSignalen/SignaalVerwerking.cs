using Casus.Domain.Verwerkingen;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>The processing activity under which bestuurlijk-signaal events are recorded (event header
/// <c>verwerkingsactiviteit</c>). A signaal holds no subject data; the names of the indieners' strategic representatives are
/// the only personal data. Legal ground and retention: placeholders, to be confirmed by the privacy officer (as in
/// <see cref="Verwerkingsregister"/>).</summary>
public static class SignaalVerwerking
{
    public static Verwerkingsactiviteit Activiteit { get; } = new("bestuurlijk-signaal", 1, "Begeleiden bestuurlijk signaal", null,
        "Opstellen, toetsen, indienen en aanbieden van een bestuurlijk signaal aan bewindspersonen via het Landelijk Loket "
        + "Bestuurlijke Signalen, en vastleggen van de reactie en het effect.",
        "art. 6 lid 1 sub e AVG; RIEC-LIEC-convenant", "5 jaar na afronden van de procedure");
}
