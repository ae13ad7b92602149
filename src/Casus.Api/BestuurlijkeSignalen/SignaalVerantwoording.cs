using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Toegang;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>What a signaal request touched, told by its handler to <see cref="SignaalVerantwoordingFilter"/>.</summary>
public sealed class SignaalVerantwoordingscontext
{
    public Guid? SignaalId { get; private set; }
    public string? Weigering { get; private set; }

    public void Betrof(Guid signaalId) => SignaalId = signaalId;

    public void Verborg(Guid signaalId, Toegangsbesluit besluit)
    {
        SignaalId = signaalId;
        Weigering = $"{besluit.Code}: {besluit.Reden}";
    }
}

/// <summary>As <see cref="VerantwoordingFilter"/> for casussen: every signaal request gets an audit record (the signaal's id
/// in <c>casus_id</c>, the operation as action); a command's record commits in the transaction of its events. A bestuurlijk
/// signaal holds no subject data, so there are no processing records.</summary>
public sealed class SignaalVerantwoordingFilter(IDocumentSession session, SignaalVerantwoordingscontext context, AuditLog audit, TimeProvider clock)
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
            await Fout(http, e);
            throw;
        }
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status >= 400)
        {
            await audit.SchrijfAsync(Record(http, status, context.Weigering ?? Reden(result)), ct);
            return result;
        }
        AuditLog.Voeg(session, Record(http, status, null));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            http.Response.Headers.ETag = default;
            var problem = http.Request.Headers.IfMatch.Count > 0 && context.SignaalId is { } id
                ? SignaalProblems.VersieVerouderd((await session.Events.FetchStreamStateAsync(id, ct))!.Version)
                : SignaalProblems.GelijktijdigeWijziging();
            await audit.SchrijfAsync(Record(http, problem.Status!.Value, Reden(problem)), ct);
            return Problems.Result(problem);
        }
        catch (Exception e)
        {
            http.Response.Headers.ETag = default;
            await Fout(http, e);
            throw;
        }
        return result;
    }

    private async Task Fout(HttpContext http, Exception e)
    {
        try
        {
            await audit.SchrijfAsync(Record(http, StatusCodes.Status500InternalServerError, $"onverwachte fout: {e.GetType().Name}"), CancellationToken.None);
        }
        catch (Exception)
        {
            // The original error is what counts.
        }
    }

    private AuditRecord Record(HttpContext http, int status, string? reden)
    {
        var actor = http.ActorOrNull();
        var trace = TraceContext.Of(http);
        var id = context.SignaalId ?? (Guid.TryParse(http.Request.RouteValues["signaalId"]?.ToString(), out var r) ? r : null);
        return new AuditRecord(clock.GetUtcNow(), trace.TraceId, trace.SpanId, actor?.GebruikerId, actor?.Organisatie.Id, actor?.Organisatie.Naam,
            actor?.Rollen.Select(Names.Of).Order().ToList() ?? [], http.Action(), id, null, status, reden, http.Herkomst());
    }

    private static string? Reden(object? result) => result is ProblemHttpResult p ? Reden(p.ProblemDetails) : null;

    private static string Reden(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        $"{(problem.Extensions.TryGetValue("code", out var code) ? code : null)}: {problem.Detail}";
}
