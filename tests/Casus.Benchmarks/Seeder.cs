using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Casus.Api.Casussen;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Historie;
using Casus.Domain.Toegang;
using Casus.Projections.Historie;
using Casus.Testdata;
using JasperFx.Events;
using Marten;

namespace Casus.Benchmarks;

public sealed record SeedResult(IReadOnlyDictionary<int, Guid> Ids, int Casussen, long Events, TimeSpan Duration)
{
    public double CasussenPerSecond => Casussen / Duration.TotalSeconds;
    public double EventsPerSecond => Events / Duration.TotalSeconds;
}

/// <summary>Seeds generated casussen in-process through the public commands, as the API would write them, only in bulk: each
/// request body becomes its domain command (the API's own validation), access is checked and the command decided on the
/// in-memory state, and the events are chained and stamped by <see cref="Ketenschrijver"/> with the API's metadata and the
/// command's time. A whole casus is one StartStream; many casussen share one SaveChanges. Any refusal is a generator bug and
/// stops the run. Not written: the audit and processing records the API adds per request.</summary>
public sealed class Seeder(IDocumentStore store)
{
    private const int CasussenPerBatch = 500;
    private static readonly ConcurrentDictionary<Type, MethodInfo> ToCommandMethods = new();

    public async Task<SeedResult> SeedAsync(IReadOnlyList<GeplandCommando> commandos, int parallel, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Casussen in the order their first command happened; each one's commands stay in time order.
        var perCasus = commandos.GroupBy(c => c.Casus).Select(g => g.ToList()).ToList();
        var ids = new ConcurrentDictionary<int, Guid>();
        long events = 0;
        var batches = perCasus.Chunk(CasussenPerBatch).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
            async (batch, token) =>
            {
                await using var session = store.LightweightSession();
                foreach (var casus in batch)
                {
                    var id = Guid.CreateVersion7();
                    ids[casus[0].Casus] = id;
                    Interlocked.Add(ref events, Stream(session, id, casus));
                }
                await session.SaveChangesAsync(token);
            });
        return new SeedResult(ids, perCasus.Count, events, clock.Elapsed);
    }

    /// <summary>Decides every command of one casus and starts its stream with all the events; returns how many.</summary>
    public static int Stream(IDocumentSession session, Guid id, IReadOnlyList<GeplandCommando> commandos)
    {
        IntegraleCasus? casus = null;
        var vorige = Ketenhash.Genesis;
        var alle = new List<object>();
        foreach (var gepland in commandos)
        {
            var v = new InputValidator(DutchDate(gepland.Tijdstip));
            var command = gepland.Body is SignaalIndienenRequest signaal ? signaal.ToCommand(v, id) : ToCommand(gepland.Body, v);
            if (!v.IsValid)
                throw Refused(gepland, "invalid: " + string.Join("; ", v.Errors.Select(e => e.ToString())));
            var toegang = Toegangsregels.Uitvoeren(gepland.Als, casus, command);
            if (!toegang.IsToegestaan) throw Refused(gepland, $"access {toegang.Uitkomst}: {toegang.Reden}");
            var beslissing = Beslisser.Beslis(casus, command);
            if (beslissing.Schending is { } schending) throw Refused(gepland, $"{schending.Code}: {schending.Melding}");

            var volgende = IntegraleCasus.Evolve(casus, beslissing.Gebeurtenissen, v.Today);
            var metadata = CasusCommandHandler.Metadata(gepland.Als, ActivityTraceId.CreateRandom().ToHexString(),
                ActivitySpanId.CreateRandom().ToHexString(), casus?.Stap ?? volgende.Stap, command);
            var gestempeld = Ketenschrijver.Schakel(session, id, casus?.Versie ?? 0, vorige, beslissing.Gebeurtenissen, metadata, gepland.Tijdstip);
            // The session carries one user/trace per SaveChanges; here every command has its own, so each event carries it.
            foreach (var e in gestempeld.Cast<IEvent>())
            {
                e.UserName = metadata.Gebruiker;
                e.CorrelationId = metadata.CorrelatieId;
                e.CausationId = metadata.CausatieId;
            }
            vorige = (string)((IEvent)gestempeld[^1]).GetHeader(Ketenhash.Header)!;
            alle.AddRange(gestempeld);
            casus = volgende;
        }
        session.LastModifiedBy = null;
        session.CorrelationId = null;
        session.CausationId = null;
        session.Events.StartStream<IntegraleCasus>(id, alle.ToArray());
        return alle.Count;
    }

    private static ICasusCommando ToCommand(object body, InputValidator v) =>
        (ICasusCommando)ToCommandMethods.GetOrAdd(body.GetType(), t => t.GetMethod(nameof(ICommandRequest<AnalyseRequest>.ToCommand), [typeof(InputValidator)])
            ?? throw new InvalidOperationException($"{t.Name} has no ToCommand(InputValidator).")).Invoke(body, [v])!;

    private static readonly TimeZoneInfo Amsterdam =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>"Today" for the validator as the API's <see cref="DutchCalendar"/> would have it at that moment.</summary>
    private static DateOnly DutchDate(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);

    private static InvalidOperationException Refused(GeplandCommando c, string why) =>
        new($"Generator bug: casus {c.Casus}, {c.Soort} at {c.Tijdstip:O} as {c.Als.GebruikerId} was refused ({why}).");
}
