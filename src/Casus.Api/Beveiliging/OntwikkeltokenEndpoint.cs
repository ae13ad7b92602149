using System.ComponentModel.DataAnnotations;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Api.Beveiliging;

/// <summary>Who the development token is for.</summary>
/// <param name="GebruikerId">The user's id (claim <c>sub</c>).</param>
/// <param name="Organisatie">The organisation the user acts for.</param>
/// <param name="Rollen">One or more roles.</param>
/// <param name="Regios">The RIEC regions the RIEC roles hold in.</param>
/// <param name="Landelijk">The RIEC roles hold in every region (e.g. a national auditor).</param>
public sealed record OntwikkeltokenRequest(
    [property: Required, MaxLength(100)] string? GebruikerId, [property: Required] OrganisatieRequest? Organisatie, [property: Required] IReadOnlyList<Rol>? Rollen,
    IReadOnlyList<RiecRegio>? Regios = null, bool? Landelijk = false)
{
    public static OntwikkeltokenRequest Example { get; } = new("j.devries", new OrganisatieRequest("riec-zwb", "RIEC Zeeland-West-Brabant", PartnerType.Riec),
        [Rol.RiecCoordinator, Rol.RiecAnalist], [RiecRegio.TaskforceBrabantZeeland]);
}

public sealed record Ontwikkeltoken(string Token, DateTimeOffset VerlooptOp);

/// <summary>Development only: mint a signed token for any user, organisation and roles, to paste into Swagger UI's
/// Authorize button. Not mapped outside the Development environment.</summary>
public static class OntwikkeltokenEndpoint
{
    public static void MapOntwikkeltokens(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/ontwikkeltokens", (OntwikkeltokenRequest body, DevelopmentTokens tokens) =>
            {
                var v = new InputValidator(default);
                var gebruiker = new Velden<OntwikkeltokenRequest>(v).Text(body.GebruikerId, "gebruikerId", nameof(OntwikkeltokenRequest.GebruikerId));
                var organisatie = v.Required(body.Organisatie, "organisatie", (o, p) => o.ToOrganisatie(v, p));
                if (body.Rollen is not { Count: > 0 }) v.Add("rollen", "min-items", "Geef minstens één rol.");
                if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
                var (token, verlooptOp) = tokens.Mint(new Actor(gebruiker, organisatie, (body.Regios ?? []).ToHashSet(), body.Landelijk ?? false,
                    body.Rollen!.ToHashSet()));
                return TypedResults.Ok(new Ontwikkeltoken(token, verlooptOp));
            })
            .AllowAnonymous()
            .WithTags("Ontwikkeling")
            .WithName("ontwikkeltoken-maken")
            .WithSummary("Een ontwikkeltoken maken (alleen in Development)")
            .WithDescription("Maakt een ondertekend token (8 uur geldig) voor de opgegeven gebruiker, organisatie, rollen en regio's. " +
                "Kopieer `token` naar de Authorize-knop (bovenaan) en voer daarna verzoeken uit als die gebruiker. " +
                "Rollen: riec-coordinator, riec-analist, partner-medewerker, auditor, liec.")
            .WithMetadata(new RequestExample(OntwikkeltokenRequest.Example))
            .Produces<Ontwikkeltoken>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
