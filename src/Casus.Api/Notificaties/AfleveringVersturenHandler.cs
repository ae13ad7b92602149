using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Casus.Api.Notificaties;

/// <summary>Sends one delivery: POSTs the CloudEvent, signed (Standard Webhooks), to the subscription's callback URL, and
/// records the attempt, its audit record and, when it failed, the retry (or the pause, or giving up) in one transaction.
/// At-least-once: a receiver may see the same <c>webhook-id</c> twice and must deduplicate by it.</summary>
public static class AfleveringVersturenHandler
{
    public const string HttpClientNaam = "webhooks";
    public const string Gebruiker = "systeem:notificaties";

    public static async Task Handle(AfleveringVersturen bericht, IDocumentSession session, IMessageContext berichten,
        IHttpClientFactory clients, IOptions<WebhookInstellingen> opties, TimeProvider clock, CancellationToken ct)
    {
        var aflevering = await session.LoadAsync<Aflevering>(bericht.AfleveringId, ct);
        if (aflevering is null || aflevering.Status == AfleveringStatus.Afgeleverd) return;
        var abonnement = await session.LoadAsync<Abonnement>(aflevering.AbonnementId, ct);
        if (abonnement is null)
        {
            aflevering.Status = AfleveringStatus.Opgegeven;
            session.Store(aflevering);
            return;
        }
        if (abonnement.Status == AbonnementStatus.Gepauzeerd && !bericht.Herbezorging)
        {
            aflevering.Status = AfleveringStatus.Gepauzeerd;
            aflevering.VolgendePoging = null;
            session.Store(aflevering);
            return;
        }

        var instellingen = opties.Value;
        var nu = clock.GetUtcNow();
        var (status, fout, duur) = await VerstuurAsync(clients.CreateClient(HttpClientNaam), abonnement, aflevering, instellingen, nu, ct);
        aflevering.Pogingen.Add(new Poging(nu, status, fout, duur));
        aflevering.VolgendePoging = null;
        if (status is >= 200 and < 300)
        {
            aflevering.Status = AfleveringStatus.Afgeleverd;
            aflevering.AfgeleverdOp = nu;
            abonnement.OpeenvolgendeMislukkingen = 0;
        }
        else if (++abonnement.OpeenvolgendeMislukkingen >= instellingen.PauzeNaMislukkingen)
        {
            abonnement.Status = AbonnementStatus.Gepauzeerd;
            abonnement.GepauzeerdOp = nu;
            abonnement.PauzeReden = $"{abonnement.OpeenvolgendeMislukkingen} mislukte afleveringen op rij; de laatste: {fout ?? $"HTTP {status}"}. " +
                "Herstel de ontvanger en hervat het abonnement.";
            aflevering.Status = AfleveringStatus.Gepauzeerd;
        }
        else if (aflevering.Pogingen.Count - 1 < instellingen.Schema.Count && !bericht.Herbezorging)
        {
            var wacht = instellingen.Schema[aflevering.Pogingen.Count - 1];
            aflevering.Status = AfleveringStatus.Onderweg;
            aflevering.VolgendePoging = nu + wacht;
            await berichten.ScheduleAsync(new AfleveringVersturen(aflevering.Id), wacht);
        }
        else
        {
            aflevering.Status = AfleveringStatus.Opgegeven;
        }
        session.Store(aflevering);
        session.Store(abonnement);
        var trace = aflevering.TraceParent.Split('-') is [_, var traceId, _, _] ? traceId : ActivityTraceId.CreateRandom().ToHexString();
        AuditLog.Voeg(session, new AuditRecord(nu, trace, ActivitySpanId.CreateRandom().ToHexString(), Gebruiker, abonnement.OrganisatieId, null, [],
            "webhook-aflevering", aflevering.CasusId, null, status ?? 0,
            $"POST {abonnement.CallbackUrl} {CloudEvent.TypeVan(aflevering.Soort)} webhook-id {aflevering.Id}: " +
            $"{(status is { } s ? $"HTTP {s}" : fout)} in {duur} ms, {Names.Of(aflevering.Status)}", "systeem"));
    }

    /// <summary>One POST; never throws for what the receiver or the network does (that is a failed attempt).</summary>
    private static async Task<(int? Status, string? Fout, int DuurMs)> VerstuurAsync(HttpClient http, Abonnement abonnement,
        Aflevering aflevering, WebhookInstellingen instellingen, DateTimeOffset nu, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        if (CallbackAdres.Ongeldig(abonnement.CallbackUrl, instellingen) is { } ongeldig) return (null, ongeldig, 0);
        // The signature time is the system clock's: receivers compare it with their own to refuse replays.
        var tijdstempel = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = aflevering.Id.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, abonnement.CallbackUrl)
        {
            Content = new StringContent(aflevering.Bericht, Encoding.UTF8, CloudEvent.MediaType),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", tijdstempel.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature",
            Ondertekening.Handtekeningen(abonnement.Geldig(nu).Select(g => g.Waarde), id, tijdstempel, aflevering.Bericht));
        request.Headers.Add("traceparent", aflevering.TraceParent);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Casus-Webhooks", "1"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(instellingen.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, null, (int)stopwatch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, e is TaskCanceledException ? $"geen antwoord binnen {instellingen.Timeout.TotalSeconds:0} s" : "niet bereikbaar",
                (int)stopwatch.ElapsedMilliseconds);
        }
    }
}
