using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Api.Historie;
using Casus.Api.OpenApi;
using Casus.Api.Verantwoording;
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
        .AddScoped<SignaalQueries>();

    public static void MapBestuurlijkeSignalen(this IEndpointRouteBuilder app)
    {
        var signalen = app.MapGroup(SignaalRoutes.Base).WithTags("Bestuurlijke signalen").RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
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

        MapVerantwoording(signalen);

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

    private const string AlleenAuditors = "Alleen voor auditors (elke regio: een signaal is landelijk): de indieners en het LIEC-loket " +
        "krijgen 403, alle anderen 404 (alsof het signaal niet bestaat). Het verzoek komt zelf in het auditlog.";

    /// <summary>The auditor's endpoints of a signaal, exactly those of a casus (docs/history.md), through the same
    /// <see cref="HistorieQueries"/>.</summary>
    private static void MapVerantwoording(RouteGroupBuilder signalen)
    {
        signalen.MapGet("/{signaalId:guid}/historie", ([FromQuery] string? peildatum, [FromQuery] string? versie, Guid signaalId,
                HistorieQueries queries, SignaalHistoriebron bron, HttpContext http, CancellationToken ct) =>
                queries.Stand(bron, signaalId, peildatum, versie, http, ct,
                    (s, moment) => new HistorischSignaal(signaalId, s.Versie, s.Tijdstip, moment, s.Stand)))
            .WithName("signaalhistorie-opvragen")
            .WithSummary("Een bestuurlijk signaal op een peildatum of bij een versie (auditors)")
            .WithDescription("Geef precies één van `peildatum` (ISO 8601-tijdstip; de stand na de laatste gebeurtenis op of vóór dat " +
                "moment) en `versie` (1 tot en met de huidige versie). Opnieuw opgebouwd uit de gebeurtenissen. Een peildatum vóór de " +
                "eerste gebeurtenis: 404 `historie.geen-stand`. " + AlleenAuditors)
            .Produces<HistorischSignaal>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        signalen.MapGet("/{signaalId:guid}/verschillen", ([FromQuery] string? van, [FromQuery] string? tot, Guid signaalId,
                HistorieQueries queries, SignaalHistoriebron bron, HttpContext http, CancellationToken ct) =>
                queries.Verschillen(bron, signaalId, van, tot, HistorieEndpoints.WilTekst(http), http, ct,
                    (vanaf, totaan, wijzigingen, velden) => new SignaalVerschillen(signaalId, vanaf, totaan, wijzigingen, velden)))
            .WithName("signaalverschillen-opvragen")
            .WithSummary("Wat veranderde er tussen twee versies van een bestuurlijk signaal (auditors)")
            .WithDescription("`van` (0 of meer, exclusief) en `tot` (inclusief, hoogstens de huidige versie) zijn verplicht. Per " +
                "gebeurtenis ertussen: versie, type, tijdstip, gebruiker, organisatie, de vastgelegde velden en een leesbare regel; " +
                "daarnaast de velden van het signaal die tussen beide versies verschillen. Met `Accept: text/plain` alleen de regels. " +
                AlleenAuditors)
            .Produces<SignaalVerschillen>(StatusCodes.Status200OK, "application/json", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        signalen.MapGet("/{signaalId:guid}/dossier", (Guid signaalId, HistorieQueries queries, SignaalHistoriebron bron, HttpContext http,
                CancellationToken ct) => queries.Dossier(bron, signaalId, "bestuurlijk-signaal", http, ct, d => new SignaalDossier(signaalId,
                d.GegenereerdOp, d.GegenereerdDoor, d.Stand, SignaalKetenverificatie.Van(signaalId, d.Keten, d.GegenereerdOp), d.Gebeurtenissen,
                d.Auditrecords, d.Verwerkingen)))
            .WithName("signaaldossier-exporteren")
            .WithSummary("Het volledige dossier van een bestuurlijk signaal als één JSON-document om te archiveren (auditors)")
            .WithDescription("De huidige stand, elke gebeurtenis met metadata (gebruiker, organisatie, trace- en span-id, " +
                "verwerkingsactiviteit, doel, grondslag, hash), elk auditrecord en elke verwerking van het signaal, de uitkomst van de " +
                "ketencontrole, en wanneer en door wie het dossier is gemaakt. " + AlleenAuditors)
            .Produces<SignaalDossier>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        signalen.MapGet("/{signaalId:guid}/keten", (Guid signaalId, HistorieQueries queries, SignaalHistoriebron bron, HttpContext http,
                CancellationToken ct) => queries.Keten(bron, signaalId, http, ct, (uitslag, nu) => SignaalKetenverificatie.Van(signaalId, uitslag, nu)))
            .WithName("signaalketen-controleren")
            .WithSummary("De hashketen van een bestuurlijk signaal controleren (auditors)")
            .WithDescription("Herberekent de hash van elke opgeslagen gebeurtenis uit wat PostgreSQL nu bevat, zoals voor een casus " +
                "(docs/history.md): `ok`, of `gebroken` met de eerste versie die niet klopt en de reden. Toont geen persoonsgegevens. " +
                AlleenAuditors)
            .Produces<SignaalKetenverificatie>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        signalen.MapGet("/{signaalId:guid}/auditrecords", (Guid signaalId, [FromQuery] string? page, [FromQuery] string? pageSize,
                HistorieQueries queries, SignaalHistoriebron bron, AuditLog audit, HttpContext http, CancellationToken ct) =>
                queries.Logboek(bron, signaalId, page, pageSize, http, ct,
                    paging => audit.ZoekAsync(signaalId, null, null, null, null, null, paging.Skip, paging.PageSize, ct)))
            .WithName("auditrecords-van-signaal")
            .WithSummary("Het auditlog van één bestuurlijk signaal (auditors)")
            .WithDescription("Elk verzoek dat het signaal raakte, ook het lezen en elke weigering: tijdstip, gebruiker, organisatie, " +
                "rollen, actie, resultaat (HTTP-status), reden van een weigering, herkomst en trace-id. Oudste eerst. " + AlleenAuditors)
            .Produces<Pagina<AuditRecord>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        signalen.MapGet("/{signaalId:guid}/verwerkingen", (Guid signaalId, [FromQuery] string? page, [FromQuery] string? pageSize,
                HistorieQueries queries, SignaalHistoriebron bron, Verwerkingslog verwerkingen, HttpContext http, CancellationToken ct) =>
                queries.Logboek(bron, signaalId, page, pageSize, http, ct,
                    paging => verwerkingen.ZoekAsync(null, signaalId, null, paging.Skip, paging.PageSize, ct)))
            .WithName("verwerkingen-van-signaal")
            .WithSummary("Het verwerkingenlogboek van één bestuurlijk signaal (auditors)")
            .WithDescription("Elke verwerking van de persoonsgegevens in het signaal (de namen van de strategisch vertegenwoordigers) " +
                "onder de verwerkingsactiviteit `bestuurlijk-signaal`: tijdstip, activiteit, status, trace-id en de betrokken organisaties. " +
                "Betrokkenen staan er alleen als pseudoniem in. De subjectcontrole van een concept staat in het logboek van de " +
                "gekoppelde casus (activiteit `bestuurlijk-signaal-subjectcontrole`). " + AlleenAuditors)
            .Produces<Pagina<Verwerking>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
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
