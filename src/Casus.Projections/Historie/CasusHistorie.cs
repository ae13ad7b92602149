using Casus.Domain.Gedeeld;
using Casus.Domain.Casussen;
using JasperFx.Events;
using Marten;

namespace Casus.Projections.Historie;

/// <summary>A casus as it was: the state after the last event at or before a moment, or at a version.</summary>
public sealed record Historiestand(IntegraleCasus Casus, long Versie, DateTimeOffset Tijdstip);

/// <summary>Time travel over a casus stream: replays its events with the domain's own
/// <see cref="IntegraleCasus.Evolve(IntegraleCasus?, ICasusGebeurtenis, DateOnly)"/> (the one definition of how events build state).
/// Usable in-process without HTTP (e.g. by a benchmark): <c>new CasusHistorie(store.QuerySession()).OpPeilmoment(...)</c>.</summary>
public sealed class CasusHistorie(IQuerySession session)
{
    /// <summary>The state as of <paramref name="peildatum"/> (events with a timestamp at or before it) or at stream version
    /// <paramref name="versie"/> (give one); (null, 0) when the casus had no events by then or does not exist.</summary>
    public async Task<(IntegraleCasus? casus, long versie)> OpPeilmoment(Guid id, DateTimeOffset? peildatum, long? versie, CancellationToken ct = default)
    {
        var stand = await Stand(id, peildatum, versie, ct);
        return stand is null ? (null, 0) : (stand.Casus, stand.Versie);
    }

    /// <summary>As <see cref="OpPeilmoment"/>, with the time of the last applied event.</summary>
    public async Task<Historiestand?> Stand(Guid id, DateTimeOffset? peildatum, long? versie, CancellationToken ct = default)
    {
        if (peildatum is null == versie is null) throw new ArgumentException("Give exactly one of peildatum and versie.");
        var events = versie is { } v
            ? await session.Events.FetchStreamAsync(id, version: v, token: ct)
            : await session.Events.FetchStreamAsync(id, timestamp: peildatum!.Value, token: ct);
        return Speel(events);
    }

    /// <summary>Applies <paramref name="events"/> (one stream, in order); null when there are none.</summary>
    public static Historiestand? Speel(IReadOnlyList<IEvent> events)
    {
        IntegraleCasus? casus = null;
        IEvent? laatste = null;
        foreach (var e in events)
        {
            if (e.Data is ICasusGebeurtenis g) casus = IntegraleCasus.Evolve(casus, g, Kalender.Dag(e.Timestamp));
            laatste = e;
        }
        return casus is null || laatste is null ? null : new Historiestand(casus, laatste.Version, laatste.Timestamp);
    }
}
