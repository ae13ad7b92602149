using Casus.Api.Beveiliging;
using Casus.Api.Http;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Casus.Api.Verantwoording;

/// <summary>The one place where a request touching a casus or a bestuurlijk signaal is made accountable and durable. After
/// the handler decided (and appended events to the request's session without saving), it adds the audit record, one
/// processing record per data subject whose personal data was processed (<see cref="Verantwoordingscontext.Verwerkingen"/>)
/// and the answer to remember for an <c>Idempotency-Key</c>, and commits all of it in one transaction: no event without its
/// audit record. A refusal or failure appends nothing and is recorded on its own. All before the answer is sent.</summary>
public sealed class VerantwoordingFilter(
    IDocumentSession session, Verantwoordingscontext context, AuditLog audit, Verwerkingslog verwerkingslog, Pseudonimisering pseudoniemen,
    TimeProvider clock)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var ct = http.RequestAborted;
        object? result;
        try
        {
            result = await next(invocation);
        }
        catch (Exception e) when (e is not BadHttpRequestException)
        {
            await AuditFailure(http, e);
            throw;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status >= 400)
        {
            await audit.SchrijfAsync(Record(http, status, context.Weigering ?? Reason(result)), ct);
            // A check that read personal data to decide (a signaal's subject check) processed it, refused or not.
            foreach (var verwerking in context.Verwerkingen.Where(v => v.OokBijWeigering))
                await verwerkingslog.SchrijfAsync(clock.GetUtcNow(), TraceContext.Of(http), verwerking.Activiteit, verwerking.StroomId,
                    verwerking.Regio, verwerking.Sleutels.Select(pseudoniemen.Van).ToList(), ct);
            return result;
        }

        var nu = clock.GetUtcNow();
        AuditLog.Voeg(session, Record(http, status, null));
        foreach (var verwerking in context.Verwerkingen)
            Verwerkingslog.Voeg(session, nu, TraceContext.Of(http), verwerking.Activiteit, verwerking.StroomId, verwerking.Regio,
                verwerking.Sleutels.Select(pseudoniemen.Van).ToList());
        foreach (var extra in context.Extra)
            Verwerkingslog.Voeg(session, nu, TraceContext.Of(http), extra.Activiteit, extra.CasusId, Names.Of(extra.Regio),
                [extra.Pseudoniem], extra.Status);
        Idempotentie.Voeg(session, http, result, nu, context.StroomId);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            // Another request appended between this request's read and commit: its decision was taken on stale state.
            http.Response.Headers.ETag = default;
            var metIfMatch = http.Request.Headers.IfMatch.Count > 0;
            var versie = metIfMatch && context.StroomId is { } id ? (await session.Events.FetchStreamStateAsync(id, ct))?.Version : null;
            var problem = context.Gelijktijdig(metIfMatch, versie);
            await audit.SchrijfAsync(Record(http, problem.Status!.Value, Reason(problem)), ct);
            return Problems.Result(problem);
        }
        catch (Exception e)
        {
            // Nothing was committed (events, audit and processing records share the transaction); record the failure.
            http.Response.Headers.ETag = default;
            await AuditFailure(http, e);
            throw;
        }
        return result;
    }

    /// <summary>Records a 500 on its own; when even that fails (the database is down), the original error is what counts.</summary>
    private async Task AuditFailure(HttpContext http, Exception e)
    {
        try
        {
            await audit.SchrijfAsync(Record(http, StatusCodes.Status500InternalServerError, $"onverwachte fout: {e.GetType().Name}"), CancellationToken.None);
        }
        catch (Exception)
        {
            // Swallowed on purpose: rethrowing this would hide the original exception.
        }
    }

    private AuditRecord Record(HttpContext http, int status, string? reden) =>
        AuditRecord.Van(http, clock.GetUtcNow(), context.Casus, status, reden, context.Regio, context.SignaalId);

    private static string? Reason(object? result) => result is ProblemHttpResult problem ? Reason(problem.ProblemDetails) : null;

    private static string Reason(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        $"{(problem.Extensions.TryGetValue("code", out var code) ? code : null)}: {problem.Detail}";
}
