using Casus.Domain.Casussen;

namespace Casus.Domain.Verwerkingen;

/// <summary>The register of processing activities of the casus system: one activity per step of the Werkwijze
/// Integrale Casusaanpak, so every processing of a casus can be accounted for afterwards (AVG art. 5 lid 2).</summary>
public static class Verwerkingsregister
{
    // Grondslag: the seeds (jaarverslag 2023) only say that information is shared "binnen het RIEC-LIEC-convenant en
    // privacy-protocol" under the AVG; they give no article, no year for the convenant and no Wpg/Wjsg provision.
    // Art. 6 lid 1 sub e AVG (public task) is the basis the design brief names; the year of the convenant and any
    // Wpg/Wjsg basis for police and justice data: to be confirmed by the privacy officer. The coming WGS (Wet
    // gegevensverwerking door samenwerkingsverbanden, mentioned in the seeds) may replace this basis.
    private const string Grondslag = "art. 6 lid 1 sub e AVG; RIEC-LIEC-convenant en privacyprotocol";

    // Bewaartermijn: the seeds state no retention period. This is a placeholder: to be confirmed by the privacy officer.
    private const string Bewaartermijn = "5 jaar na afsluiten van de casus";

    // The categories of data subjects and personal data of a casus (AVG art. 30 lid 1 sub c): its subjects (Subject) and the
    // staff of the partners who act in it (user and organisation in the audit log and the events' metadata).
    private static readonly IReadOnlyList<string> CasusBetrokkenen =
        ["subjecten van de casus: natuurlijke personen, rechtspersonen en objecten (locaties)", "medewerkers van convenantpartners"];

    private static readonly IReadOnlyList<string> Subjectgegevens =
    [
        "naam, voornamen en geboortedatum (natuurlijk persoon)", "burgerservicenummer (natuurlijk persoon, wanneer bekend)",
        "naam en KvK-nummer (rechtspersoon)", "postcode, huisnummer en omschrijving (object)",
        "gebruikers-id en organisatie van medewerkers",
    ];

    /// <summary>The system watching the terms of a casus (answers, interventions, step durations) and recording the ones that
    /// passed. It reads the casus, including its subjects, to decide; it adds no personal data.</summary>
    public static Verwerkingsactiviteit Termijnbewaking { get; } = new("casus-termijnbewaking", 1, "Bewaken termijnen", null,
        "Vastleggen dat een termijn in een casus (beantwoorden van een informatieverzoek, registreren van een geadviseerde "
        + "interventie, maximale duur van een stap) is verstreken, zodat de wachtende partij en het RIEC dat zien.",
        Grondslag, Bewaartermijn, CasusBetrokkenen, Subjectgegevens);

    /// <summary>Bringing in a casus from a region's former registration (an import batch, docs/import.md): its whole history
    /// at once, subjects included, so it can be worked on and accounted for as if it had been registered here.</summary>
    public static Verwerkingsactiviteit Import { get; } = new("casus-import", 1, "Importeren casus", null,
        "Overnemen van een bestaande casus uit de eerdere registratie van een RIEC, met zijn gedateerde stappen, zodat het werk "
        + "aan de casus en de verantwoording erover in Casus verdergaan.",
        Grondslag, Bewaartermijn, CasusBetrokkenen, Subjectgegevens);

    /// <summary>Exactly one activity per <see cref="Stap"/>, in step order, then the system's own activities, then those of a
    /// bestuurlijk signaal (<see cref="BestuurlijkeSignalen.SignaalVerwerking"/>).</summary>
    public static IReadOnlyList<Verwerkingsactiviteit> Activiteiten { get; } =
    [
        new("casus-signaal-ingediend", 1, "Indienen signaal", Stap.SignaalIngediend,
            "Vastleggen van een signaal van een convenantpartner over mogelijke ondermijnende criminaliteit, "
            + "zodat het RIEC kan beoordelen of een integrale aanpak nodig is.",
            Grondslag, Bewaartermijn, CasusBetrokkenen, [.. Subjectgegevens, "het signaal: feiten en vermoedens over ondermijning"]),
        new("casus-verkennen", 1, "Verkennen signaal", Stap.Verkennen,
            "Beoordelen of het signaal ondermijning betreft, of een integrale aanpak meerwaarde heeft en welke partners "
            + "nodig zijn; besluiten of het als integrale casus wordt opgenomen.",
            Grondslag, Bewaartermijn, CasusBetrokkenen, Subjectgegevens),
        // Police and justice data (InformatieCategorie.Politieel/Justitieel) are shared in this step; the seeds name no
        // Wpg/Wjsg provision for it, so none is cited: to be confirmed by the privacy officer.
        new("casus-informatie-delen-en-analyseren", 1, "Informatie delen en analyseren", Stap.InformatieDelenEnAnalyseren,
            "Informatie van aangesloten convenantpartners verzamelen volgens het informatieverzamelplan, de integrale "
            + "casusanalyse opstellen en een interventieadvies uitbrengen.",
            Grondslag, Bewaartermijn, CasusBetrokkenen,
            [.. Subjectgegevens, "gedeelde informatie van partners: bestuurlijke, fiscale, financiële en politie- en justitiegegevens, "
                + "waaronder strafrechtelijke gegevens (art. 10 AVG)", "de integrale casusanalyse"]),
        new("casus-uitvoeren", 1, "Uitvoeren interventies", Stap.Uitvoeren,
            "Vastleggen van de bestuurlijke, strafrechtelijke, fiscale en overige interventies die partners met hun eigen "
            + "bevoegdheden uitvoeren, en van de resultaten daarvan.",
            Grondslag, Bewaartermijn, CasusBetrokkenen, [.. Subjectgegevens, "interventies met hun resultaten en bedragen"]),
        new("casus-evalueren", 1, "Evalueren casus", Stap.Evalueren,
            "Vaststellen wat de interventies hebben opgeleverd, wat is geleerd en of een vervolg nodig is.",
            Grondslag, Bewaartermijn, CasusBetrokkenen, Subjectgegevens),
        new("casus-afgesloten", 1, "Afsluiten casus", Stap.Afgesloten,
            "Afsluiten van de casus met reden en datum, en de gegevens bewaren voor verantwoording achteraf "
            + "tot het einde van de bewaartermijn.",
            Grondslag, Bewaartermijn, CasusBetrokkenen, Subjectgegevens),
        Termijnbewaking,
        Import,
        BestuurlijkeSignalen.SignaalVerwerking.Activiteit,
        BestuurlijkeSignalen.SignaalVerwerking.Subjectcontrole,
    ];

    /// <summary>The activity under which a casus in <paramref name="stap"/> is processed.</summary>
    public static Verwerkingsactiviteit VoorStap(Stap stap) =>
        Activiteiten.FirstOrDefault(a => a.Stap == stap)
        ?? throw new ArgumentOutOfRangeException(nameof(stap), stap, "No processing activity registered for this step.");
}
