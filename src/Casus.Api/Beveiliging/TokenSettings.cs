namespace Casus.Api.Beveiliging;

/// <summary>Configuration section <c>Casus:Tokens</c>: who issues the OAuth2/OIDC bearer tokens the API accepts.
/// Production: <see cref="Authority"/> (OIDC discovery gives the signing keys) or <see cref="SigningKey"/>, and always
/// <see cref="Issuer"/> and <see cref="Audience"/>. Development and tests: without a key, a random one is made at start
/// and development tokens are minted with it (see <see cref="DevelopmentTokens"/>).</summary>
public sealed class TokenSettings
{
    public const string Section = "Casus:Tokens";

    public string? Authority { get; set; }
    public string Issuer { get; set; } = "casus-ontwikkeling";
    public string Audience { get; set; } = "casus-api";
    /// <summary>Base64 of a symmetric HS256 key of at least 32 bytes.</summary>
    public string? SigningKey { get; set; }
}
