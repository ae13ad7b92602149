using System.Security.Claims;
using Casus.Domain.Toegang;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Casus.Api.Beveiliging;

/// <summary>Mints signed tokens with the API's own key, for local use and tests only (never in production, where an
/// identity provider issues them).</summary>
public sealed class DevelopmentTokens(SecurityKey key, TokenSettings settings)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public (string Token, DateTimeOffset VerlooptOp) Mint(Actor actor)
    {
        var now = DateTimeOffset.UtcNow; // real time: token lifetimes are checked against the real clock
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(ActorClaims.Van(actor)),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, now + Lifetime);
    }
}
