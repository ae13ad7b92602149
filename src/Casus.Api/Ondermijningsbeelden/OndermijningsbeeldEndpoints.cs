using System.ComponentModel.DataAnnotations;
using Casus.Api.Beveiliging;
using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Api.Verantwoording;
using Casus.Domain.Gedeeld;
using Casus.Domain.Historie;
using Casus.Domain.Ondermijningsbeelden;
using Casus.Domain.Toegang;
using Casus.Projections;
using Casus.Projections.Historie;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.Ondermijningsbeelden;

/// <summary>An ondermijningsbeeld the region delivered: a title and the delivery date, no personal data.</summary>
/// <param name="Titel">The title, e.g. "Ondermijningsbeeld haven Scheveningen"; no names of persons or companies.</param>
/// <param name="OpgeleverdOp">The delivery date (Tabel 1 row 1 counts it in its year).</param>
/// <param name="Referentie">The region's own reference, unique within the region (409 <c>ondermijningsbeeld.referentie-bestaat</c>).</param>
public sealed record OndermijningsbeeldRequest(
    [property: Required, MaxLength(200)] string? Titel, [property: Required, Bedrijfsdatum] DateOnly? OpgeleverdOp, [property: MaxLength(100)] string? Referentie = null)
{
    public OndermijningsbeeldRegistreren ToCommand(InputValidator v, Guid id, RiecRegio regio) =>
        new(id, regio, new Velden<OndermijningsbeeldRequest>(v).Text(Titel, "titel"), v.PastDate(OpgeleverdOp, "opgeleverdOp"),
            new Velden<OndermijningsbeeldRequest>(v).OptionalText(Referentie, "referentie"));

    public static OndermijningsbeeldRequest Example { get; } = new("Ondermijningsbeeld bedrijventerreinen Tilburg-Noord", new DateOnly(2026, 10, 1), "OB-2026-03");
}

