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

        // Paths are relative to the server URL, which carries the major version (NL GOV API Design Rules /core/uri-version).
        Assert.All(response.Body!["servers"]!.AsArray(), s => Assert.EndsWith("/api/v1", s!["url"]!.GetValue<string>()));
        Assert.NotNull(response.Body["info"]!["contact"]!["url"]);
        var commandPaths = CommandRoutes.Segments.Values.Select(s => $"/casussen/{{casusId}}/{s}").Append("/casussen");
        foreach (var path in commandPaths)
        {
            var post = paths[path]?["post"];
            Assert.True(post is not null, $"{path} missing from the OpenAPI document");
            Assert.False(string.IsNullOrWhiteSpace(post["summary"]?.GetValue<string>()), $"{path}: no summary");
            Assert.False(string.IsNullOrWhiteSpace(post["description"]?.GetValue<string>()), $"{path}: no description");
            Assert.True(post["requestBody"]?["content"]?["application/json"]?["example"] is not null, $"{path}: no request example");
            Assert.True(post["responses"]?["400"]?["content"]?["application/problem+json"] is not null, $"{path}: 400 not problem+json");
        }
        foreach (var path in new[] { "/casussen/{casusId}", "/casussen/{casusId}/gebeurtenissen" })
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
                Assert.True(operation["responses"]?["400"] is not null, $"{method} {path}: no documented 400");
                foreach (var (status, answer) in operation["responses"]!.AsObject())
                    Assert.True(answer!["headers"]?["API-Version"] is not null, $"{method} {path} {status}: API-Version not documented");
                if (operation["responses"]?["201"] is { } created)
                    Assert.True(created["headers"]?["Location"] is not null, $"{method} {path}: Location not documented");
                if (method == "post")
                    Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
            }
        Assert.Equal("bearer", response.Body["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var problem = response.Body["components"]!["schemas"]!["ProblemDetails"]!["properties"]!;
        Assert.NotNull(problem["code"]);
        Assert.NotNull(problem["invalidParams"]);
        Assert.NotNull(paths["/casussen/{casusId}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.NotNull(paths["/casussen"]!["get"]!["responses"]!["200"]!["headers"]!["Link"]);

        // What client generators need: enums as strings, money as decimal.
        var schemas = response.Body["components"]!["schemas"]!;
        Assert.Equal("string", schemas["Stap"]!["type"]!.GetValue<string>());
        Assert.Equal("decimal", schemas["Bedragen"]!["properties"]!["opgelegd"]!["format"]!.GetValue<string>());
        Assert.Equal("integer", paths["/casussen"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "page")!["schema"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var page = await api.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync());
    }
}
