using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Casus.Api.Database;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Casus.Benchmarks;

/// <summary>What the webhook phase measured: commands while every fact is delivered to a fast receiver, the deliveries
/// (how many per second, lag from commit to receipt), and commands while the receiver takes <see cref="TraagMs"/> per request.</summary>
public sealed record WebhookResultaat(LoadResult Snel, LoadResult Traag, int Afleveringen, TimeSpan Venster, Latencies Vertraging, int TraagMs)
{
    public double AfleveringenPerSeconde => Afleveringen / Venster.TotalSeconds;
}

/// <summary>Every partner organisation subscribes to every kind of fact on a real receiver (Kestrel on 127.0.0.1); the
/// command workload then runs twice: with the receiver answering at once, and with it answering after a delay.</summary>
public static class WebhookFase
{
    public static async Task<WebhookResultaat> RunAsync(ApiHost api, HttpClient http, Workloads workloads, int clients, TimeSpan warmUp,
        TimeSpan duur, CancellationToken ct)
    {
        var poort = PostgresInstallation.FindFreePort();
        var ontvangen = new ConcurrentQueue<(DateTimeOffset Op, DateTimeOffset Tijd)>();
        var traag = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{poort}");
        await using var ontvanger = builder.Build();
        ontvanger.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            ontvangen.Enqueue((DateTimeOffset.UtcNow, body!["time"]!.GetValue<DateTimeOffset>()));
            if (Volatile.Read(ref traag) > 0) await Task.Delay(Volatile.Read(ref traag));
            return Results.NoContent();
        });
        await ontvanger.StartAsync(ct);

        foreach (var organisatie in workloads.Partners)
        {
            var beheerder = new Actor($"integratie@{organisatie.Id}", organisatie, new HashSet<RiecRegio>(), false, new HashSet<Rol> { Rol.Integratiebeheerder });
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{Uri.EscapeDataString(organisatie.Id)}/abonnementen")
            {
                Content = JsonContent.Create(new
                {
                    callbackUrl = $"http://127.0.0.1:{poort}/hook",
                    soorten = new[] { "informatie-verzocht", "partner-aangesloten", "interventie-geadviseerd", "termijn-nadert", "termijn-verstreken", "stap-gewijzigd", "casus-afgesloten" },
                }),
                Headers = { Authorization = new("Bearer", api.Token(beheerder)) },
            };
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Subscribing {organisatie.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        var start = DateTimeOffset.UtcNow;
        var snel = await LoadRunner.RunAsync("commands, webhooks to a fast receiver", http, clients, warmUp, duur, workloads.NextCommand,
            Workloads.IsConcurrencyAnswer, ct);
        // Let the queue drain (bounded), then count what arrived for the commands of this phase.
        var tot = DateTime.UtcNow.AddSeconds(30);
        var vorige = -1;
        while (DateTime.UtcNow < tot && ontvangen.Count != vorige)
        {
            vorige = ontvangen.Count;
            await Task.Delay(1000, ct);
        }
        var binnen = ontvangen.Where(o => o.Tijd >= start).ToList();
        var venster = binnen.Count == 0 ? TimeSpan.FromSeconds(1) : binnen.Max(o => o.Op) - start;
        var vertraging = new Latencies();
        foreach (var o in binnen) vertraging.Add((o.Op - o.Tijd).TotalMilliseconds);

        const int traagMs = 2000;
        Volatile.Write(ref traag, traagMs);
        var langzaam = await LoadRunner.RunAsync($"commands, webhooks to a receiver taking {traagMs / 1000} s", http, clients, warmUp, duur,
            workloads.NextCommand, Workloads.IsConcurrencyAnswer, ct);
        await ontvanger.StopAsync(CancellationToken.None);
        return new WebhookResultaat(snel, langzaam, binnen.Count, venster, vertraging, traagMs);
    }
}
