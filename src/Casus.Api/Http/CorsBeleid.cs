using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Casus.Api.Http;

/// <summary>CORS (NL GOV API Design Rules /core/transport/cors): browser applications on the origins in
/// <c>Casus:Cors:Origins</c> may call the API; the OpenAPI document is open to every origin (<c>*</c>,
/// /core/publish-openapi). Preflight requests are answered before routing, for every path.</summary>
public sealed class CorsBeleid(IConfiguration configuration) : ICorsPolicyProvider
{
    public const string Setting = "Casus:Cors:Origins";

    private static readonly string[] Headers = ["Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match", "Idempotency-Key", "traceparent"];
    private static readonly string[] Exposed = ["API-Version", "ETag", "Location", "Link", "Retry-After", "Content-Disposition"];

    private readonly CorsPolicy _api = new CorsPolicyBuilder()
        .WithOrigins(configuration.GetSection(Setting).Get<string[]>() ?? [])
        .WithMethods("GET", "HEAD", "POST")
        .WithHeaders(Headers)
        .WithExposedHeaders(Exposed)
        .SetPreflightMaxAge(TimeSpan.FromHours(1))
        .Build();

    private static readonly CorsPolicy Openbaar = new CorsPolicyBuilder().AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()
        .WithExposedHeaders(Exposed).Build();

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName) =>
        Task.FromResult<CorsPolicy?>(context.Request.Path.StartsWithSegments(OpenApi.OpenApiSetup.DocumentPath) ? Openbaar : _api);
}
