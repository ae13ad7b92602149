using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Toegang;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Casus.Api.Import;

/// <summary><c>POST /api/v1/beheer/importen</c>: import existing casussen and ondermijningsbeelden (role beheerder), as a JSON
/// Lines file (<c>application/x-ndjson</c>) or as a JSON array of the same lines (<c>application/json</c>); docs/import.md.</summary>
public static class ImportEndpoints
{
    public const string Pad = "/api/v1/beheer/importen";

    /// <summary>The largest import body (<c>Casus:Import:MaxBodyBytes</c>, default 256 MiB), instead of the API's usual maximum.</summary>
    public const string MaxBodySetting = "Casus:Import:MaxBodyBytes";
    public const long StandaardMaxBody = 256L * 1024 * 1024;

    private static readonly string[] NdJson = ["application/x-ndjson", "application/jsonl", "application/json-lines"];

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Pad, Importeren)
            .RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .WithTags("Beheer")
            .WithName("casussen-importeren")
            .WithSummary("Bestaande casussen en ondermijningsbeelden importeren uit de eerdere registratie van een regio (beheerder)")
            .WithDescription("Eén casus (of ondermijningsbeeld) per regel, met de eigen referentie van de regio; elke stap van een casus is de body " +
                "van het API-commando met zijn datum (docs/import.md, JSON Schema docs/import.schema.json). Elke regel wordt beslist zoals de API " +
                "beslist (dezelfde validatie, overgangstabel en regels) en in zijn geheel geïmporteerd of geweigerd; elke gebeurtenis zegt dat " +
                "zij geïmporteerd is (batch, bronsysteem, wie). `proefdraai=true`: alles wordt beslist, niets vastgelegd. Een regel waarvan de " +
                "regio de referentie al heeft, wordt overgeslagen: opnieuw importeren voegt niets dubbel toe. Antwoordt met het verslag per " +
                $"regel: `ok`, `geweigerd` (met de code van de regel) of `overgeslagen`. Eén import tegelijk (anders 409 `{Importcodes.LooptAl}`).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "Het importbestand: JSON Lines (één JSON-object per regel), of dezelfde objecten als JSON-array.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Array,
                                Items = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.Object,
                                    Description = "Eén regel: een casus (`soort: casus`) of een ondermijningsbeeld (`soort: ondermijningsbeeld`); zie docs/import.schema.json.",
                                },
                            },
                            Example = JsonNode.Parse("[" + string.Join(",", Importvoorbeeld.Regels) + "]"),
                        },
                        ["application/x-ndjson"] = new()
                        {
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "JSON Lines: één regel per casus of ondermijningsbeeld." },
                            Example = JsonValue.Create(string.Join("\n", Importvoorbeeld.Regels) + "\n"),
                        },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<Importverslag>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> Importeren(HttpContext http, [FromQuery] string? proefdraai, [FromQuery] string? bronsysteem,
        Importeur importeur, CancellationToken ct)
    {
        var actor = http.Actor();
        var toegang = Toegangsregels.Importeren(actor);
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        var v = new InputValidator(default);
        var bron = v.Text(bronsysteem, "bronsysteem", 100);
        var droog = proefdraai switch
        {
            null or "false" => false,
            "true" => true,
            _ => Ongeldig(v, "proefdraai", "true of false."),
        };
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        var mediatype = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var alsJson = mediatype == "application/json";
        if (!alsJson && !NdJson.Contains(mediatype)) return Problems.Result(Problems.UnsupportedMediaType(http.Request.ContentType));

        var trace = TraceContext.Of(http);
        var opdracht = new Importopdracht(Guid.CreateVersion7(), actor, bron, droog, trace.TraceId, trace.SpanId, http.Herkomst());
        try
        {
            var invoer = alsJson ? await JsonRegelsAsync(http.Request.Body, ct) : Regels(http.Request.Body, ct);
            return TypedResults.Ok(await importeur.VoerUitAsync(invoer, opdracht, ct));
        }
        catch (JsonException)
        {
            return Problems.Result(Problems.MalformedJson([new InvalidParam("body", "invalid", "Een JSON-array van importregels.")]));
        }
        catch (ImportLooptAlException e)
        {
            return Problems.Result(Problems.ImportLooptAl(e.Message));
        }
    }

    private static bool Ongeldig(InputValidator v, string naam, string reden)
    {
        v.Add(naam, "invalid", reden);
        return false;
    }

    /// <summary>The lines of a JSON Lines body, numbered as an editor numbers them.</summary>
    public static async IAsyncEnumerable<Importinvoer> Regels(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var lezer = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var nummer = 0;
        while (await lezer.ReadLineAsync(ct) is { } tekst)
            yield return new Importinvoer(++nummer, tekst);
    }

    /// <summary>The elements of a JSON array body, numbered from 1.</summary>
    private static async Task<IAsyncEnumerable<Importinvoer>> JsonRegelsAsync(Stream body, CancellationToken ct)
    {
        var array = await JsonNode.ParseAsync(body, cancellationToken: ct) as JsonArray ?? throw new JsonException("Geen array.");
        return array.Select((regel, i) => new Importinvoer(i + 1, regel?.ToJsonString() ?? "null")).ToAsyncEnumerable();
    }
}
