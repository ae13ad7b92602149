using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.Casussen;

/// <summary>The casus resource: create (indienen signaal), read, list, history, and one POST per command.</summary>
public static class CasusEndpoints
{
    public static void MapCasusEndpoints(this IEndpointRouteBuilder app)
    {
        var casussen = app.MapGroup(CommandRoutes.Base).WithTags("Casussen").RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        casussen.MapPost("", (SignaalIndienenRequest body, CasusCommandHandler handler, HttpContext http) => handler.Submit(body, http))
            .WithName("signaal-indienen")
            .WithSummary("Signaal indienen (stap 1): start een nieuwe casus")
            .WithDescription("Een convenantpartner (rol partner-medewerker) brengt een signaal in voor de eigen organisatie; een " +
                "riec-coordinator van de regio kan dat ook (bijvoorbeeld uit een ondermijningsbeeld). Antwoordt 201 met de casus, " +
                "`Location` en `ETag` (de versie).")
            .WithMetadata(new RequestExample(SignaalIndienenRequest.Example))
            .Produces<IntegraleCasus>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        casussen.MapGet("", ([FromQuery] string? stap, [FromQuery] string? regio, [FromQuery] string? page, [FromQuery] string? pageSize,
                CasusQueries queries, HttpContext http, CancellationToken ct) => queries.List(stap, regio, page, pageSize, http, ct))
            .WithName("casussen-zoeken")
            .WithSummary("Casussen opvragen, te filteren op stap en regio")
            .WithDescription($"Alleen casussen die de gebruiker mag zien: van de eigen RIEC-regio's (coördinatoren, analisten, " +
                $"auditors) of waarbij de eigen organisatie indiener of partner is. Nieuwste signaal eerst. `page` begint bij 1; `pageSize` is 20 tenzij opgegeven, hoogstens {Paging.MaxPageSize}. " +
                $"`stap`: {string.Join(", ", Names.All<Stap>())}. `regio`: {string.Join(", ", Names.All<Domain.Gedeeld.RiecRegio>())}. " +
                "Links naar de volgende en vorige pagina staan in de body en in de `Link`-header.")
            .Produces<Pagina<CasusSamenvatting>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        casussen.MapGet("/{casusId:guid}", (Guid casusId, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
                CasusQueries queries, HttpContext http, CancellationToken ct) => queries.Get(casusId, ifNoneMatch, http, ct))
            .WithName("casus-opvragen")
            .WithSummary("Eén casus opvragen: de huidige stand")
            .WithDescription("Stap, thema's, partners, subjecten, informatieverzoeken en -bijdragen, analyse, interventieadviezen, " +
                "interventies, evaluaties en versie. De `ETag` is de versie; gebruik die als `If-Match` bij een commando. " +
                "Een casus die de gebruiker niet mag zien, antwoordt 404, net als een casus die niet bestaat.")
            .Produces<IntegraleCasus>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        casussen.MapGet("/{casusId:guid}/gebeurtenissen", (Guid casusId, CasusQueries queries, HttpContext http, CancellationToken ct) =>
                queries.History(casusId, http, ct))
            .WithName("gebeurtenissen-opvragen")
            .WithSummary("De gebeurtenissen van een casus, in volgorde")
            .WithDescription("Elke wijziging van de casus is een gebeurtenis: versie, type, tijdstip en gegevens.")
            .Produces<List<Gebeurtenis>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        casussen.MapCommand<VerkenningStartenRequest>(CommandoSoort.VerkenningStarten, "Verkenning starten (stap 2)");
        casussen.MapCommand<VerkenningsbesluitRequest>(CommandoSoort.VerkenningBesluiten, "Verkenning afronden met een besluit: opnemen of niet opnemen");
        casussen.MapCommand<PartnerRequest>(CommandoSoort.PartnerAansluiten, "Een partnerorganisatie sluit aan bij de casus");
        casussen.MapCommand<SubjectRequest>(CommandoSoort.SubjectToevoegen, "Een subject toevoegen: persoon, rechtspersoon of object/locatie");
        casussen.MapCommand<InformatieverzoekRequest>(CommandoSoort.InformatieVerzoeken, "Informatie vragen aan een partner (stap 3)");
        casussen.MapCommand<InformatiebijdrageRequest>(CommandoSoort.InformatieDelen, "Informatie delen als partner (stap 3)");
        casussen.MapCommand<AnalyseRequest>(CommandoSoort.AnalyseVastleggen, "De integrale casusanalyse vastleggen (stap 3)");
        casussen.MapCommand<InterventieadviesRequest>(CommandoSoort.InterventieadviesUitbrengen, "Interventieadvies uitbrengen; de casus gaat naar uitvoeren");
        casussen.MapCommand<InterventieRequest>(CommandoSoort.InterventieRegistreren, "Een uitgevoerde interventie registreren (stap 4)");
        casussen.MapCommand<UitvoeringsafrondingRequest>(CommandoSoort.UitvoeringAfronden, "Uitvoering afronden; de casus gaat naar evalueren");
        casussen.MapCommand<EvaluatieRequest>(CommandoSoort.EvaluatieVastleggen, "De evaluatie vastleggen (stap 5)");
        casussen.MapCommand<TerugstapRequest>(CommandoSoort.Terugstappen, "Een stap terug: naar uitvoeren of informatie delen");
        casussen.MapCommand<AfsluitingRequest>(CommandoSoort.Afsluiten, "De casus afsluiten (stap 6)");
    }

    private static void MapCommand<TRequest>(this RouteGroupBuilder group, CommandoSoort commando, string summary)
        where TRequest : ICommandRequest<TRequest>
    {
        var allowedIn = Stappen.Tabel.Where(o => o.Commando == commando)
            .Select(o => $"`{Names.Of(o.Van!.Value)}` → {string.Join(" of ", o.Naar.Select(n => $"`{Names.Of(n)}`"))}");
        group.MapPost($"/{{casusId:guid}}/{CommandRoutes.Segments[commando]}",
                (Guid casusId, TRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    CasusCommandHandler handler, HttpContext http, CancellationToken ct) => handler.Execute(casusId, body, ifMatch, http, ct))
            .WithName(Names.Of(commando))
            .WithSummary(summary)
            .WithDescription($"Commando `{Names.Of(commando)}`. Toegestaan in: {string.Join("; ", allowedIn)}. " +
                "Wie mag: zie docs/access.md. Met `If-Match` (de `ETag` van de casus) wordt het commando alleen uitgevoerd als de casus sindsdien niet is gewijzigd; " +
                "anders 412. Antwoordt met de nieuwe stand en de nieuwe `ETag`. Bij elke fout wordt niets vastgelegd.")
            .WithMetadata(new RequestExample(TRequest.Example))
            .Produces<IntegraleCasus>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
