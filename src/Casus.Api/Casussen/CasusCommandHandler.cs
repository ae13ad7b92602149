using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using JasperFx;
using Marten;

namespace Casus.Api.Casussen;

/// <summary>The one path every command takes: validate the body, load the casus, check If-Match, decide (pure domain),
/// append the events in one transaction, answer with the new state and ETag. Any refusal appends nothing.</summary>
public sealed class CasusCommandHandler(IDocumentStore store, DutchCalendar calendar)
{
    public async Task<IResult> Submit(SignaalIndienenRequest request, HttpContext http, CancellationToken ct)
    {
        var v = new InputValidator(calendar.Today);
        var command = request.ToCommand(v, Guid.NewGuid());
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));

        var beslissing = Beslisser.Beslis(null, command);
        if (beslissing.Schending is { } schending) return Problems.Result(Problems.RuleBroken(schending, command.CasusId));

        await using var session = store.LightweightSession();
        session.Events.StartStream<IntegraleCasus>(command.CasusId, beslissing.Gebeurtenissen.Cast<object>().ToArray());
        await session.SaveChangesAsync(ct);

        var casus = IntegraleCasus.Evolve(null, beslissing.Gebeurtenissen);
        http.Response.Headers.ETag = ETags.For(casus.Versie);
        return TypedResults.Created($"{CommandRoutes.Base}/{casus.Id}", casus);
    }

    public async Task<IResult> Execute<TRequest>(Guid casusId, TRequest request, string? ifMatch, HttpContext http, CancellationToken ct)
        where TRequest : ICommandRequest<TRequest>
    {
        var v = new InputValidator(calendar.Today);
        var command = request.ToCommand(v);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));

        await using var session = store.LightweightSession();
        // Without an expected version Marten still checks at commit that nobody appended since this fetch.
        var stream = await session.Events.FetchForWriting<IntegraleCasus>(casusId, ct);
        if (stream.Aggregate is not { } huidig) return Problems.Result(Problems.CasusNotFound(casusId));
        if (ifMatch is not null && !ETags.Matches(ifMatch, huidig.Versie)) return Problems.Result(Problems.StaleVersion(huidig.Versie));

        var beslissing = Beslisser.Beslis(huidig, command);
        if (beslissing.Schending is { } schending) return Problems.Result(Problems.RuleBroken(schending, casusId));

        stream.AppendMany(beslissing.Gebeurtenissen.Cast<object>());
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            // Another request appended between our fetch and commit: the decision was taken on stale state.
            if (ifMatch is null) return Problems.Result(Problems.ConcurrentChange());
            await using var query = store.QuerySession();
            var state = await query.Events.FetchStreamStateAsync(casusId, ct);
            return Problems.Result(Problems.StaleVersion(state!.Version));
        }

        var casus = IntegraleCasus.Evolve(huidig, beslissing.Gebeurtenissen);
        http.Response.Headers.ETag = ETags.For(casus.Versie);
        return TypedResults.Ok(casus);
    }
}
