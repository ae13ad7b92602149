using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Toegang;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Casus.Api.Tests.Toegang;

/// <summary>The people of the access matrices, by the short names used as table columns. The example casus is in
/// Taskforce Brabant-Zeeland, submitted by Gemeente Tilburg; Tilburg, Politie and Belastingdienst join at opname.</summary>
public static class Wie
{
    /// <summary>Every persona of the matrices, in column order.</summary>
    public static readonly IReadOnlyList<string> Iedereen =
        ["anoniem", "coord", "coordL", "analist", "tilburg", "belast", "politie", "maastr", "auditor", "auditL", "landel", "liec", "privacy"];

    /// <summary>The actor behind a column name; null: no token at all.</summary>
    public static Actor? Actor(string naam) => naam switch
    {
        "anoniem" => null,
        "coord" => Personas.Coordinator(),
        "coordL" => Personas.CoordinatorLimburg,
        "analist" => Personas.Analist,
        "tilburg" => Personas.Tilburg,
        "belast" => Personas.Belastingdienst,
        "politie" => Personas.Politie,
        "maastr" => Personas.Maastricht,
        "auditor" => Personas.Auditor,
        "auditL" => Personas.AuditorLimburg,
        "landel" => Personas.LandelijkeAuditor,
        "liec" => Personas.Liec,
        "privacy" => Personas.Privacyfunctionaris,
        _ => throw new ArgumentException($"Unknown persona column '{naam}'.", nameof(naam)),
    };

    public const string MaastrichtId = "00000001002220647000";

    /// <summary>Gemeente Maastricht as it appears in request bodies.</summary>
    public static readonly object MaastrichtOrganisatie = new { id = MaastrichtId, naam = "Gemeente Maastricht", type = "gemeente" };

    /// <summary>RIEC Zeeland-West-Brabant, the organisation of the coordinator, analyst and auditor personas.</summary>
    public static readonly object RiecZwbOrganisatie = new { id = "riec-zwb", naam = "RIEC Zeeland-West-Brabant", type = "riec" };

    /// <summary>A signaal brought in by <paramref name="indiener"/> (the example text and themes).</summary>
    public static object Signaal(object indiener, string regio = "taskforce-brabant-zeeland") => new
    {
        regio,
        indiener,
        datum = "2026-11-02",
        omschrijving = "Hennepkwekerij in bedrijfspand; huurder is een recent opgerichte bv.",
        themas = new object[] { new { soort = "hennepteelt-en-drugs" } },
    };
}

/// <summary>One expected outcome in a table: a status and, for errors, the problem code.</summary>
/// <remarks>Tokens: <c>200</c>/<c>201</c> success; <c>401</c> not authenticated (toegang.niet-aangemeld);
/// <c>404</c> casus.niet-gevonden; <c>rol</c> 403 toegang.rol-ontbreekt; <c>org</c> 403 toegang.andere-organisatie.</remarks>
public sealed record Verwacht(HttpStatusCode Status, string? Code)
{
    public bool IsSucces => (int)Status is >= 200 and < 300;

    public static Verwacht Parse(string token) => token switch
    {
        "200" => new(HttpStatusCode.OK, null),
        "201" => new(HttpStatusCode.Created, null),
        "401" => new(HttpStatusCode.Unauthorized, "toegang.niet-aangemeld"),
        "404" => new(HttpStatusCode.NotFound, "casus.niet-gevonden"),
        "rol" => new(HttpStatusCode.Forbidden, "toegang.rol-ontbreekt"),
        "org" => new(HttpStatusCode.Forbidden, "toegang.andere-organisatie"),
        _ => throw new ArgumentException($"Unknown expectation token '{token}'.", nameof(token)),
    };

