using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>Types as client generators need them: an enum is <c>type: string</c> (the generator writes only its values),
/// money is <c>type: number, format: decimal</c> (so C# clients get a decimal, not a double), and a polymorphic subject is
/// exactly one of its kinds (<c>oneOf</c> with the <c>soort</c> discriminator), not any number of them.</summary>
public sealed class TypenVoorGeneratoren : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 }) schema.Type = JsonSchemaType.String;
        if (type == typeof(decimal))
        {
            schema.Type = JsonSchemaType.Number | (schema.Type & JsonSchemaType.Null);
            schema.Format = "decimal";
            schema.Pattern = null;
        }
        if (schema.AnyOf is { Count: > 1 } && schema.Discriminator is not null)
        {
            schema.OneOf = schema.AnyOf;
            schema.AnyOf = null;
        }
        return Task.CompletedTask;
    }
}
