namespace Casus.Api.Beveiliging;

/// <summary>Configuration section <c>Casus:Tokens</c>: who issues the OAuth2/OIDC bearer tokens the API accepts.
/// Production: <see cref="Authority"/> (OIDC discovery gives the signing keys) or <see cref="SigningKey"/>, and always
/// <see cref="Issuer"/> and <see cref="Audience"/> (no defaults: the API refuses to start without them). Development and
/// tests: without a key, a random one is made at start and development tokens are minted with it (see
/// <see cref="DevelopmentTokens"/>); issuer and audience default to <see cref="OntwikkelIssuer"/> and <see cref="OntwikkelAudience"/>.</summary>
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
}