    /// <summary>Asserts the status and, for an error, that the answer is problem+json with the code.</summary>
    public void Check(ApiResponse response, string cel)
    {
        Assert.True(response.Status == Status,
            $"{cel}: expected {(int)Status} {Code}, got {(int)response.Status}: {response.Body?.ToJsonString()}");
        if (Code is null) return;
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(Code == response.Code, $"{cel}: expected code {Code}, got {response.Code}: {response.Body?.ToJsonString()}");
        Assert.Equal((int)Status, response.Body!["status"]!.GetValue<int>());
        if (Status == HttpStatusCode.Unauthorized)
            Assert.Equal("Bearer", response.Message.Headers.WwwAuthenticate.Single().Scheme);
    }
}

/// <summary>Reads the expectation grids: a header line of persona columns (<see cref="Wie.Iedereen"/> names), then one
/// line per row: the row name and one token per column. Blank lines and lines starting with # are ignored.</summary>
public static class Toegangstabel
{
    public static IReadOnlyList<(string Rij, string Persona, string Token)> Lees(string tabel)
    {
        var regels = tabel.Split('\n').Select(r => r.Trim()).Where(r => r.Length > 0 && !r.StartsWith('#')).ToList();
        var kolommen = Woorden(regels[0]).Skip(1).ToList();
        foreach (var kolom in kolommen) _ = Wie.Actor(kolom); // unknown names fail fast
        var cellen = new List<(string, string, string)>();
        foreach (var regel in regels.Skip(1))
        {
            var woorden = Woorden(regel);
            if (woorden.Count != kolommen.Count + 1)
                throw new InvalidOperationException($"Row '{regel}' has {woorden.Count - 1} cells for {kolommen.Count} columns.");
            for (var i = 0; i < kolommen.Count; i++)
            {
                _ = Verwacht.Parse(woorden[i + 1]);
                cellen.Add((woorden[0], kolommen[i], woorden[i + 1]));
            }
        }
        return cellen;
    }

    public static TheoryData<string, string, string> Theorie(string tabel)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (rij, persona, token) in Lees(tabel)) data.Add(rij, persona, token);
        return data;
    }

    private static List<string> Woorden(string regel) => regel.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>A hidden casus must answer exactly like one that does not exist: same status and body, apart from the
    /// id itself and the per-request trace id.</summary>
    public static void AlsOnbestaand(ApiResponse verborgen, Guid verborgenId, ApiResponse onbestaand, Guid onbestaandId)
    {
        Assert.Equal(HttpStatusCode.NotFound, onbestaand.Status);
        Assert.Equal(onbestaand.ContentType, verborgen.ContentType);
        Assert.Equal(Normaliseer(onbestaand.Body, onbestaandId), Normaliseer(verborgen.Body, verborgenId));
    }

    private static string Normaliseer(JsonNode? body, Guid id)
    {
        var kopie = body!.DeepClone().AsObject();
        kopie.Remove("traceId");
        return kopie.ToJsonString().Replace(id.ToString(), "{casusId}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every row of a paged list, following the pages (page size 100).</summary>
    public static async Task<List<JsonNode>> AllePaginas(CasusClient client, string pad, object? body = null)
    {
        var rijen = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var scheiding = pad.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var url = $"{pad}{scheiding}pageSize=100&page={page}";
            var antwoord = (body is null ? await client.Get(url) : await client.Post(url, body)).AssertStatus(HttpStatusCode.OK);
            var resultaten = antwoord.Body!["results"]!.AsArray();
            rijen.AddRange(resultaten.Select(r => r!));
            if (antwoord.Body["next"] is null) return rijen;
        }
    }
}

/// <summary>The endpoints the API maps (method and route pattern), to check that the matrices leave none out.</summary>
public static class Endpoints
{
    public static IReadOnlyList<(string Methode, string Pad)> Van(CasusApi api) =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, Pad(e.RoutePattern.RawText!))))
            .ToList();

    /// <summary>"/api/v1/casussen/" (a group's own route) as "/api/v1/casussen"; "/" stays.</summary>
    private static string Pad(string raw) => "/" + raw.Trim('/');
}
