using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Domain.BestuurlijkeSignalen;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>The bestuurlijk-signaal resource: open a draft, read, list, events, replay, chain check, the LIEC overview, and
/// one POST per step of the procedure (docs/bestuurlijk-signaal.md).</summary>
public static class SignaalEndpoints
{
    private const string Toegang = "Vertrouwelijk: alleen medewerkers van de indienende organisaties, het LIEC-loket (rol liec-loket) en " +
        "auditors zien het signaal; voor ieder ander antwoordt het 404, alsof het niet bestaat.";

    public static IServiceCollection AddBestuurlijkeSignalen(this IServiceCollection services) => services
        .AddScoped<SignaalCommandHandler>()
        .AddScoped<SignaalQueries>()
        .AddScoped<SignaalVerantwoordingscontext>();

    public static void MapBestuurlijkeSignalen(this IEndpointRouteBuilder app)
    {
        var signalen = app.MapGroup(SignaalRoutes.Base).WithTags("Bestuurlijke signalen").RequireAuthorization()
            .AddEndpointFilter<SignaalVerantwoordingFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        signalen.MapPost("", (SignaalOpstellenRequest body, SignaalCommandHandler handler, HttpContext http, CancellationToken ct) =>
                handler.Opstellen(body, http, ct))
            .WithName("bestuurlijk-signaal-opstellen")
            .WithSummary("Een bestuurlijk signaal opstellen (concept)")
            .WithDescription("Een medewerker (partner-medewerker) van een van de indieners opent een concept in het format van de brochure: " +
                "indieners met hun strategisch vertegenwoordiger, aanleiding, bevindingen met bronnen en de drie criteria, conclusie en " +
                "aanbevelingen. Optioneel gekoppeld aan de casus waaruit het voortkomt (`casusId`, een casus die u mag zien; alleen de " +
                "koppeling wordt bewaard). Geen subject- of objectgegevens: namen, BSN, KvK-nummers, adressen van subjecten van de casus, " +
                "en alles wat op een BSN (elfproef), KvK-nummer of postcode met huisnummer lijkt, geeft 400 " +
                $"`{SignaalRegels.Subjectgegevens}` met de velden in `invalidParams`. Antwoordt 201 met `Location` en `ETag`.")
            .WithMetadata(new RequestExample(SignaalOpstellenRequest.Example))
            .Produces<BestuurlijkSignaal>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        signalen.MapGet("", ([FromQuery] string? stap, [FromQuery] string? page, [FromQuery] string? pageSize, SignaalQueries queries,
                HttpContext http, CancellationToken ct) => queries.Lijst(stap, page, pageSize, http, ct))
            .WithName("bestuurlijke-signalen-zoeken")
            .WithSummary("Bestuurlijke signalen opvragen, te filteren op stap")
            .WithDescription("Het LIEC-loket en auditors zien alle signalen, medewerkers van een indiener die van de eigen organisatie. " +
                $"`stap`: {string.Join(", ", Names.All<SignaalStap>())}. Nieuwste eerst, gepagineerd (`page`, `pageSize`).")
            .Produces<Pagina<SignaalSamenvatting>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        signalen.MapGet("/overzicht", (SignaalQueries queries, HttpContext http, CancellationToken ct) => queries.Overzicht(http, ct))
            .WithName("liec-signalenoverzicht-opvragen")
            .WithSummary("Het overzicht van het Landelijk Loket: signalen per stap, reacties en effecten die (bijna) verlopen")
            .WithDescription("Voor het LIEC-loket en auditors. Per stap het aantal signalen; de lopende termijnen van de reactie van de " +
                "bewindspersonen (drie maanden na aanbieden) en van het effect (zes maanden na afronden), met hun stand (`lopend`, " +
                "`verloopt-binnenkort`, `verlopen`) en de tellingen van de verlopen en bijna verlopen termijnen.")
            .Produces<LiecSignaalOverzicht>();

        signalen.MapGet("/{signaalId:guid}", (Guid signaalId, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, SignaalQueries queries,
                HttpContext http, CancellationToken ct) => queries.Get(signaalId, ifNoneMatch, http, ct))
            .WithName("bestuurlijk-signaal-opvragen")
            .WithSummary("Eén bestuurlijk signaal: de huidige stand")
            .WithDescription("Stap, indieners, inhoud, advies van het loket, toetsingsoverleg, indiening met de hash van de ingediende tekst, " +
                "aanbieding met de uiterste reactiedatum, reactie, afronding met de effectdatum, effect, toestemmingen en publicaties. " + Toegang)
            .Produces<BestuurlijkSignaal>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        signalen.MapGet("/{signaalId:guid}/gebeurtenissen", (Guid signaalId, SignaalQueries queries, HttpContext http, CancellationToken ct) =>
                queries.Gebeurtenissen(signaalId, http, ct))
            .WithName("signaalgebeurtenissen-opvragen")
            .WithSummary("De gebeurtenissen van een bestuurlijk signaal, in volgorde")
            .WithDescription("Elke stap van de procedure is een gebeurtenis: versie, type, tijdstip en gegevens. " + Toegang)
            .Produces<List<Gebeurtenis>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        signalen.MapGet("/{signaalId:guid}/historie", (Guid signaalId, [FromQuery] string? versie, SignaalQueries queries, HttpContext http,
                CancellationToken ct) => queries.Historie(signaalId, versie, http, ct))
            .WithName("signaalhistorie-opvragen")
            .WithSummary("Een bestuurlijk signaal zoals het was bij een versie")
            .WithDescription("Opnieuw opgebouwd uit de gebeurtenissen tot en met `versie` (standaard de huidige). " + Toegang)
            .Produces<HistorischSignaal>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        signalen.MapGet("/{signaalId:guid}/keten", (Guid signaalId, SignaalQueries queries, HttpContext http, CancellationToken ct) =>
                queries.Keten(signaalId, http, ct))
            .WithName("signaalketen-controleren")
            .WithSummary("De hashketen van een bestuurlijk signaal controleren")
            .WithDescription("Herberekent de keten van de opgeslagen gebeurtenissen, zoals voor een casus (docs/history.md): `ok`, of " +
                "`gebroken` met de eerste versie die niet klopt. " + Toegang)
            .Produces<Domain.Historie.Ketenuitslag>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        signalen.MapCommand<InhoudWijzigenRequest>(SignaalCommandoSoort.InhoudWijzigen, "De tekst van het concept wijzigen (indieners)");
        signalen.MapCommand<IndienerToevoegenRequest>(SignaalCommandoSoort.IndienerToevoegen, "Een indienende organisatie toevoegen (indieners)");
        signalen.MapCommand<LiecAdviesRequest>(SignaalCommandoSoort.LiecAdviesGeven, "Advies van het LIEC-loket op het concept");
        signalen.MapCommand<ToetsingsoverlegRequest>(SignaalCommandoSoort.ToetsingsoverlegVastleggen, "Het toetsingsoverleg met de ministeries vastleggen (LIEC-loket)");
        signalen.MapCommand<DefinitieveIndieningRequest>(SignaalCommandoSoort.DefinitiefIndienen, "Definitief indienen: daarna verandert er niets meer (indieners)");
        signalen.MapCommand<IntrekkingRequest>(SignaalCommandoSoort.Intrekken, "Het signaal intrekken vóór de definitieve indiening (indieners)");
        signalen.MapCommand<AanbiedingRequest>(SignaalCommandoSoort.Aanbieden, "Aanbieden aan de bewindspersonen; de reactietermijn van drie maanden begint (LIEC-loket)");
        signalen.MapCommand<ReactieRequest>(SignaalCommandoSoort.ReactieVastleggen, "De gezamenlijke reactie van de bewindspersonen vastleggen (LIEC-loket)");
        signalen.MapCommand<SignaalAfrondingRequest>(SignaalCommandoSoort.Afronden, "De reactie is aan de indieners aangeboden: de procedure is afgerond (LIEC-loket)");
        signalen.MapCommand<EffectRequest>(SignaalCommandoSoort.EffectVastleggen, "Het effect van het signaal vastleggen (indieners)");
        signalen.MapCommand<ToestemmingRequest>(SignaalCommandoSoort.ToestemmingVastleggen, "Toestemming voor publicatie vastleggen (indieners voor het signaal, LIEC-loket namens de ministeries voor de reactie)");
        signalen.MapCommand<PublicatieRequest>(SignaalCommandoSoort.Publiceren, "Een publicatie na de procedure vastleggen (indieners; alleen met toestemming)");
    }

