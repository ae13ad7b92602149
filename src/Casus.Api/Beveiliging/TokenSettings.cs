namespace Casus.Api.Beveiliging;

/// <summary>Configuration section <c>Casus:Tokens</c>: who issues the OAuth2/OIDC bearer tokens the API accepts.
/// Production: <see cref="Authority"/> (OIDC discovery gives the signing keys) or <see cref="SigningKey"/>, and always
/// <see cref="Issuer"/> and <see cref="Audience"/> (no defaults: the API refuses to start without them); more trusted
/// issuers in <see cref="Uitgevers"/>. Development and tests: without a key, a random one is made at start and development
/// tokens are minted with it (see <see cref="DevelopmentTokens"/>); issuer and audience default to <see cref="OntwikkelIssuer"/>
/// and <see cref="OntwikkelAudience"/>.</summary>
public sealed class TokenSettings
{
    public const string Section = "Casus:Tokens";

    public const string OntwikkelIssuer = "casus-ontwikkeling";
    public const string OntwikkelAudience = "casus-api";

    public string? Authority { get; set; }
    public string? Issuer { get; set; }
    public string? Audience { get; set; }
    /// <summary>Base64 of a symmetric HS256 key of at least 32 bytes.</summary>
    public string? SigningKey { get; set; }
    /// <summary>Further trusted OIDC issuers (<c>Casus:Tokens:Uitgevers:0:Authority</c>, …), each validated with its own
    /// signing keys; a token is checked by the issuer it names.</summary>
    public List<TokenUitgever> Uitgevers { get; set; } = [];
}

/// <summary>A trusted OIDC issuer. <see cref="SwaggerClientId"/>: a public client registered there for Swagger UI's
/// Authorize button (authorization code + PKCE, redirect URI <c>https://&lt;api&gt;/swagger/oauth2-redirect.html</c>).</summary>
public sealed class TokenUitgever
{
    public string Authority { get; set; } = "";
    /// <summary>The <c>iss</c> of its tokens; default <see cref="Authority"/>.</summary>
    public string? Issuer { get; set; }
    /// <summary>The <c>aud</c> its tokens carry for this API; default <see cref="TokenSettings.Audience"/>.</summary>
    public string? Audience { get; set; }
    /// <summary>False only for a provider on plain http in a test.</summary>
    public bool VereistHttps { get; set; } = true;
    public string? SwaggerClientId { get; set; }
    /// <summary>Scopes Swagger UI asks for; default <c>openid</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    public string IssuerOf => Issuer ?? Authority;
}
