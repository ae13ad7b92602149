using Casus.Api.Beveiliging;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace Casus.Api.OpenApi;

/// <summary>Signing in from Swagger UI's Authorize button outside Development: one OpenID Connect security scheme per
/// trusted issuer with a Swagger UI client (<see cref="TokenUitgever.SwaggerClientId"/>), authorization code flow with
/// PKCE (Swagger UI reads the endpoints from the issuer's discovery document). The access token it receives is sent as
/// the bearer token, exactly as any client's.</summary>
public static class SwaggerAanmelden
{
    public static IEnumerable<TokenUitgever> MetSwaggerClient(this TokenSettings settings) =>
        settings.Uitgevers.Where(u => !string.IsNullOrWhiteSpace(u.SwaggerClientId));

    public static void VoegSchemasToe(OpenApiDocument document, TokenSettings settings)
    {
        foreach (var (uitgever, i) in settings.MetSwaggerClient().Select((u, i) => (u, i)))
        {
            var naam = $"oidc-{i}";
            document.Components!.SecuritySchemes![naam] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OpenIdConnect,
                OpenIdConnectUrl = new Uri($"{uitgever.Authority.TrimEnd('/')}/.well-known/openid-configuration"),
                Description = $"Aanmelden bij {uitgever.IssuerOf} (authorization code met PKCE, client `{uitgever.SwaggerClientId}`).",
            };
            document.Security!.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(naam, document)] = Scopes(uitgever) });
        }
    }

    public static void ConfigureerSwaggerUi(SwaggerUIOptions o, TokenSettings settings)
    {
        if (settings.MetSwaggerClient().FirstOrDefault() is not { } eerste) return;
        o.OAuthClientId(eerste.SwaggerClientId);
        o.OAuthUsePkce();
        o.OAuthScopes([.. Scopes(eerste)]);
    }

    private static List<string> Scopes(TokenUitgever uitgever) => uitgever.Scopes.Count > 0 ? uitgever.Scopes : ["openid"];
}
