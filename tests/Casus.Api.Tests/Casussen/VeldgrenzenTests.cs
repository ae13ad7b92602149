using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casus.Api.BestuurlijkeSignalen;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Casussen;

/// <summary>The OpenAPI document as generators need it (no null alternatives, a discriminated base type for subjects), with
/// the limits the server enforces: every text of a request has its maximum length in the schema, and the server refuses one
/// character more and accepts exactly that many, for every text property of every command request.</summary>
public sealed class VeldgrenzenTests(CasusApi api) : IClassFixture<CasusApi>
{
    private async Task<JsonNode> Schemas() =>
        (await api.Client().Get("/api/v1/openapi.json")).AssertStatus(HttpStatusCode.OK).Body!["components"]!["schemas"]!;

    [Fact]
    public async Task The_schemas_have_no_null_alternatives_and_a_subject_is_a_base_with_one_subclass_per_soort()
    {
        var schemas = await Schemas();
        var tekst = schemas.ToJsonString();
        Assert.DoesNotContain("\"null\"", tekst);
        Assert.DoesNotContain("\"oneOf\"", tekst);
        Assert.DoesNotContain("\"anyOf\"", tekst);
        Assert.DoesNotContain("(?:0|[1-9]", tekst); // integers are integers, not strings with a pattern

        var subject = schemas["Subject"]!;
        Assert.Equal("soort", subject["discriminator"]!["propertyName"]!.GetValue<string>());
        var mapping = subject["discriminator"]!["mapping"]!.AsObject();
        // "vernietigd": a subject whose data were destroyed (docs/privacy.md) reads as its own kind, with the date.
        Assert.Equal(["natuurlijk-persoon", "object-locatie", "rechtspersoon", "vernietigd"], mapping.Select(m => m.Key).Order());
        foreach (var (_, verwijzing) in mapping)
        {
            var soort = schemas[verwijzing!.GetValue<string>().Split('/')[^1]]!;
            Assert.Equal("#/components/schemas/Subject", soort["allOf"]![0]!["$ref"]!.GetValue<string>());
            Assert.Null(soort["allOf"]![1]!["properties"]!["sleutel"]);
        }
    }

    [Fact]
    public async Task Every_text_of_a_request_has_a_maximum_length_and_every_whole_number_its_bounds()
    {
        var schemas = (await Schemas()).AsObject();
        var fouten = new List<string>();
        foreach (var (naam, schema) in schemas.Where(s => s.Key.EndsWith("Request", StringComparison.Ordinal)))
            foreach (var (veld, eigenschap) in schema!["properties"]?.AsObject() ?? [])
            {
                var type = eigenschap!["type"]?.GetValue<string>();
                if (type == "string" && eigenschap["format"] is null && eigenschap["enum"] is null && eigenschap["maxLength"] is null)
                    fouten.Add($"{naam}.{veld}: no maxLength");
                if (type == "integer" && (eigenschap["minimum"] is null || eigenschap["maximum"] is null))
                    fouten.Add($"{naam}.{veld}: no minimum/maximum");
                if (type == "array" && eigenschap["items"]?["type"]?.GetValue<string>() == "string" && eigenschap["items"]?["maxLength"] is null)
                    fouten.Add($"{naam}.{veld}: items without maxLength");
            }
        Assert.Empty(fouten);
        Assert.Equal("^[0-9]{9}$", schemas["SubjectRequest"]!["properties"]!["bsn"]!["pattern"]!.GetValue<string>());
        Assert.Equal(1, schemas["OrganisatieRequest"]!["properties"]!["naam"]!["minLength"]!.GetValue<int>());
    }

    [Fact]
    public async Task What_a_partner_sends_and_receives_is_described_in_Dutch()
    {
        var schemas = (await Schemas()).AsObject();
        var engels = new System.Text.RegularExpressions.Regex(@"\b(the|and|with|when|which|must|only|this|that|from|for|are|its|by|to)\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var fouten = new List<string>();
        foreach (var (naam, schema) in schemas)
            foreach (var (waar, beschrijving) in (schema!["properties"]?.AsObject() ?? [])
                         .Concat((schema["allOf"]?.AsArray() ?? []).SelectMany(d => d!["properties"]?.AsObject() ?? []))
                         .Select(p => ($"{naam}.{p.Key}", p.Value!["description"]))
                         .Prepend((naam, schema["description"])))
                if (beschrijving?.GetValue<string>() is not { Length: > 0 } tekst) fouten.Add($"{waar}: no description");
                else if (engels.IsMatch(tekst)) fouten.Add($"{waar}: not Dutch: {tekst}");
        Assert.True(fouten.Count == 0, string.Join('\n', fouten));
    }

    public static TheoryData<Type> CommandoRequests() => new(typeof(ICommandRequest<>).Assembly.GetTypes()
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(ICommandRequest<>) || i.GetGenericTypeDefinition() == typeof(ISignaalRequest<>))))
        .Append(typeof(SignaalIndienenRequest)).Append(typeof(SignaalOpstellenRequest)).OrderBy(t => t.Name));

    /// <summary>Every text property the request's example fills (so everything else is valid, also the fields that belong
    /// together): the length in the schema is refused at one more character, with the field named, and accepted at exactly
    /// that length.</summary>
    [Theory]
    [MemberData(nameof(CommandoRequests))]
    public async Task The_server_enforces_the_maximum_length_the_schema_gives(Type request)
    {
        var schema = (await Schemas())[request.Name]!["properties"]!.AsObject();
        var voorbeeld = request.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var teksten = request.GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.GetCustomAttribute<MaxLengthAttribute>() is not null && p.GetValue(voorbeeld) is not null)
            .ToList();
        foreach (var eigenschap in teksten)
        {
            var veld = JsonNamingPolicy.CamelCase.ConvertName(eigenschap.Name);
            var max = schema[veld]!["maxLength"]!.GetValue<int>();
            Assert.Equal(eigenschap.GetCustomAttribute<MaxLengthAttribute>()!.Length, max);
            Assert.Contains(Fouten(request, eigenschap, new string('x', max + 1)), f => f.Name == veld && f.Code == "max-length");
            Assert.DoesNotContain(Fouten(request, eigenschap, new string('x', max)), f => f.Name == veld && f.Code == "max-length");
        }
    }

    private static IReadOnlyList<InvalidParam> Fouten(Type request, PropertyInfo eigenschap, string waarde)
    {
        var voorbeeld = request.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var kopie = request.GetMethod("<Clone>$")!.Invoke(voorbeeld, null)!;
        eigenschap.SetValue(kopie, waarde);
        var v = new InputValidator(new DateOnly(2026, 11, 23));
        var toCommand = request.GetMethod("ToCommand")!;
        toCommand.Invoke(kopie, toCommand.GetParameters().Length == 1 ? [v] : [v, Guid.NewGuid()]);
        return v.Errors;
    }
}
