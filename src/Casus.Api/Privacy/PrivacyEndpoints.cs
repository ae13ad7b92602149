using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.Privacy;

/// <summary>Retention, destruction, rectification and erasure (docs/privacy.md). Every request passes
/// <see cref="VerantwoordingFilter"/>: it is in the audit log, and its changes commit with its audit and processing records.</summary>
public static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var privacy = app.MapGroup("/api/v1").WithTags("Privacy").RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        privacy.MapPost($"{CommandRoutes.Base[7..]}/{{casusId:guid}}/subjecten/{{nummer:int}}/rectificaties",
                (Guid casusId, int nummer, RectificatieRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, PrivacyHandler handler,
                    HttpContext http, CancellationToken ct) => handler.Rectificeren(casusId, nummer, body, ifMatch, http, ct))
            .WithName("subject-rectificeren")
            .WithSummary("De gegevens van een subject rectificeren (AVG art. 16)")
            .WithDescription("Voor de riec-coordinator van de regio, in elke stap, ook na afsluiten. Geef de juiste gegevens (zoals bij " +
                "het toevoegen van een subject) en de reden. Lezers zien vanaf nu de gecorrigeerde gegevens. Met " +
                "`oudeGegevensVernietigen: true` wordt de oude waarde meteen vernietigd (in de historie staat dan een vernietigd subject " +
                "met de datum); anders blijft ze, versleuteld, in de historie tot de casus zelf wordt vernietigd. Antwoordt met de nieuwe " +
                "stand en `ETag`. 409 `privacy.subject-onbekend`, `privacy.subject-vernietigd`, `privacy.geen-wijziging`, " +
                "`casus.subject-al-toegevoegd` of `privacy.casus-vernietigd`.")
            .WithMetadata(new RequestExample(RectificatieRequest.Example))
            .Produces<IntegraleCasus>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        privacy.MapPost("/wisverzoeken", (WisverzoekRequest body, PrivacyHandler handler, HttpContext http, CancellationToken ct) =>
                handler.Wissen(body, http, ct))
            .WithName("wisverzoek-afhandelen")
            .WithSummary("Een verzoek om wissen afhandelen (AVG art. 17, privacyfunctionarissen)")
            .WithDescription("Geef de identificerende gegevens van de persoon of het object (de API berekent het pseudoniem en vindt via " +
                "het verwerkingenlogboek elke casus in de eigen regio's), de grond (`niet-meer-nodig`, `bezwaar`, `onrechtmatig`, " +
                "`wettelijke-verplichting`) en het kenmerk van het verzoek. Per casus de juridische toets: bij `niet-meer-nodig` en " +
                "`bezwaar` wordt geweigerd zolang de casus loopt (art. 17 lid 3 sub b) en binnen de bewaarplicht na afsluiten " +
                "(sub b en e), met de laatste bewaardag. Wat mag, wordt gewist (de gegevenssleutels vernietigd; in de casus staat " +
                "`SubjectGewist`). Antwoordt 201 met het verzoek en de uitkomst per casus; 409 `privacy.wissen-geweigerd` als geen " +
                "enkele casus gewist mocht worden (de redenen staan in `uitkomsten` en in het auditlog).")
            .WithMetadata(new RequestExample(WisverzoekRequest.Example))
            .Produces<WisverzoekAfgehandeld>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        privacy.MapGet("/wisverzoeken/{verzoekId:guid}", (Guid verzoekId, PrivacyHandler handler, HttpContext http, CancellationToken ct) =>
                handler.Wisverzoek(verzoekId, http, ct))
            .WithName("wisverzoek-opvragen")
            .WithSummary("Een afgehandeld verzoek om wissen (privacyfunctionarissen en auditors)")
            .WithDescription("Het pseudoniem van de persoon, de grond, het kenmerk, wie het afhandelde en de uitkomst per casus.")
            .Produces<WisverzoekAfgehandeld>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        privacy.MapGet("/vernietigingslijsten", ([FromQuery] string? regio, [FromQuery] string? status, [FromQuery] string? page,
                [FromQuery] string? pageSize, PrivacyHandler handler, HttpContext http, CancellationToken ct) =>
                handler.Lijsten(regio, status, page, pageSize, http, ct))
            .WithName("vernietigingslijsten-opvragen")
            .WithSummary("De vernietigingslijsten, nieuwste eerst (privacyfunctionarissen en auditors)")
            .WithDescription($"Van de eigen regio's (landelijke: alle). `status`: {string.Join(", ", Names.All<Lijststatus>())}. " +
                "Een uitgevoerde lijst is de verklaring van vernietiging. `page` begint bij 1; `pageSize` is 20 tenzij opgegeven, hoogstens 100.")
            .Produces<Pagina<Samenvatting>>();

        privacy.MapGet("/vernietigingslijsten/{lijstId:guid}", (Guid lijstId, PrivacyHandler handler, HttpContext http, CancellationToken ct) =>
                handler.Lijst(lijstId, http, ct))
            .WithName("vernietigingslijst-opvragen")
            .WithSummary("Eén vernietigingslijst; uitgevoerd: de verklaring van vernietiging (privacyfunctionarissen en auditors van de regio)")
            .WithDescription("De casussen (id, regio, afsluitdatum, verwerkingsactiviteit, bewaartermijn, laatste bewaardag), de " +
                "akkoorden (wie, namens welke organisatie, wanneer), de status, en na uitvoering: wanneer, hoeveel casussen zijn " +
                "vernietigd en welke zijn overgeslagen met de reden. Bevat geen persoonsgegevens van subjecten en blijft altijd leesbaar.")
            .Produces<Vernietigingslijst>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        privacy.MapPost("/vernietigingslijsten/{lijstId:guid}/akkoorden", (Guid lijstId, PrivacyHandler handler, HttpContext http,
                CancellationToken ct) => handler.Goedkeuren(lijstId, http, ct))
            .WithName("vernietigingslijst-goedkeuren")
            .WithSummary("Akkoord geven op een vernietigingslijst (privacyfunctionarissen van de regio; vier ogen)")
            .WithDescription($"Een lijst wordt uitgevoerd na {Vernietigingslijst.BenodigdeAkkoorden} akkoorden van verschillende " +
                "privacyfunctionarissen; een tweede akkoord van dezelfde persoon is 409 `vernietiging.vier-ogen`, een akkoord op een " +
                "lijst die al is goedgekeurd of uitgevoerd 409 `vernietiging.niet-voorgesteld`. Het laatste akkoord zet de uitvoering " +
                "in gang (op de achtergrond, in delen); de status wordt `uitgevoerd` als het klaar is. Antwoordt met de lijst.")
            .Produces<Vernietigingslijst>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
