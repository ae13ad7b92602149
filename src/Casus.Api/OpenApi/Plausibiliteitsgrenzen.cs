using System.Globalization;
using System.Text.Json.Nodes;
using Casus.Api.Http;
using Casus.Domain.Gedeeld;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casus.Api.OpenApi;

/// <summary>The plausibility bounds the server enforces (<see cref="Plausibiliteit"/>, docs/registratie.md), written in the
/// schema: amounts get <c>minimum</c> and <c>maximum</c>; business dates and dates of birth <c>format: date</c> with their
/// earliest day as <c>formatMinimum</c> (the keyword of ajv-formats and the JSON Schema format-minimum proposal; validators
/// that do not know it ignore it) and the window in the description (the latest day is today, which no static schema holds).</summary>
public sealed class Plausibiliteitsgrenzen : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(Bedragen))
            foreach (var eigenschap in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
            {
                eigenschap.Minimum = "0";
                eigenschap.Maximum = Plausibiliteit.MaximumBedrag.ToString("0", CultureInfo.InvariantCulture);
                eigenschap.Description = Aanvullen(eigenschap.Description,
                    $"In euro's, met hoogstens 2 decimalen, van 0 tot en met {Plausibiliteit.MaximumBedrag:0}.");
            }
        var attributen = context.JsonPropertyInfo?.AttributeProvider;
        if (attributen is null) return Task.CompletedTask;
        if (attributen.IsDefined(typeof(BedrijfsdatumAttribute), true))
            Datum(schema, Plausibiliteit.VroegsteDatum);
        else if (attributen.IsDefined(typeof(GeboortedatumAttribute), true))
            Datum(schema, Plausibiliteit.VroegsteGeboortedatum);
        return Task.CompletedTask;
    }

    private static void Datum(OpenApiSchema schema, DateOnly vroegste)
    {
        schema.Format = "date";
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions["formatMinimum"] = new JsonNodeExtension(JsonValue.Create(vroegste.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        schema.Description = Aanvullen(schema.Description, $"Niet voor {vroegste:yyyy-MM-dd} en niet in de toekomst.");
    }

    private static string Aanvullen(string? beschrijving, string grens) =>
        string.IsNullOrWhiteSpace(beschrijving) ? grens : beschrijving.Contains(grens, StringComparison.Ordinal) ? beschrijving : $"{beschrijving} {grens}";
}
