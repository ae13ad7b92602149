using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Casus.Api.Beveiliging;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Verantwoording;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Casus.Api.Tests.Operations;

/// <summary>With an OTLP endpoint configured by the standard environment variables (here as settings), the API exports
/// traces and metrics there; the audit record of a request carries the trace id of its exported trace.</summary>
public sealed class TelemetryTests(CasusApi api) : IClassFixture<CasusApi>
{
    private static readonly TimeSpan Binnen = TimeSpan.FromSeconds(20);

    private static bool Bevat(byte[] body, byte[] gezocht) => body.AsSpan().IndexOf(gezocht) >= 0;
    private static bool Bevat(byte[] body, string gezocht) => Bevat(body, Encoding.UTF8.GetBytes(gezocht));

    [Fact]
    public async Task A_command_is_exported_as_one_trace_with_its_database_calls_whose_id_is_in_the_audit_record_and_counted_by_kind_and_outcome()
    {
        using var ontvanger = new OtlpOntvanger();
        await using var metTelemetrie = api.WithWebHostBuilder(b => b
            .UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", ontvanger.Endpoint.ToString().TrimEnd('/'))
            .UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200")
            .UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "500"));
        var client = metTelemetrie.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            metTelemetrie.Services.GetRequiredService<DevelopmentTokens>().Mint(Personas.Tilburg).Token);

        using var antwoord = await client.PostAsJsonAsync("/api/v1/casussen", Examples.Signaal());
        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        var traceId = antwoord.Headers.GetValues("traceparent").Single().Split('-')[1];

        var audit = await new LogReader(api.ConnectionString).Audit(traceId);
        Assert.Equal("signaal-indienen", Assert.Single(audit)["actie"]);
        var traceBytes = Convert.FromHexString(traceId);
        Assert.True(await ontvanger.WachtOpAsync("/v1/traces", b => Bevat(b, traceBytes) && Bevat(b, "POST /api/v1/casussen"), Binnen),
            "no exported trace with the audit record's trace id and the request's route");
        Assert.True(await ontvanger.WachtOpAsync("/v1/traces", b => Bevat(b, traceBytes) && Bevat(b, "Npgsql"), Binnen),
            "the database calls of the request are not in its trace");
        Assert.True(await ontvanger.WachtOpAsync("/v1/metrics", b => Bevat(b, "casus.commandos") && Bevat(b, "signaal-indienen") && Bevat(b, "uitgevoerd"), Binnen),
            "commands are not counted by kind and outcome");
        Assert.True(await ontvanger.WachtOpAsync("/v1/metrics", b => Bevat(b, "http.server.request.duration") && Bevat(b, "http.route"), Binnen),
            "request durations by route are not exported");
        Assert.True(await ontvanger.WachtOpAsync("/v1/metrics", b => Bevat(b, "casus.projecties.achterstand"), Binnen),
            "the projection lag is not exported");
        Assert.True(await ontvanger.WachtOpAsync("/v1/metrics",
                b => Bevat(b, "casus.termijnen.te-bewaken") && Bevat(b, "casus.termijnen.gepland") && Bevat(b, "casus.notificaties.onderweg"), Binnen),
            "pending terms and notifications are not exported");
    }
}
