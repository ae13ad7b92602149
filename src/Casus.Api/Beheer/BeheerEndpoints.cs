using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Toegang;
using Casus.Projections;
using Marten;
using Npgsql;

namespace Casus.Api.Beheer;

/// <summary>Operating the system: rebuilding the read models from the event store (role beheerder).</summary>
public static class BeheerEndpoints
{
    public static void MapBeheerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/beheer/projecties/_herbouw", async (IDocumentStore store, NpgsqlDataSource database, HttpContext http, CancellationToken ct) =>
            {
                var toegang = Toegangsregels.ProjectiesHerbouwen(http.Actor());
                if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
                var resultaat = await ProjectieHerbouw.HerbouwAllesAsync(store, database, ct);
                return TypedResults.Ok(resultaat);
            })
            .RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .WithTags("Beheer")
            .WithName("projecties-herbouwen")
            .WithSummary("Alle projecties opnieuw opbouwen uit de eventstore (beheerder)")
            .WithDescription("Bouwt de casusdocumenten en de overzichten (casusvoortgang en de regels van de partnerdashboards) opnieuw op " +
                "door de gebeurtenissen van alle casussen opnieuw af te spelen, per partij van 1.000 casussen, op de plaats van de " +
                "bestaande documenten. Niets wordt gepauzeerd of leeggemaakt: de API en de overzichten blijven bruikbaar, op elke " +
                "instantie. Antwoordt als het klaar is, met het aantal gebeurtenissen en casussen en de duur.")
            .Produces<Herbouwresultaat>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
