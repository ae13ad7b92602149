using Casus.Domain.Toegang;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>A command on a casus, given by <paramref name="Als"/>.</summary>
public sealed record Step(string Segment, object Body, Actor Als);

/// <summary>Request bodies as a partner system would send them (anonymous objects: the wire format, not our C# types). Each
/// step is dated in the order of the six steps (signaal 2 November 2026, closing 22 November; "today" is 23 November), as
/// the business-date rules require.</summary>
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

    public static object Verkenning => new { coordinator = "J. de Vries", datum = "2026-11-03" };

    public static object Opnemen => new
    {
        besluit = "opnemen",
        motivering = "Bestuurlijke, strafrechtelijke en fiscale interventies denkbaar.",
        partners = new[] { Tilburg, Politie, Belastingdienst },
        datum = "2026-11-05",
    };

    public static object Subject => new { soort = "rechtspersoon", kvkNummer = "12345678", naam = "Ringbaan Vastgoed B.V." };
    public static object Verzoek => new
    {
        aanPartnerId = BelastingdienstId, vraag = "Fiscale gegevens van de bv?", grondslag = "art. 43c AWR", antwoordVoor = "2026-12-07", datum = "2026-11-06",
    };

    public static object Bijdrage(int? verzoekNummer = 1) => new
    {
        doorPartnerId = BelastingdienstId, categorie = "fiscaal", samenvatting = "Geen aangifte Vpb sinds oprichting.",
        grondslag = "art. 43c AWR", verzoekNummer, datum = "2026-11-10",
    };

    public static object Analyse => new { samenvatting = "Witwassen via vastgoed; pand gebruikt voor hennepteelt.", datum = "2026-11-13" };

    public static object Advies => new
    {
        interventies = new object[]
        {
            new { instrument = "bestuurlijk", partnerId = TilburgId, omschrijving = "Sluiting pand (art. 13b Opiumwet)." },
            new { instrument = "fiscaal", partnerId = BelastingdienstId, omschrijving = "Navorderingsaanslag Vpb." },
        },
        datum = "2026-11-16",
    };

    public static object Interventie(int adviesNummer = 2, string datum = "2026-11-20") => new
    {
        instrument = "fiscaal", partnerId = BelastingdienstId, datum, resultaat = "Aanslag opgelegd, beslag gelegd.",
        bedragen = new { opgelegd = 412000.00m, geindOfVerrekend = 0m, beslag = 412000.00m }, adviesNummer,
    };

    public static object Afronding => new { toelichting = "Interventies uitgevoerd.", datum = "2026-11-21" };
    public static object Evaluatie => new { effect = "Pand gesloten, aanslag zekergesteld.", lessen = "Belastingdienst vroeg betrekken.", datum = "2026-11-21" };
    public static object Terug(string naar) => new { naar, reden = "Huurder gebruikt een nieuw pand.", datum = "2026-11-21" };
    public static object Afsluiting(string datum = "2026-11-22") => new { reden = "Geëvalueerd; geen vervolg nodig.", datum };

    /// <summary>Brings a new casus to informatie-delen-en-analyseren with three partners and a subject.</summary>
    public static Step[] ToInformatieDelen =>
    [
        new("verkenning", Verkenning, Personas.Coordinator()), new("subjecten", Subject, Personas.Coordinator()),
        new("verkenningsbesluit", Opnemen, Personas.Coordinator()),
    ];

    /// <summary>"Today" in the tests (<see cref="CasusApi.Now"/>).</summary>
    public const string Vandaag = "2026-11-23";

    /// <summary>The signaal dated today: where the term monitoring runs, an older signaal would be overdue in its first step
    /// (14 days) the moment it is registered.</summary>
    public static object SignaalVandaag => Signaal(datum: Vandaag);

    /// <summary>The same body dated <paramref name="datum"/> where it has a business date.</summary>
    public static System.Text.Json.Nodes.JsonObject OpDatum(object body, string datum = Vandaag)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        if (json.ContainsKey("datum")) json["datum"] = datum;
        return json;
    }

    /// <summary>The same body without its business date: the API dates the step today (as a client that sends no dates).</summary>
    public static System.Text.Json.Nodes.JsonObject ZonderDatum(object body)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        json.Remove("datum");
        return json;
    }

    /// <summary>An information request without its last day for the answer (the API gives the default term).</summary>
    public static System.Text.Json.Nodes.JsonObject ZonderAntwoordVoor(System.Text.Json.Nodes.JsonObject verzoek)
    {
        verzoek.Remove("antwoordVoor");
        return verzoek;
    }

    /// <summary><see cref="ToInformatieDelen"/> with every step dated today (after <see cref="SignaalVandaag"/>).</summary>
    public static Step[] ToInformatieDelenVandaag => [.. ToInformatieDelen.Select(s => s with { Body = OpDatum(s.Body) })];

    /// <summary><see cref="ToUitvoeren"/> with every step dated today.</summary>
    public static Step[] ToUitvoerenVandaag => [.. ToUitvoeren.Select(s => s with { Body = OpDatum(s.Body) })];

    /// <summary>From informatie-delen-en-analyseren to uitvoeren.</summary>
    public static Step[] ToUitvoeren =>
    [
        new("informatieverzoeken", Verzoek, Personas.Coordinator()), new("informatiebijdragen", Bijdrage(), Personas.Belastingdienst),
        new("analyse", Analyse, Personas.Analist), new("interventieadviezen", Advies, Personas.Analist),
    ];
}
