using Casus.Domain.Verwerkingen;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>The processing activities of a bestuurlijk signaal, in the register (<see cref="Verwerkingsregister.Activiteiten"/>).
/// <see cref="Activiteit"/>: the procedure itself; its events carry it in the <c>verwerkingsactiviteit</c> header, and every
/// request that shows a signaal writes one processing record per strategic representative named in it (the only personal
/// data a signaal holds). Retention (version 2, was a placeholder): a signaal is a policy document addressed to ministers
/// (Archiefwet) and holds no subject data (brochure 3.3, checked by <see cref="Subjectcontroles"/>), so it is kept;
/// docs/privacy.md. <see cref="Subjectcontrole"/>: reading the subjects of the linked casus to refuse a text that names
/// them; one processing record per subject of that casus, in that casus; it follows the casus's retention.</summary>
public static class SignaalVerwerking
{
    private const string Grondslag = "art. 6 lid 1 sub e AVG; RIEC-LIEC-convenant en privacyprotocol";

    public static Verwerkingsactiviteit Activiteit { get; } = new("bestuurlijk-signaal", 2, "Begeleiden bestuurlijk signaal", null,
        "Opstellen, toetsen, indienen en aanbieden van een bestuurlijk signaal aan bewindspersonen via het Landelijk Loket "
        + "Bestuurlijke Signalen, en vastleggen van de reactie en het effect.",
        Grondslag,
        "Permanent, als beleidsdocument aan bewindspersonen (Archiefwet 1995); het bevat geen gegevens van subjecten, alleen de "
        + "namen en functies van de vertegenwoordigers die het in hun functie ondertekenen.",
        ["strategisch vertegenwoordigers van de indienende organisaties", "medewerkers van de indieners en van het LIEC-loket"],
        ["naam en functie van de strategisch vertegenwoordiger", "organisatie van de indiener",
         "gebruikers-id en organisatie van medewerkers"]);

    public static Verwerkingsactiviteit Subjectcontrole { get; } = new("bestuurlijk-signaal-subjectcontrole", 1,
        "Controleren signaal op subjectgegevens", null,
        "Weigeren van een tekst van een bestuurlijk signaal die gegevens bevat van subjecten van de gekoppelde casus "
        + "(brochure Landelijk Loket 3.3: geen subject- of objectinformatie); de gegevens worden alleen vergeleken, niet "
        + "getoond of overgenomen.",
        Grondslag, "Alleen de verwerkingsrecords, in de gekoppelde casus: als die casus (docs/privacy.md)",
        ["subjecten van de gekoppelde casus: natuurlijke personen, rechtspersonen en objecten (locaties)"],
        ["naam, voornamen en geboortedatum (natuurlijk persoon)", "burgerservicenummer (natuurlijk persoon, wanneer bekend)",
         "naam en KvK-nummer (rechtspersoon)", "postcode en omschrijving (object)"]);

    /// <summary>The region a signaal's processing records carry: a signaal is national (any auditor sees it).</summary>
    public const string Regio = "landelijk";
}
