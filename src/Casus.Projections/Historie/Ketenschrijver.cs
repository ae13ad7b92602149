using System.Text.Json.Nodes;
using Casus.Domain.Historie;
using JasperFx.Events;
using Marten;

namespace Casus.Projections.Historie;

/// <summary>Who, why and on which ground an append happens: the user (user_name), trace id (correlation_id), span id
/// (causation_id) and the headers (organisation, processing activity, purpose, legal ground, …).</summary>
public sealed record Gebeurtenismetadata(string Gebruiker, string CorrelatieId, string? CausatieId, IReadOnlyDictionary<string, string> Headers);

/// <summary>The one write path for events: stamps the metadata, sets each event's time explicitly (truncated to the
/// microseconds PostgreSQL keeps) and chains it: header <see cref="Ketenhash.Header"/> = SHA-256 over the event, its
/// metadata and the previous event's hash. Every writer (the API's command handler, a bulk seeder) appends through this.</summary>
public static class Ketenschrijver
{
    /// <summary>Prepares <paramref name="gebeurtenissen"/> for stream <paramref name="stroomId"/>, now at
    /// <paramref name="huidigeVersie"/> (0: a new stream), and returns the wrapped events to append (AppendMany/StartStream).
    /// Reads only the previous event's hash (one row, by stream and version); the commit's version check makes sure no
    /// other event slipped in between.</summary>
    public static async Task<object[]> Schakel(IDocumentSession session, Guid stroomId, long huidigeVersie,
        IEnumerable<object> gebeurtenissen, Gebeurtenismetadata metadata, DateTimeOffset tijdstip, CancellationToken ct)
    {
        var vorige = huidigeVersie == 0 ? Ketenhash.Genesis : await VorigeHash(session, stroomId, huidigeVersie, ct);
        return Schakel(session, stroomId, huidigeVersie, vorige, gebeurtenissen, metadata, tijdstip);
    }

    /// <summary>As above, with the previous hash known (e.g. a seeder that writes a whole stream at once).</summary>
    public static object[] Schakel(IDocumentSession session, Guid stroomId, long huidigeVersie, string vorigeHash,
        IEnumerable<object> gebeurtenissen, Gebeurtenismetadata metadata, DateTimeOffset tijdstip)
    {
        // Personal data in casus events are encrypted with the casus's keys (made here for a new casus and for every new
        // subject value, in this session's transaction): the hash below covers the ciphertext (docs/privacy.md).
        var lijst = gebeurtenissen as IReadOnlyCollection<object> ?? gebeurtenissen.ToList();
        gebeurtenissen = lijst;
        Persoonsgegevens.Sleutelring.Van(session).Bereid(session, stroomId, huidigeVersie, lijst);
        session.LastModifiedBy = metadata.Gebruiker;
        session.CorrelationId = metadata.CorrelatieId;
        session.CausationId = metadata.CausatieId;
        var moment = Ketenhash.OpMicroseconde(tijdstip);
        var naamgeving = session.DocumentStore.Options.Events.EventNamingStyle;
        var serializer = session.DocumentStore.Options.Serializer();
        var headers = metadata.Headers.ToDictionary(h => h.Key, h => (JsonNode?)JsonValue.Create(h.Value));
        var versie = huidigeVersie;
        var vorige = vorigeHash;
        var resultaat = new List<object>();
        foreach (var gebeurtenis in gebeurtenissen)
        {
            versie++;
            var hash = Ketenhash.Bereken(new Ketenschakel(stroomId.ToString(), versie, gebeurtenis.GetType().GetEventTypeName(naamgeving), moment,
                metadata.Gebruiker, metadata.CorrelatieId, metadata.CausatieId, headers, serializer.ToJson(gebeurtenis), vorige));
            var wrapped = Omhul(gebeurtenis).AtTimestamp(moment);
            foreach (var (key, value) in metadata.Headers) wrapped = wrapped.WithHeader(key, value);
            resultaat.Add(wrapped.WithHeader(Ketenhash.Header, hash));
            vorige = hash;
        }
        return resultaat.ToArray();
    }

    private static readonly System.Reflection.MethodInfo AsEvent = typeof(Event).GetMethod(nameof(Event.AsEvent))!;

    /// <summary>An envelope typed as the event's runtime type (<c>AsEvent()</c> on an <c>object</c> would store the type as "object").</summary>
    private static IEvent Omhul(object gebeurtenis) =>
        (IEvent)AsEvent.MakeGenericMethod(gebeurtenis.GetType()).Invoke(null, [gebeurtenis])!;

    private static async Task<string> VorigeHash(IDocumentSession session, Guid stroomId, long versie, CancellationToken ct)
    {
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(headers ->> '{Ketenhash.Header}', '') from {CasusStore.Schema}.mt_events where stream_id = ? and version = ?",
            ct, stroomId, versie);
        // A missing or hashless predecessor (a stream from before the chain existed) chains on from the genesis value;
        // the verifier reports such a stream as broken at that event.
        return rows.SingleOrDefault() is { Length: > 0 } hash ? hash : Ketenhash.Genesis;
    }
}
