using System.Security.Claims;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Api.Http;

namespace Casus.Api.Beveiliging;

/// <summary>The token claims Casus reads, and how they make an <see cref="Actor"/>.</summary>
public static class ActorClaims
{
    public const string Gebruiker = "sub";
    public const string OrganisatieId = "organisatie_id";
    public const string OrganisatieNaam = "organisatie_naam";
    public const string OrganisatieType = "organisatie_type";
    /// <summary>One claim per RIEC region (kebab-case, e.g. <c>oost-nederland</c>), or <see cref="Landelijk"/>.</summary>
    public const string Regio = "riec_regio";
    public const string Landelijk = "landelijk";
    /// <summary>One claim per role: <c>riec-coordinator</c>, <c>riec-analist</c>, <c>partner-medewerker</c>, <c>auditor</c>, <c>liec</c>.</summary>
    public const string Rol = "roles";

    /// <summary>The actor of an authenticated principal; null (with the reason) when a claim is missing or unknown.</summary>
    public static Actor? Lees(ClaimsPrincipal user, out string? fout)
    {
        string? Een(string type) => user.FindFirst(type)?.Value is { Length: > 0 } v ? v : null;
        var gebruiker = Een(Gebruiker);
        var id = Een(OrganisatieId);
        var naam = Een(OrganisatieNaam);
        var type = Names.Parse<PartnerType>(Een(OrganisatieType));
        var rollen = user.FindAll(Rol).Select(c => Names.Parse<Rol>(c.Value)).ToList();
        var regioClaims = user.FindAll(Regio).Select(c => c.Value).ToList();
        var regios = regioClaims.Where(r => r != Landelijk).Select(Names.Parse<RiecRegio>).ToList();
        fout = gebruiker is null || id is null || naam is null || type is null
            ? $"Het token mist {Gebruiker}, {OrganisatieId}, {OrganisatieNaam} of {OrganisatieType} (een bekend partnertype)."
            : rollen.Count == 0 || rollen.Any(r => r is null) ? $"Het token heeft geen of een onbekende rol ({Rol})."
            : regios.Any(r => r is null) ? $"Het token heeft een onbekende regio ({Regio})."
            : null;
        if (fout is not null) return null;
        return new Actor(gebruiker!, new Organisatie(id!, naam!, type!.Value),
            regios.Select(r => r!.Value).ToHashSet(), regioClaims.Contains(Landelijk), rollen.Select(r => r!.Value).ToHashSet());
    }

    public static IEnumerable<Claim> Van(Actor actor) =>
    [
        new(Gebruiker, actor.GebruikerId),
        new(OrganisatieId, actor.Organisatie.Id),
        new(OrganisatieNaam, actor.Organisatie.Naam),
        new(OrganisatieType, Names.Of(actor.Organisatie.Type)),
        .. actor.Rollen.Select(r => new Claim(Rol, Names.Of(r))),
        .. actor.Regios.Select(r => new Claim(Regio, Names.Of(r))),
        .. actor.Landelijk ? [new Claim(Regio, Landelijk)] : Array.Empty<Claim>(),
    ];
}
