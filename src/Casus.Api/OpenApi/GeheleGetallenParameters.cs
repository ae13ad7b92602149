using Casus.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>Query parameters the endpoints take as text (to answer a bad value with a 400 naming it) are whole numbers to
/// a client: typed as integers with the bounds the server enforces, so generated clients take an int.</summary>
public sealed class GeheleGetallenParameters : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (int Min, int? Max, string Beschrijving)> Altijd = new()
    {
        ["page"] = (1, null, "Het paginanummer, vanaf 1."),
        ["pageSize"] = (1, Paging.MaxPageSize, $"Het aantal per pagina, 1 tot en met {Paging.MaxPageSize}; standaard 20."),
        ["stilNaDagen"] = (1, 3650, "Een casus is stil na zoveel dagen zonder activiteit van de organisatie."),
        ["versie"] = (1, null, "Een versie van de casus (de streamversie), vanaf 1."),
    };

    private static readonly Dictionary<string, (int Min, int? Max, string Beschrijving)> Verschillen = new()
    {
        ["van"] = (0, null, "De versie waarvandaan (0: vanaf het begin)."),
        ["tot"] = (1, null, "De versie tot en met welke; groter dan van."),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var verschillen = context.Description.RelativePath?.EndsWith("verschillen", StringComparison.Ordinal) == true;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            if (!Altijd.TryGetValue(parameter.Name!, out var regel) && !(verschillen && Verschillen.TryGetValue(parameter.Name!, out regel))) continue;
            parameter.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = regel.Min.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Maximum = regel.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            parameter.Description ??= regel.Beschrijving;
        }
        return Task.CompletedTask;
    }
}
