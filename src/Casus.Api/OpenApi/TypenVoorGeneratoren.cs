using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>Types as client generators need them: an enum is <c>type: string</c> (the generator writes only its values),
/// and money is <c>type: number, format: decimal</c> (so C# clients get a decimal, not a double).</summary>
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
        return Task.CompletedTask;
    }
}
