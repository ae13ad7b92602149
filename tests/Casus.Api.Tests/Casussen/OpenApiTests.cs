using System.Net;
using Casus.Api.Casussen;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Casussen;

/// <summary>Swagger UI and the OpenAPI document: every endpoint described, every command with a request example.</summary>
public sealed class OpenApiTests(CasusApi api) : IClassFixture<CasusApi>
{
    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_with_examples_and_problem_answers()
    {
        var response = (await api.Client().Get("/api/v1/openapi.json")).AssertStatus(HttpStatusCode.OK);
        var paths = response.Body!["paths"]!.AsObject();

        var commandPaths = CommandRoutes.Segments.Values.Select(s => $"/api/v1/casussen/{{casusId}}/{s}").Append("/api/v1/casussen");
        foreach (var path in commandPaths)
        {
            var post = paths[path]?["post"];
            Assert.True(post is not null, $"{path} missing from the OpenAPI document");
            Assert.False(string.IsNullOrWhiteSpace(post["summary"]?.GetValue<string>()), $"{path}: no summary");
            Assert.False(string.IsNullOrWhiteSpace(post["description"]?.GetValue<string>()), $"{path}: no description");
            Assert.True(post["requestBody"]?["content"]?["application/json"]?["example"] is not null, $"{path}: no request example");
            Assert.True(post["responses"]?["400"]?["content"]?["application/problem+json"] is not null, $"{path}: 400 not problem+json");
        }
        foreach (var path in new[] { "/api/v1/casussen/{casusId}", "/api/v1/casussen/{casusId}/gebeurtenissen" })
            Assert.True(paths[path]?["get"]?["responses"]?["404"] is not null, $"{path}: no documented 404");
        Assert.Equal("1.0.0", response.Body["info"]!["version"]!.GetValue<string>());

        foreach (var (path, item) in paths)
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path}: no summary");
                Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{method} {path}: no description");
                if (operation["requestBody"] is { } requestBody)
                    Assert.True(requestBody["content"]?["application/json"]?["example"] is not null, $"{method} {path}: no request example");
                // Success answers are described as JSON with a schema (also where CSV or text is offered as well); a 204 has no body.
                var success = operation["responses"]?["200"] ?? operation["responses"]?["201"] ?? operation["responses"]?["202"];
                if (success is null && operation["responses"]?["204"] is not null) continue;
                Assert.True(success?["content"]?["application/json"]?["schema"] is not null, $"{method} {path}: success answer without a JSON schema");
            }
        Assert.Equal("bearer", response.Body["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var page = await api.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync());
    }
}
