using Casus.Domain.Casussen;
using Casus.Domain.Privacy;

namespace Casus.Domain.Verwerkingen;

/// <summary>The register of processing activities of the casus system: one activity per step of the Werkwijze
/// Integrale Casusaanpak, so every processing of a casus can be accounted for afterwards (AVG art. 5 lid 2), then the
/// system's own activities (term monitoring, import, destruction, the data subject's rights), then those of a bestuurlijk
/// signaal (<see cref="BestuurlijkeSignalen.SignaalVerwerking"/>). The retention terms come from the
/// <see cref="Bewaarbeleid"/> (configuration <c>Casus:Bewaartermijnen</c>; docs/privacy.md explains the defaults).</summary>
public static class Verwerkingsregister
{
    // Grondslag: the seeds (jaarverslag 2023) only say that information is shared "binnen het RIEC-LIEC-convenant en
    // privacy-protocol" under the AVG; they give no article, no year for the convenant and no Wpg/Wjsg provision.
    // Art. 6 lid 1 sub e AVG (public task) is the basis the design brief names; the year of the convenant and any
    // Wpg/Wjsg basis for police and justice data: to be confirmed by the privacy officer. The coming WGS (Wet
    // gegevensverwerking door samenwerkingsverbanden, mentioned in the seeds) may replace this basis.
    private const string Grondslag = "art. 6 lid 1 sub e AVG; RIEC-LIEC-convenant en privacyprotocol";

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

    public const string NietOpgenomenId = "casus-verkennen";
    public const string AfgeslotenId = "casus-afgesloten";
    public const string VernietigenId = "casus-vernietigen";
    public const string RechtenId = "casus-rechten-betrokkenen";
    public const string ImportId = "casus-import";

    /// <summary>Version 2 of every casus activity: the placeholder retention term of version 1 became the terms of the
    /// <see cref="Bewaarbeleid"/>.</summary>
    private const int Versie = 2;

    /// <summary>Exactly one activity per <see cref="Stap"/>, in step order, then the system's own activities (term monitoring,
    /// import, destruction, the rights of data subjects), then those of a bestuurlijk signaal; with the default terms.</summary>
    public static IReadOnlyList<Verwerkingsactiviteit> Activiteiten { get; } = Met(Bewaarbeleid.Standaard);

    /// <summary>The system watching the terms of a casus (answers, interventions, step durations) and recording the ones that
    /// passed. It reads the casus, including its subjects, to decide; it adds no personal data.</summary>
    public static Verwerkingsactiviteit Termijnbewaking { get; } = Activiteiten.Single(a => a.Id == "casus-termijnbewaking");

    /// <summary>Bringing in a casus from a region's former registration (an import batch, docs/import.md): its whole history
    /// at once, subjects included, so it can be worked on and accounted for as if it had been registered here.</summary>
    public static Verwerkingsactiviteit Import { get; } = Activiteiten.Single(a => a.Id == ImportId);

    /// <summary>Destroying the personal data of a casus whose retention term passed, by an approved destruction list.</summary>
    public static Verwerkingsactiviteit Vernietigen { get; } = Activiteiten.Single(a => a.Id == VernietigenId);

    /// <summary>Rectification (art. 16) and erasure on request (art. 17) of a subject's data.</summary>
    public static Verwerkingsactiviteit Rechten { get; } = Activiteiten.Single(a => a.Id == RechtenId);

    /// <summary>The register with the terms of <paramref name="beleid"/> (what the API serves).</summary>
    public static IReadOnlyList<Verwerkingsactiviteit> Met(Bewaarbeleid beleid)
    {
        var r = Maak(beleid);
        return [.. r.Stappen, r.Termijnbewaking, r.Import, r.Vernietigen, r.Rechten,
            BestuurlijkeSignalen.SignaalVerwerking.Activiteit, BestuurlijkeSignalen.SignaalVerwerking.Subjectcontrole];
    }

    /// <summary>The activity under which a casus in <paramref name="stap"/> is processed.</summary>
    public static Verwerkingsactiviteit VoorStap(Stap stap) =>
        Activiteiten.FirstOrDefault(a => a.Stap == stap)
        ?? throw new ArgumentOutOfRangeException(nameof(stap), stap, "No processing activity registered for this step.");

    /// <summary>"id@versie" of the activity with <paramref name="id"/>, as events and log records name it.</summary>
    public static string MetVersie(string id) =>
        Activiteiten.FirstOrDefault(a => a.Id == id) is { } a ? $"{a.Id}@{a.Versie}" : throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown activity.");

    private sealed record Register(IReadOnlyList<Verwerkingsactiviteit> Stappen, Verwerkingsactiviteit Termijnbewaking,
        Verwerkingsactiviteit Import, Verwerkingsactiviteit Vernietigen, Verwerkingsactiviteit Rechten);

