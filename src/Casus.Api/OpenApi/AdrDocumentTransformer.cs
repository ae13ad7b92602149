using System.Text.Json.Nodes;
using Casus.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>What the NL GOV API Design Rules (and their Spectral linter) ask of the document beyond what the generator
/// writes: the server URL with the major version (paths relative to it), <c>info.contact.url</c>, every response header
/// documented (API-Version on all; Location on 201; ETag where the casus is answered; Link on pages), a 400 on every
/// operation, the <c>Idempotency-Key</c> header on every POST, and the problem schema with <c>code</c> and
/// <c>invalidParams</c>.</summary>
public sealed class AdrDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BasePath = "/api/v1";

    private static readonly (string Name, string Description)[] Headers =
    [
        ("API-Version", "De volledige versie van de API (semver), op elk antwoord."),
        ("Location", "Het adres van de nieuw aangemaakte resource."),
        ("ETag", "De versie van de casus (zijn streamversie, bijvoorbeeld \"7\"); stuur hem als If-Match mee met een commando."),
        ("Link", "Links naar de eerste, vorige, volgende en laatste pagina (RFC 8288)."),
        ("Retry-After", "Over hoeveel seconden het verzoek opnieuw kan."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Contact = new OpenApiContact
        {
            Name = "Casus-team", Email = "casus@riec.nl", Url = new Uri("https://www.riec.nl/contact"),
        };
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/') + BasePath;
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
            paths.Add(path.StartsWith(BasePath + "/", StringComparison.Ordinal) ? path[BasePath.Length..] : path, item);
        document.Paths = paths;

        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description) in Headers)
            document.Components.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        Problem(document);

        foreach (var item in document.Paths.Values)
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operation.Responses ??= new OpenApiResponses();
                if (!operation.Responses.ContainsKey("400")) operation.Responses["400"] = ProblemResponse(document, "Ongeldig verzoek.");
                foreach (var (status, response) in operation.Responses)
                    if (response is OpenApiResponse r) AddHeaders(document, status, r);
                if (method == HttpMethod.Post) AddIdempotencyKey(operation);
            }
        return Task.CompletedTask;
    }

    private static void AddHeaders(OpenApiDocument document, string status, OpenApiResponse response)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        Add("API-Version");
        if (status == "503") Add("Retry-After");
        if (!status.StartsWith('2') && status != "304") return;
        var schema = response.Content?.Values.Select(c => c.Schema).OfType<OpenApiSchemaReference>().Select(s => s.Reference.Id).FirstOrDefault();
        if (status == "201") Add("Location");
        if (schema == "IntegraleCasus" || status == "304") Add("ETag");
        if (schema?.StartsWith("PaginaOf", StringComparison.Ordinal) == true) Add("Link");

        void Add(string name) => response.Headers[name] = new OpenApiHeaderReference(name, document);
    }

    private static void AddIdempotencyKey(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.Name == Idempotentie.Header)) return;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Idempotentie.Header,
            In = ParameterLocation.Header,
            Description = "Maakt het verzoek veilig herhaalbaar: hetzelfde verzoek met dezelfde sleutel geeft binnen 24 uur het oorspronkelijke " +
                "antwoord terug zonder iets opnieuw uit te voeren; dezelfde sleutel met een ander verzoek geeft 422. Bijvoorbeeld een UUID.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
            Example = JsonValue.Create("4f0c6a2e-9b1d-4c55-8f4e-2f7d1b2e8a10"),
        });
    }

    private static OpenApiResponse ProblemResponse(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };

    /// <summary>RFC 9457 with the API's extensions: the stable <c>code</c>, and <c>invalidParams</c> for invalid input.</summary>
    private static void Problem(OpenApiDocument document)
    {
        document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["InvalidParam"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Eén ongeldig veld.",
            Required = new HashSet<string> { "name", "code", "reason" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Het veld, als JSON-pad (bijvoorbeeld themas[0].soort)." },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Vaste code van de fout (required, max-length, invalid, ...)." },
                ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Uitleg voor mensen." },
            },
        };
        document.Components.Schemas["ProblemDetails"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Een fout volgens RFC 9457 (application/problem+json) met een vaste `code`.",
            Required = new HashSet<string> { "status", "title", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "URI van het soort fout." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Korte omschrijving van het soort fout." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "De HTTP-status." },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Uitleg van deze fout." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Het pad van het verzoek." },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Vaste code om op te programmeren, bijvoorbeeld ongeldige-invoer of casus.niet-gevonden." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Trace-id van het verzoek (W3C Trace Context)." },
                ["invalidParams"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("InvalidParam", document),
                    Description = "Bij ongeldige invoer: elk ongeldig veld.",
                },
            },
        };
    }
}