    private static void MapCommand<TRequest>(this RouteGroupBuilder group, SignaalCommandoSoort commando, string summary)
        where TRequest : ISignaalRequest<TRequest>
    {
        var allowedIn = Procedure.Tabel.Where(o => o.Commando == commando).Select(o => $"`{Names.Of(o.Van!.Value)}` → `{Names.Of(o.Naar)}`");
        group.MapPost($"/{{signaalId:guid}}/{SignaalRoutes.Segments[commando]}",
                (Guid signaalId, TRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, SignaalCommandHandler handler, HttpContext http,
                    CancellationToken ct) => handler.Execute(signaalId, body, ifMatch, http, ct))
            .WithName($"bestuurlijk-signaal-{Names.Of(commando)}")
            .WithSummary(summary)
            .WithDescription($"Commando `{Names.Of(commando)}`. Toegestaan in: {string.Join("; ", allowedIn)}. Wie mag: docs/bestuurlijk-signaal.md. " +
                "Na de definitieve indiening wordt elke wijziging geweigerd (409 " + $"`{SignaalRegels.DefinitiefIngediend}`). " +
                "Met `If-Match` alleen als het signaal sindsdien niet is gewijzigd (anders 412). Bij elke fout wordt niets vastgelegd. " + Toegang)
            .WithMetadata(new RequestExample(TRequest.Example))
            .Produces<BestuurlijkSignaal>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
