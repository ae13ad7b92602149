using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Toegang;
using Casus.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;
using Npgsql;

namespace Casus.Api.Beheer;

/// <summary>Operating the system: rebuilding the read models from the event store (role beheerder).</summary>
public static class BeheerEndpoints
{
    public static void MapBeheerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/beheer/projecties/_herbouw", async (IDocumentStore store, IProjectionCoordinator coordinator,
                NpgsqlDataSource database, HttpContext http, CancellationToken ct) =>
            {
                var toegang = Toegangsregels.ProjectiesHerbouwen(http.Actor());
                if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
                var resultaat = await ProjectieHerbouw.HerbouwAllesAsync(store, coordinator.DaemonForMainDatabase(), database, ct);
                return TypedResults.Ok(resultaat);
            })
            .RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .WithTags("Beheer")
            .WithName("projecties-herbouwen")
            .WithSummary("Alle projecties opnieuw opbouwen uit de eventstore (beheerder)")
            .WithDescription("Bouwt de overzichten (casusvoortgang en de regels van de partnerdashboards) opnieuw op door alle gebeurtenissen opnieuw " +
                "af te spelen, en daarna de casusdocumenten casus voor casus. De API blijft bruikbaar; de overzichten melden in " +
                "`actualiteit` hoe ver ze zijn. Antwoordt als het klaar is, met het aantal gebeurtenissen en casussen en de duur per deel.")
            .Produces<Herbouwresultaat>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