/// <summary>The ondermijningsbeelden of a region (jaarverslag Tabel 1 row 1): register, list, read. Each is its own
/// hash-chained stream; a signaal that came from one names it (<c>ondermijningsbeeldId</c>).</summary>
public static class OndermijningsbeeldEndpoints
{
    public static void MapOndermijningsbeeldEndpoints(this IEndpointRouteBuilder app)
    {
        var beelden = app.MapGroup("/api/v1/regios/{regio}/ondermijningsbeelden").WithTags("Ondermijningsbeelden").RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        beelden.MapPost("", Registreren)
            .WithName("ondermijningsbeeld-registreren")
            .WithSummary("Een opgeleverd ondermijningsbeeld registreren (riec-coordinator van de regio)")
            .WithDescription("Titel en datum van oplevering, eventueel met de eigen referentie van de regio; geen persoonsgegevens. " +
                "De jaarcijfers tellen het in Tabel 1 rij 1 in het jaar van oplevering; een signaal dat eruit voortkomt noemt het " +
                "(`ondermijningsbeeldId`) en telt in rij 2a. Antwoordt 201 met `Location`.")
            .WithMetadata(new RequestExample(OndermijningsbeeldRequest.Example))
            .Produces<Ondermijningsbeeld>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        beelden.MapGet("", Lijst)
            .WithName("ondermijningsbeelden-opvragen")
            .WithSummary("De ondermijningsbeelden van een regio, laatst opgeleverd eerst")
            .WithDescription("Voor riec-coordinatoren, -analisten en auditors van de regio. Gepagineerd (`page`, `pageSize`).")
            .Produces<Pagina<Ondermijningsbeeld>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        beelden.MapGet("/{beeldId:guid}", Een)
            .WithName("ondermijningsbeeld-opvragen")
            .WithSummary("Eén ondermijningsbeeld van een regio")
            .WithDescription("Voor riec-coordinatoren, -analisten en auditors van de regio.")
            .Produces<Ondermijningsbeeld>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Registreren(string regio, OndermijningsbeeldRequest body, IDocumentSession session, DutchCalendar calendar,
        Verantwoordingscontext verantwoording, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (Names.Parse<RiecRegio>(regio) is not { } r) return Problems.Result(Problems.RegioNotFound(regio));
        verantwoording.BetrofRegio(r);
        var v = new InputValidator(calendar.Today);
        var command = body.ToCommand(v, Guid.CreateVersion7(), r);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        var actor = http.Actor();
        var toegang = Toegangsregels.OndermijningsbeeldRegistreren(actor, r);
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        if (command.Referentie is { } referentie && await MetReferentie(session, r, referentie, ct) is { } bestaand)
            return Problems.Result(Problems.OndermijningsbeeldReferentieBestaat(regio, referentie, bestaand));

        var gebeurtenis = Ondermijningsbeeld.Registreer(command);
        var trace = TraceContext.Of(http);
        session.Events.StartStream<Ondermijningsbeeld>(command.Id, Ketenschrijver.Schakel(session, command.Id, 0, Ketenhash.Genesis, [gebeurtenis],
            Metadata(actor.GebruikerId, actor.Organisatie, trace.TraceId, trace.SpanId), clock.GetUtcNow()));
        var beeld = Ondermijningsbeeld.Evolve(null, gebeurtenis);
        return TypedResults.Created($"/api/v1/regios/{regio}/ondermijningsbeelden/{beeld.Id}", beeld);
    }

    private static async Task<IResult> Lijst(string regio, [FromQuery] string? page, [FromQuery] string? pageSize, IQuerySession session,
        Verantwoordingscontext verantwoording, HttpContext http, CancellationToken ct)
    {
        var v = new InputValidator(default);
        var paging = Paging.Parse(v, page, pageSize);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        if (Toegang(regio, verantwoording, http) is { } weigering) return weigering;
        var r = Names.Parse<RiecRegio>(regio)!.Value;
        var query = session.Query<Ondermijningsbeeld>().Where(b => b.Regio == r);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.OpgeleverdOp).ThenBy(b => b.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(paging.Answer(http, total, rows));
    }

    private static async Task<IResult> Een(string regio, Guid beeldId, IQuerySession session, Verantwoordingscontext verantwoording,
        HttpContext http, CancellationToken ct)
    {
        if (Toegang(regio, verantwoording, http) is { } weigering) return weigering;
        return await session.LoadAsync<Ondermijningsbeeld>(beeldId, ct) is { } beeld && Names.Of(beeld.Regio) == regio
            ? TypedResults.Ok(beeld)
            : Problems.Result(Problems.OndermijningsbeeldNotFound(beeldId));
    }

    /// <summary>The region's RIEC staff and auditors; an unknown region is not found.</summary>
    private static IResult? Toegang(string regio, Verantwoordingscontext verantwoording, HttpContext http)
    {
        if (Names.Parse<RiecRegio>(regio) is not { } r) return Problems.Result(Problems.RegioNotFound(regio));
        verantwoording.BetrofRegio(r);
        var toegang = Toegangsregels.OndermijningsbeeldenLezen(http.Actor(), r);
        return toegang.IsToegestaan ? null : Problems.Result(Problems.Forbidden(toegang));
    }

    /// <summary>The beeld of <paramref name="regio"/> with the region's reference, if any.</summary>
    public static async Task<Guid?> MetReferentie(IQuerySession session, RiecRegio regio, string referentie, CancellationToken ct)
    {
        var ids = await session.Query<Ondermijningsbeeld>().Where(b => b.Regio == regio && b.Referentie == referentie).Select(b => b.Id)
            .Take(1).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>Who registered it and why: the event metadata of a beeld (no processing activity: it holds no personal data).</summary>
    public static Gebeurtenismetadata Metadata(string gebruiker, Organisatie organisatie, string traceId, string? spanId,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var headers = new Dictionary<string, string>
        {
            [EventHeaders.Organisatie] = organisatie.Id,
            [EventHeaders.OrganisatieNaam] = organisatie.Naam,
            [EventHeaders.Doel] = "Vastleggen dat de regio een ondermijningsbeeld opleverde (jaarverslag Tabel 1 rij 1).",
        };
        foreach (var (k, w) in extra ?? new Dictionary<string, string>()) headers[k] = w;
        return new Gebeurtenismetadata(gebruiker, traceId, spanId, headers);
    }
}
