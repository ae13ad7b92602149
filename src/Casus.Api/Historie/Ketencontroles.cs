using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Historie;
using Casus.Domain.Toegang;
using Casus.Projections;
using Casus.Projections.Historie;
using Marten;

namespace Casus.Api.Historie;

/// <summary>The periodic check of a region (BIO2 8.15): verify the hash chain of every casus stream in the region and
/// record the outcome as a <see cref="KetencontroleUitgevoerd"/> event in its own stream, committed with the request's
/// audit record. Past checks can be listed and read back.</summary>
public sealed class Ketencontroles(IDocumentSession session, Verantwoordingscontext verantwoording, Ketenlezer ketens, TimeProvider clock)
{
    public async Task<IResult> Uitvoeren(string regio, HttpContext http, CancellationToken ct)
    {
        if (Toegang(regio, http) is { } weigering) return weigering;
        var r = Names.Parse<RiecRegio>(regio)!.Value;
        var ids = await session.Query<IntegraleCasus>().Where(c => c.Regio == r).Select(c => c.Id).ToListAsync(ct);
        var uitslagen = await ketens.Controleer(ids, ct);
        var actor = http.Actor();
        var trace = TraceContext.Of(http);
        var controle = new KetencontroleUitgevoerd(Guid.CreateVersion7(), r, actor.GebruikerId, actor.Organisatie.Id, clock.GetUtcNow(), ids.Count,
            uitslagen.Where(u => !u.Value.IsOk).OrderBy(u => u.Key)
                .Select(u => new GebrokenStroom(u.Key, u.Value.EersteGebrokenVersie!.Value, u.Value.Reden!)).ToList());
        var metadata = new Gebeurtenismetadata(actor.GebruikerId, trace.TraceId, trace.SpanId, new Dictionary<string, string>
        {
            [EventHeaders.Organisatie] = actor.Organisatie.Id,
            [EventHeaders.OrganisatieNaam] = actor.Organisatie.Naam,
            [EventHeaders.Doel] = "Periodieke controle van de integriteit van de vastgelegde historie (BIO2 8.15).",
        });
        session.Events.StartStream(controle.ControleId,
            Ketenschrijver.Schakel(session, controle.ControleId, 0, Ketenhash.Genesis, [controle], metadata, controle.Tijdstip));
        return TypedResults.Created($"/api/v1/regios/{regio}/ketencontroles/{controle.ControleId}", controle);
    }

    public async Task<IResult> Lijst(string regio, string? page, string? pageSize, HttpContext http, CancellationToken ct)
    {
        var v = new InputValidator(default);
        var paging = Paging.Parse(v, page, pageSize);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        if (Toegang(regio, http) is { } weigering) return weigering;
        var r = Names.Parse<RiecRegio>(regio)!.Value;
        var query = session.Events.QueryRawEventDataOnly<KetencontroleUitgevoerd>().Where(c => c.Regio == r);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.Tijdstip).ThenBy(c => c.ControleId).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(paging.Answer(http, total, rows));
    }

    public async Task<IResult> Een(string regio, Guid controleId, HttpContext http, CancellationToken ct)
    {
        if (Toegang(regio, http) is { } weigering) return weigering;
        var events = await session.Events.FetchStreamAsync(controleId, token: ct);
        return events.Select(e => e.Data).OfType<KetencontroleUitgevoerd>().SingleOrDefault() is { } controle && Names.Of(controle.Regio) == regio
            ? TypedResults.Ok(controle)
            : Problems.Result(Problems.KetencontroleNotFound(controleId));
    }

    /// <summary>Auditors of the region, or national auditors; an unknown region is not found.</summary>
    private IResult? Toegang(string regio, HttpContext http)
    {
        if (Names.Parse<RiecRegio>(regio) is not { } r)
            return Problems.Result(Problems.RegioNotFound(regio));
        verantwoording.BetrofRegio(r);
        return Toegangsregels.MagVerantwoordingLezen(http.Actor(), r)
            ? null
            : Problems.Result(Problems.Forbidden(Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt,
                $"Ketencontroles van regio {regio} zijn voor auditors van die regio en landelijke auditors.")));
    }
}
