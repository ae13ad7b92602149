using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>Properties that hold any JSON value (a changed field's old and new value, an event's data) are documented as
/// such: an empty schema, which every value (null included) matches, instead of the generator's <c>oneOf</c> of null and
/// an empty schema, which no non-null value matches exactly once in every validator and generated clients turn into
/// empty objects.</summary>
public sealed class JsonWaarden : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
            foreach (var (naam, eigenschap) in schema.Properties?.ToList() ?? [])
                if (IsWillekeurig(eigenschap) || eigenschap.OneOf?.Count == 2 && eigenschap.OneOf.Any(s => s.Type == JsonSchemaType.Null)
                    && eigenschap.OneOf.Any(IsWillekeurig))
                    schema.Properties![naam] = new OpenApiSchema { Description = eigenschap.Description ?? "Elke JSON-waarde, ook null." };
        return Task.CompletedTask;
    }

    private static bool IsWillekeurig(IOpenApiSchema schema) => schema is OpenApiSchemaReference { Reference.Id: "JsonNode" };
}
