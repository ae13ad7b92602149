using System.Text.Json.Nodes;
using Casus.Api.Casussen.Requests;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>The verkenningsbesluit's conditional requirements, as the server enforces them: <c>opnemen</c> needs
/// <c>motivering</c> and <c>partners</c>, <c>niet-opnemen</c> needs <c>reden</c>.</summary>
public sealed class VerkenningsbesluitSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(VerkenningsbesluitRequest)) return Task.CompletedTask;
        schema.Required = new HashSet<string> { "besluit" };
        schema.OneOf =
        [
            Variant("opnemen", "Opnemen als integrale casus: met motivering en de benodigde partners.", "motivering", "partners"),
            Variant("niet-opnemen", "Niet opnemen: met een reden; de casus wordt afgesloten.", "reden"),
        ];
        return Task.CompletedTask;
    }

    private static OpenApiSchema Variant(string besluit, string description, params string[] verplicht) => new()
    {
        Description = description,
        Required = new HashSet<string>(verplicht.Prepend("besluit")),
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["besluit"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(besluit)] },
        },
    };
}
