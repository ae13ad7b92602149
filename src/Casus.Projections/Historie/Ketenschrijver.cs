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

    /// <summary>Adds to <paramref name="batch"/> the query for the hash of the last stored event of stream
    /// <paramref name="stroomId"/> with its version, so it comes in the same round trip as the stream itself
    /// (<c>FetchForWriting</c>). Answers "version:hash" (none for an empty or unknown stream).</summary>
    public static Task<IReadOnlyList<string>> LaatsteSchakel(Marten.Services.BatchQuerying.IBatchedQuery batch, Guid stroomId) =>
        batch.Query<string>(
            $"select e.version::text || ':' || coalesce(e.headers ->> '{Ketenhash.Header}', '') from {CasusStore.Schema}.mt_streams s " +
            $"join {CasusStore.Schema}.mt_events e on e.stream_id = s.id and e.version = s.version where s.id = ?", stroomId);

    /// <summary>As <see cref="Schakel(IDocumentSession, Guid, long, IEnumerable{object}, Gebeurtenismetadata, DateTimeOffset, CancellationToken)"/>,
    /// with the answer of <see cref="LaatsteSchakel"/> from the batch that fetched the stream: used when it is of version
    /// <paramref name="huidigeVersie"/>; otherwise (a commit between the two statements of the batch) read again. Either
    /// way the commit's version check refuses the append if another event slipped in.</summary>
    public static async Task<object[]> Schakel(IDocumentSession session, Guid stroomId, long huidigeVersie, IReadOnlyList<string> laatsteSchakel,
        IEnumerable<object> gebeurtenissen, Gebeurtenismetadata metadata, DateTimeOffset tijdstip, CancellationToken ct)
    {
        var prefix = huidigeVersie.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
        if (huidigeVersie > 0 && laatsteSchakel.Count == 1 && laatsteSchakel[0].StartsWith(prefix, StringComparison.Ordinal))
        {
            var hash = laatsteSchakel[0][prefix.Length..];
            return Schakel(session, stroomId, huidigeVersie, hash.Length > 0 ? hash : Ketenhash.Genesis, gebeurtenissen, metadata, tijdstip);
        }
        return await Schakel(session, stroomId, huidigeVersie, gebeurtenissen, metadata, tijdstip, ct);
    }


    /// <summary>An envelope typed as the event's runtime type (<c>AsEvent()</c> on an <c>object</c> would store the type as "object").</summary>
    private static IEvent Omhul(object gebeurtenis) =>
        Omhullers.GetOrAdd(gebeurtenis.GetType(), t => Wikkel.MakeGenericMethod(t).CreateDelegate<Func<object, IEvent>>())(gebeurtenis);

    private static readonly System.Reflection.MethodInfo Wikkel =
        typeof(Ketenschrijver).GetMethod(nameof(WikkelAls), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static IEvent WikkelAls<T>(object gebeurtenis) where T : notnull => Event.AsEvent((T)gebeurtenis);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<object, IEvent>> Omhullers = new();

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
