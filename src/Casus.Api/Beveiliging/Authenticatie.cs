using System.Security.Cryptography;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Toegang;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace Casus.Api.Beveiliging;

/// <summary>Bearer tokens (JWT) from the configured issuer; a token must name the user, organisation and roles
/// (<see cref="ActorClaims"/>). No or an invalid token: 401 problem+json, recorded in the audit log.</summary>
public static class Authenticatie
{
    public static void AddCasusAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        var local = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        SecurityKey? key = settings.SigningKey is { } configured ? new SymmetricSecurityKey(Convert.FromBase64String(configured))
            : local ? new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))
            : null;
        if (key is null && settings.Authority is null)
            throw new InvalidOperationException($"Configure {TokenSettings.Section}:Authority (OIDC) or {TokenSettings.Section}:SigningKey.");
        if (local)
        {
            settings.Issuer ??= TokenSettings.OntwikkelIssuer;
            settings.Audience ??= TokenSettings.OntwikkelAudience;
        }
        if (string.IsNullOrWhiteSpace(settings.Issuer) || string.IsNullOrWhiteSpace(settings.Audience))
            throw new InvalidOperationException(
                $"Configure {TokenSettings.Section}:Issuer and {TokenSettings.Section}:Audience: the API accepts only tokens of your identity provider for this API.");
        builder.Services.AddSingleton(settings);
        if (local && key is not null) builder.Services.AddSingleton(new DevelopmentTokens(key, settings));

        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.Authority = settings.Authority;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = key,
                NameClaimType = ActorClaims.Gebruiker,
                RoleClaimType = ActorClaims.Rol,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (ActorClaims.Lees(context.Principal!, out var fout) is { } actor) context.HttpContext.Items[typeof(Actor)] = actor;
                    else context.Fail(fout!);
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    var http = context.HttpContext;
                    var reden = context.AuthenticateFailure?.Message ?? "Geen bearer-token meegestuurd.";
                    await http.RequestServices.GetRequiredService<AuditLog>().SchrijfAsync(AuditRecord.Van(http,
                        http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), null,
                        StatusCodes.Status401Unauthorized, $"toegang.niet-aangemeld: {reden}"), http.RequestAborted);
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    await Problems.Write(http, Problems.NotAuthenticated(context.AuthenticateFailure is null
                        ? "Stuur een bearer-token mee (Authorization: Bearer ...)."
                        : "Het bearer-token is ongeldig of verlopen."));
                },
            };
        });
    }
}
