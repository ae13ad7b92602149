using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.BestuurlijkeSignalen;

/// <summary>Bodies of the signaal procedure as a client sends them (raw JSON shapes), and a walk through it.</summary>
public static class SignaalVoorbeelden
{
    public const string Base = "/api/v1/bestuurlijke-signalen";

    public static readonly object Tilburg = new
    {
        organisatie = Examples.Tilburg, vertegenwoordiger = new { naam = "J. van den Berg", functie = "Burgemeester van Tilburg" },
    };

    public static object Inhoud(string reden = "Pas opgerichte bv's kopen bedrijfspanden contant en gebruiken ze voor hennepteelt.",
        string conclusie = "Zonder toetsing van de herkomst van middelen blijft deze route open.") => new
    {
        titel = "Contante aankoop van bedrijfspanden door pas opgerichte bv's",
        aanleiding = new { reden, maatschappelijkeRelevantie = "Crimineel geld wordt in legaal vastgoed belegd." },
        bevindingen = new[] { new { knelpunt = "De herkomst van middelen wordt niet getoetst zonder hypotheek.", bronnen = new[] { "Casusanalyse RIEC ZWB 2026" } } },
        criteria = new
        {
            misbruikLegaleProcessen = "Vrije overdracht van vastgoed wordt gebruikt om geld wit te wassen.",
            structureel = "Kwam in meerdere casussen en regio's terug.",
            landelijkNiveau = "Alleen een wetswijziging lost dit op.",
        },
        conclusie,
        aanbevelingen = new[] { new { bewindspersoon = "Minister van Financiën", wat = "Toetsingsplicht voor notarissen.", beoogdEffect = "Minder contante aankopen." } },
    };

    public static object Opstellen(Guid? casusId = null, object? inhoud = null) =>
        new { casusId, datum = "2026-11-02", indieners = new[] { Tilburg }, inhoud = inhoud ?? Inhoud() };

    public static Guid Id(ApiResponse r) => Guid.Parse(r.Body!["id"]!.GetValue<string>());

    public static async Task<Guid> NieuwAsync(CasusApi api, Guid? casusId = null) =>
        Id((await api.Client(Personas.Tilburg).Post(Base, Opstellen(casusId))).AssertStatus(HttpStatusCode.Created));

    public static Task<ApiResponse> Commando(CasusApi api, Casus.Domain.Toegang.Actor als, Guid id, string segment, object body, string? ifMatch = null) =>
        api.Client(als).Post($"{Base}/{id}/{segment}", body, ifMatch);

    /// <summary>Brings a new signaal to <c>definitief-ingediend</c>; returns its id.</summary>
    public static async Task<Guid> IngediendAsync(CasusApi api)
    {
        var id = await NieuwAsync(api);
        (await Commando(api, Personas.LiecLoket, id, "toetsingsoverleg", new { datum = "2026-11-10", ministeries = new[] { "Ministerie van Financiën" } }))
            .AssertStatus(HttpStatusCode.OK);
        (await Commando(api, Personas.Tilburg, id, "definitieve-indiening", new { datum = "2026-11-16" })).AssertStatus(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Brings a new signaal to <c>aangeboden-aan-bewindspersonen</c> (offered on <paramref name="datum"/>).</summary>
    public static async Task<Guid> AangebodenAsync(CasusApi api, string datum = "2026-11-18")
    {
        var id = await IngediendAsync(api);
        (await Commando(api, Personas.LiecLoket, id, "aanbieding", new { datum, ministeries = new[] { "Ministerie van Financiën" } }))
            .AssertStatus(HttpStatusCode.OK);
        return id;
    }

    public static string Tekst(this JsonNode? node, string name) => node![name]!.GetValue<string>();
}
