using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>The API's own OpenAPI document as a contract for its answers: the JSON schema of the answer documented for a
/// method, path, status and media type. Component schemas become <c>$defs</c> of one JSON Schema 2020-12 document per
/// answer (OpenAPI 3.1 schemas are JSON Schema), built once and cached.</summary>
public sealed class OpenApiContract(JsonObject document)
{
    private const string BasePath = "/api/v1";
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private readonly List<(Regex Pattern, string Template, int Parameters)> _paths = document["paths"]!.AsObject()
        .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^/]+?}", "[^/]+") + "$"), p.Key, p.Key.Count(c => c == '{')))
        .OrderBy(p => p.Item3).ToList();

    /// <summary>What is wrong with <paramref name="body"/> as the answer to <paramref name="method"/> <paramref name="path"/>
    /// with <paramref name="status"/> and <paramref name="mediaType"/>; null when it is as documented.</summary>
    public string? Check(string method, string path, int status, string mediaType, JsonElement body)
    {
        var operation = Operation(method, path);
        var responses = operation?["responses"]?.AsObject();
        var documented = responses?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?["default"];
        JsonNode? schema;
        if (documented is null)
        {
            // Any error (also on paths outside the document, such as an unknown path) is a problem of the documented shape.
            if (status >= 400 && mediaType == "application/problem+json") schema = new JsonObject { ["$ref"] = "#/components/schemas/ProblemDetails" };
            else if (operation is null) return null;
            else return $"status {status} is not documented for {method} {path}";
        }
        else
        {
            schema = documented["content"]?[mediaType]?["schema"];
            if (schema is null) return $"{mediaType} is not documented for {method} {path} {status}";
        }

        var key = $"{method} {path} {status} {mediaType}";
        var compiled = _schemas.GetOrAdd(Template(path) is { } t ? $"{method} {t} {status} {mediaType}" : key, _ => Build(schema));
        var result = compiled.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return null;
        var errors = result.Details?.Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10) ?? [];
        return $"{method} {path} {status} does not match its OpenAPI schema: {string.Join("; ", errors)}";
    }

    private JsonObject? Operation(string method, string path)
    {
        if (!path.StartsWith(BasePath + "/", StringComparison.Ordinal)) return null;
        return Template(path) is { } template ? document["paths"]![template]?[method.ToLowerInvariant()]?.AsObject() : null;
    }

    private string? Template(string path)
    {
        var relative = path.StartsWith(BasePath, StringComparison.Ordinal) ? path[BasePath.Length..] : path;
        return _paths.FirstOrDefault(p => p.Pattern.IsMatch(relative)).Template;
    }

    private JsonSchema Build(JsonNode schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://casus.test/antwoord/{Guid.NewGuid():N}"));
    }
}

/// <summary>Checks every answer a test receives against the OpenAPI document: a test fails on an answer that does not
/// match its documented schema, or that has a status or media type the document does not give.</summary>
public sealed class OpenApiAntwoordValidatie(Func<Task<OpenApiContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (request.Method == HttpMethod.Head || mediaType is not ("application/json" or "application/problem+json")) return response;
        await response.Content.LoadIntoBufferAsync(ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (bytes.Length == 0) return response;
        using var body = JsonDocument.Parse(bytes);
        var fout = (await contract()).Check(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, mediaType, body.RootElement);
        if (fout is not null) throw new InvalidOperationException($"Answer not as documented in openapi.json: {fout}\n{System.Text.Encoding.UTF8.GetString(bytes)}");
        return response;
    }
}
