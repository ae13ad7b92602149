using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Casus.Api.Verantwoording;

/// <summary>The W3C trace context of a request: the caller's trace id when it sent a valid <c>traceparent</c>
/// (so records link across systems, as Logboek Dataverwerkingen asks), else a new one; and our own span id. These are the
/// ids of the request's activity, which ASP.NET Core starts from the <c>traceparent</c> header: so the audit and
/// processing records carry the trace id of the trace exported with OpenTelemetry.</summary>
public sealed partial record TraceContext(string TraceId, string SpanId)
{
    public string TraceParent => $"00-{TraceId}-{SpanId}-01";

    public static TraceContext Of(HttpContext http) => (TraceContext)http.Items[typeof(TraceContext)]!;

    public static IApplicationBuilder UseTraceContext(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var context = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity
            ? new TraceContext(activity.TraceId.ToHexString(), activity.SpanId.ToHexString())
            : Nieuw(http);
        http.Items[typeof(TraceContext)] = context;
        http.Response.Headers["traceparent"] = context.TraceParent;
        await next(http);
    });

    /// <summary>Without an activity (no listener asked ASP.NET Core for one): from the header directly.</summary>
    private static TraceContext Nieuw(HttpContext http)
    {
        var sent = W3C().Match(http.Request.Headers["traceparent"].ToString());
        var traceId = sent.Success && sent.Groups[1].Value.Any(c => c != '0') ? sent.Groups[1].Value : ActivityTraceId.CreateRandom().ToHexString();
        return new TraceContext(traceId, ActivitySpanId.CreateRandom().ToHexString());
    }

    [GeneratedRegex("^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex W3C();
}