    private static Register Maak(Bewaarbeleid b)
    {
        var volgtCasus = $"Zolang de casus loopt; daarna als de casus: {b.AfgeslotenMaanden} maanden na afsluiten (casus-afgesloten), of "
            + $"{b.NietOpgenomenMaanden} maanden na het besluit niet op te nemen (casus-verkennen). Dan worden de persoonsgegevens "
            + "vernietigd via een goedgekeurde vernietigingslijst; het skelet blijft.";
        var stappen = new List<Verwerkingsactiviteit>
        {
            new("casus-signaal-ingediend", Versie, "Indienen signaal", Stap.SignaalIngediend,
                "Vastleggen van een signaal van een convenantpartner over mogelijke ondermijnende criminaliteit, "
                + "zodat het RIEC kan beoordelen of een integrale aanpak nodig is.",
                Grondslag, volgtCasus, CasusBetrokkenen, [.. Subjectgegevens, "het signaal: feiten en vermoedens over ondermijning"]),
            new(NietOpgenomenId, Versie, "Verkennen signaal", Stap.Verkennen,
                "Beoordelen of het signaal ondermijning betreft, of een integrale aanpak meerwaarde heeft en welke partners "
                + "nodig zijn; besluiten of het als integrale casus wordt opgenomen.",
                Grondslag, $"Een signaal dat niet wordt opgenomen: {b.NietOpgenomenMaanden} maanden na dat besluit (bewaarplicht "
                + $"{b.BewaarplichtMaanden} maanden), daarna vernietigd via een goedgekeurde vernietigingslijst. Een opgenomen casus: "
                + $"als casus-afgesloten.", CasusBetrokkenen, Subjectgegevens, b.NietOpgenomenMaanden),
            // Police and justice data (InformatieCategorie.Politieel/Justitieel) are shared in this step; the seeds name no
            // Wpg/Wjsg provision for it, so none is cited: to be confirmed by the privacy officer.
            new("casus-informatie-delen-en-analyseren", Versie, "Informatie delen en analyseren", Stap.InformatieDelenEnAnalyseren,
                "Informatie van aangesloten convenantpartners verzamelen volgens het informatieverzamelplan, de integrale "
                + "casusanalyse opstellen en een interventieadvies uitbrengen.",
                Grondslag, volgtCasus, CasusBetrokkenen,
                [.. Subjectgegevens, "gedeelde informatie van partners: bestuurlijke, fiscale, financiële en politie- en justitiegegevens, "
                    + "waaronder strafrechtelijke gegevens (art. 10 AVG)", "de integrale casusanalyse"]),
            new("casus-uitvoeren", Versie, "Uitvoeren interventies", Stap.Uitvoeren,
                "Vastleggen van de bestuurlijke, strafrechtelijke, fiscale en overige interventies die partners met hun eigen "
                + "bevoegdheden uitvoeren, en van de resultaten daarvan.",
                Grondslag, volgtCasus, CasusBetrokkenen, [.. Subjectgegevens, "interventies met hun resultaten en bedragen"]),
            new("casus-evalueren", Versie, "Evalueren casus", Stap.Evalueren,
                "Vaststellen wat de interventies hebben opgeleverd, wat is geleerd en of een vervolg nodig is.",
                Grondslag, volgtCasus, CasusBetrokkenen, Subjectgegevens),
            new(AfgeslotenId, Versie, "Afsluiten casus", Stap.Afgesloten,
                "Afsluiten van de casus met reden en datum, en de gegevens bewaren voor verantwoording achteraf "
                + "tot het einde van de bewaartermijn.",
                Grondslag, $"{b.AfgeslotenMaanden} maanden na afsluiten (bewaarplicht {b.BewaarplichtMaanden} maanden), daarna "
                + "vernietigd via een goedgekeurde vernietigingslijst; het skelet (stappen, data, regio, thema's, instrumenten, "
                + "bedragen, partners) blijft voor de jaarcijfers.", CasusBetrokkenen, Subjectgegevens, b.AfgeslotenMaanden),
        };
        var termijnbewaking = new Verwerkingsactiviteit("casus-termijnbewaking", Versie, "Bewaken termijnen", null,
            "Vastleggen dat een termijn in een casus (beantwoorden van een informatieverzoek, registreren van een geadviseerde "
            + "interventie, maximale duur van een stap) is verstreken, zodat de wachtende partij en het RIEC dat zien.",
            Grondslag, volgtCasus, CasusBetrokkenen, Subjectgegevens);
        var import = new Verwerkingsactiviteit(ImportId, 1, "Importeren casus", null,
            "Overnemen van een bestaande casus uit de eerdere registratie van een RIEC, met zijn gedateerde stappen, zodat het werk "
            + "aan de casus en de verantwoording erover in Casus verdergaan.",
            Grondslag, volgtCasus, CasusBetrokkenen, Subjectgegevens);
        var vernietigen = new Verwerkingsactiviteit(VernietigenId, 1, "Vernietigen persoonsgegevens", null,
            "Vernietigen van de persoonsgegevens van casussen waarvan de bewaartermijn is verstreken, volgens een door twee "
            + "privacyfunctionarissen goedgekeurde vernietigingslijst, en vastleggen wat is vernietigd (verklaring van vernietiging).",
            "art. 5 lid 1 sub e AVG (opslagbeperking); Archiefwet 1995 (vernietiging volgens een vastgestelde lijst); "
            + "RIEC-LIEC-convenant en privacyprotocol",
            "De verklaring van vernietiging en de verwerkingsrecords (met pseudoniemen) blijven permanent; zij bevatten geen "
            + "persoonsgegevens van subjecten.",
            CasusBetrokkenen, Subjectgegevens);
        var rechten = new Verwerkingsactiviteit(RechtenId, 1, "Rechten van betrokkenen", null,
            "Rectificeren (art. 16 AVG) en op verzoek wissen (art. 17 AVG) van de gegevens van een subject, met de reden en de "
            + "juridische toets.",
            "art. 12, 16 en 17 AVG; RIEC-LIEC-convenant en privacyprotocol",
            "Het verzoek (met pseudoniem, grond, kenmerk en uitkomst per casus) blijft permanent; de gecorrigeerde gegevens volgen de casus.",
            CasusBetrokkenen, Subjectgegevens);
        return new Register(stappen, termijnbewaking, import, vernietigen, rechten);
    }
}
