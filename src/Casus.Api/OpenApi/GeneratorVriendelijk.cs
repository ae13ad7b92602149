using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>The last pass over the document, so generated clients need no hand-fixes (checked by .ci/contract with Kiota and
/// NSwag):
/// <list type="bullet">
/// <item>No null in the schemas: the API writes no null properties (an absent property is the value null), so an optional
/// value is simply not required. A nullable reference (<c>oneOf: [{type: null}, {$ref}]</c>) becomes the reference, a
/// <c>type: [null, string]</c> becomes <c>string</c>, and an enum has no <c>null</c> member (Kiota made it a sentinel).</item>
/// <item>A polymorphic type (a <c>discriminator</c> over component schemas, e.g. <c>Subject</c>) is a base schema with the
/// discriminator property and its <c>mapping</c>, and each kind extends it with <c>allOf</c>: the form both generators turn
/// into a base class with subclasses chosen by <c>soort</c>. As <c>oneOf</c> NSwag 14.7 types the property as the first kind
/// or as an empty class, and as <c>anyOf</c> Kiota fills every kind from one object.</item>
/// </list></summary>
public sealed class GeneratorVriendelijk : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (naam, schema) in schemas.ToList())
            if (schema is OpenApiSchema s && s.Discriminator is { Mapping.Count: > 0 } && (s.AnyOf ?? s.OneOf) is { Count: > 0 })
                Basis(document, naam, s);
        foreach (var (naam, schema) in schemas)
            if (schema is OpenApiSchema s)
            {
                // An answer leaves a null property out, so a nullable one is not required there; a request's required field
                // stays required (the server refuses it absent or null).
                if (!naam.EndsWith("Request", StringComparison.Ordinal) && s.Required is { Count: > 0 } verplicht && s.Properties is { } velden)
                    foreach (var (veld, eigenschap) in velden)
                        if (KanNullZijn(eigenschap)) verplicht.Remove(veld);
                ZonderNull(s);
            }
        foreach (var parameter in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Parameters ?? []))
            if (parameter.Schema is OpenApiSchema s) ZonderNull(s);
        return Task.CompletedTask;
    }

    /// <summary>Base schema <paramref name="naam"/> with the discriminator; every kind in its mapping as <c>allOf</c> [base, own
    /// properties].</summary>
    private static void Basis(OpenApiDocument document, string naam, OpenApiSchema basis)
    {
        var eigenschap = basis.Discriminator!.PropertyName!;
        basis.AnyOf = null;
        basis.OneOf = null;
        basis.Type = JsonSchemaType.Object;
        basis.Required = new HashSet<string> { eigenschap };
        basis.Properties = new Dictionary<string, IOpenApiSchema>
        {
            [eigenschap] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = basis.Discriminator.Mapping!.Keys.Select(k => (JsonNode)JsonValue.Create(k)!).ToList(),
                Description = "Welke soort dit is; bepaalt welke velden er bij horen.",
            },
        };
        foreach (var soort in basis.Discriminator.Mapping.Values.Select(r => r.Reference.Id!).Distinct())
        {
            if (document.Components!.Schemas![soort] is not OpenApiSchema eigen) continue;
            var properties = (eigen.Properties ?? new Dictionary<string, IOpenApiSchema>()).Where(p => p.Key != eigenschap)
                .ToDictionary(p => p.Key, p => p.Value);
            document.Components.Schemas[soort] = new OpenApiSchema
            {
                Description = eigen.Description,
                AllOf =
                [
                    new OpenApiSchemaReference(naam, document),
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>((eigen.Required ?? new HashSet<string>()).Where(r => r != eigenschap)),
                        Properties = properties,
                    },
                ],
            };
        }
    }

    /// <summary>Null allowed: in the type, as a <c>oneOf</c> alternative, or any JSON value (an empty schema, <see cref="JsonWaarden"/>).</summary>
    private static bool KanNullZijn(IOpenApiSchema schema) =>
        schema.Type is { } type && type.HasFlag(JsonSchemaType.Null) || schema.OneOf?.Any(o => o.Type == JsonSchemaType.Null) == true
        || schema is OpenApiSchema { Type: null, OneOf: null, AnyOf: null, AllOf: null, Properties: null, Enum: null };

    private static void ZonderNull(OpenApiSchema schema)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null) schema.Type = type & ~JsonSchemaType.Null;
        if (schema.Enum is { Count: > 0 } waarden && waarden.Any(w => w is null))
            schema.Enum = waarden.Where(w => w is not null).ToList();
        if (schema.Properties is { } properties)
            foreach (var (naam, eigenschap) in properties.ToList())
                properties[naam] = ZonderNull(eigenschap);
        if (schema.Items is { } items) schema.Items = ZonderNull(items);
        if (schema.AdditionalProperties is { } extra) schema.AdditionalProperties = ZonderNull(extra);
        foreach (var deel in (schema.AllOf ?? []).OfType<OpenApiSchema>()) ZonderNull(deel);
    }

    /// <summary>A property's schema without its null alternative: <c>oneOf [{type: null}, X]</c> is X (a reference keeps the
    /// property's description).</summary>
    private static IOpenApiSchema ZonderNull(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { OneOf: { Count: 2 } of } s && of.Count(o => o.Type == JsonSchemaType.Null) == 1)
        {
            var rest = of.Single(o => o.Type != JsonSchemaType.Null);
            var beschrijving = s.Description ?? rest.Description;
            if (rest is OpenApiSchemaReference r)
                return new OpenApiSchemaReference(r.Reference.Id!, r.Reference.HostDocument) { Description = beschrijving };
            if (rest is OpenApiSchema o)
            {
                o.Description = beschrijving;
                ZonderNull(o);
                return o;
            }
        }
        if (schema is OpenApiSchema gewoon) ZonderNull(gewoon);
        return schema;
    }
}
