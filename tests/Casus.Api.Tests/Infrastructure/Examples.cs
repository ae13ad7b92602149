using Casus.Domain.Toegang;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>A command on a casus, given by <paramref name="Als"/>.</summary>
public sealed record Step(string Segment, object Body, Actor Als);

/// <summary>Request bodies as a partner system would send them (anonymous objects: the wire format, not our C# types).</summary>
public static class Examples
{
    public const string TilburgId = "00000001001172773000";
    public const string BelastingdienstId = "00000001003214369000";
    public const string PolitieId = "00000001003214345000";
    public static readonly object Tilburg = new { id = TilburgId, naam = "Gemeente Tilburg", type = "gemeente" };
    public static readonly object Politie = new { id = PolitieId, naam = "Politie eenheid Zeeland-West-Brabant", type = "politie" };
    public static readonly object Belastingdienst = new { id = BelastingdienstId, naam = "Belastingdienst", type = "belastingdienst" };

    public static object Signaal(string regio = "taskforce-brabant-zeeland", string datum = "2026-11-02") => new
    {
        regio,
        indiener = Tilburg,
        datum,
        omschrijving = "Hennepkwekerij in bedrijfspand; huurder is een recent opgerichte bv.",
        themas = new object[] { new { soort = "hennepteelt-en-drugs" }, new { soort = "regionaal", naam = "Buitengebied" } },
    };

    public static object Verkenning => new { coordinator = "J. de Vries" };

    public static object Opnemen => new
    {
        besluit = "opnemen",
        motivering = "Bestuurlijke, strafrechtelijke en fiscale interventies denkbaar.",
        partners = new[] { Tilburg, Politie, Belastingdienst },
    };

    public static object Subject => new { soort = "rechtspersoon", kvkNummer = "12345678", naam = "Ringbaan Vastgoed B.V." };
    public static object Verzoek => new { aanPartnerId = BelastingdienstId, vraag = "Fiscale gegevens van de bv?", grondslag = "art. 43c AWR" };

    public static object Bijdrage(int? verzoekNummer = 1) => new
    {
        doorPartnerId = BelastingdienstId, categorie = "fiscaal", samenvatting = "Geen aangifte Vpb sinds oprichting.",
        grondslag = "art. 43c AWR", verzoekNummer,
    };

    public static object Analyse => new { samenvatting = "Witwassen via vastgoed; pand gebruikt voor hennepteelt." };

    public static object Advies => new
    {
        interventies = new object[]
        {
            new { instrument = "bestuurlijk", partnerId = TilburgId, omschrijving = "Sluiting pand (art. 13b Opiumwet)." },
            new { instrument = "fiscaal", partnerId = BelastingdienstId, omschrijving = "Navorderingsaanslag Vpb." },
        },
        datum = "2026-11-16",
    };

    public static object Interventie(int adviesNummer = 2) => new
    {
        instrument = "fiscaal", partnerId = BelastingdienstId, datum = "2026-11-20", resultaat = "Aanslag opgelegd, beslag gelegd.",
        bedragen = new { opgelegd = 412000.00m, geindOfVerrekend = 0m, beslag = 412000.00m }, adviesNummer,
    };

    public static object Afronding => new { toelichting = "Interventies uitgevoerd." };
    public static object Evaluatie => new { effect = "Pand gesloten, aanslag zekergesteld.", lessen = "Belastingdienst vroeg betrekken." };
    public static object Terug(string naar) => new { naar, reden = "Huurder gebruikt een nieuw pand." };
    public static object Afsluiting(string datum = "2026-11-22") => new { reden = "Geëvalueerd; geen vervolg nodig.", datum };

    /// <summary>Brings a new casus to informatie-delen-en-analyseren with three partners and a subject.</summary>
    public static Step[] ToInformatieDelen =>
    [
        new("verkenning", Verkenning, Personas.Coordinator()), new("subjecten", Subject, Personas.Coordinator()),
        new("verkenningsbesluit", Opnemen, Personas.Coordinator()),
    ];

    /// <summary>From informatie-delen-en-analyseren to uitvoeren.</summary>
    public static Step[] ToUitvoeren =>
    [
        new("informatieverzoeken", Verzoek, Personas.Coordinator()), new("informatiebijdragen", Bijdrage(), Personas.Belastingdienst),
        new("analyse", Analyse, Personas.Analist), new("interventieadviezen", Advies, Personas.Analist),
    ];
}
