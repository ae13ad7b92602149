using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>The limits of request fields that the generator does not write itself (it writes <c>maxLength</c>,
/// <c>maxItems</c> and <c>minimum</c>/<c>maximum</c> from the same attributes <see cref="Velden{T}"/> enforces): the length
/// of each text in a list (<see cref="ItemMaxLengthAttribute"/>), and <c>minLength: 1</c> for a required text (the server
/// refuses an empty or blank one).</summary>
public sealed class VeldgrenzenSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var attributen = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(true).OfType<Attribute>().ToList() ?? [];
        if (attributen.OfType<ItemMaxLengthAttribute>().SingleOrDefault() is { } item && schema.Items is OpenApiSchema items)
        {
            items.MaxLength = item.Length;
            items.MinLength = 1;
        }
        if (attributen.OfType<RequiredAttribute>().Any() && attributen.OfType<MaxLengthAttribute>().Any()
            && schema.Type is { } type && type.HasFlag(JsonSchemaType.String))
            schema.MinLength = 1;
        return Task.CompletedTask;
    }
}
