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
        // if/then/else rather than oneOf: generated clients keep one request class with all fields, and validators
        // (the linter's example check, the tests' schema validation) still see which fields each decision needs.
        schema.Required = new HashSet<string> { "besluit" };
        schema.If = new OpenApiSchema
        {
            Properties = new Dictionary<string, IOpenApiSchema> { ["besluit"] = new OpenApiSchema { Const = "opnemen" } },
        };
        schema.Then = new OpenApiSchema
        {
            Description = "Opnemen als integrale casus: met motivering en de benodigde partners, zonder reden.",
            Required = new HashSet<string> { "motivering", "partners" },
        };
        schema.Else = new OpenApiSchema
        {
            Description = "Niet opnemen: met een reden, zonder motivering en partners; de casus wordt afgesloten.",
            Required = new HashSet<string> { "reden" },
        };
        return Task.CompletedTask;
    }
}
