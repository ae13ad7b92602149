using Casus.Projections;
using Npgsql;
using Wolverine;

namespace Casus.Api.Termijnen;

/// <summary>The term monitoring's clock: every <see cref="TermijnInstellingen.Controle"/> it asks the database which
/// casussen have a term whose last day is before today (by the app's <see cref="TimeProvider"/>, so tests can move time),
/// and hands each to Wolverine's durable local queue as <see cref="TermijnenBewaken"/>: the message is stored before it is
/// handled, survives a crash, is retried with backoff and ends in the dead-letter table when it keeps failing. The due
/// dates are data committed with the events (<c>volgende_termijn</c>), so nothing is lost when an instance dies, and an
/// instance that was down fires what passed in the meantime on its first round. One instance sweeps at a time (advisory
/// lock); the handler is idempotent, so a casus handed over twice is recorded once.</summary>
public sealed class Termijnveger(NpgsqlDataSource database, IServiceProvider services, TimeProvider clock, IConfiguration configuration,
    ILogger<Termijnveger> logger) : BackgroundService
{
    /// <summary>Advisory lock key of the sweep (Marten uses 4004, Wolverine 4006 and its own range).</summary>
    private const long Slot = 0x4361_7375_5465_726D; // "CasuTerm"

    /// <summary>At most this many casussen are handed over per round; the next round takes the rest.</summary>
    public const int PerRonde = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (TermijnInstellingen.Controle(configuration) is not { } interval) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await VeegAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; nothing of a round is lost (the due dates stay in the database).
                logger.LogWarning("Term monitoring round failed ({Error}); retrying in {Interval}.", e.GetType().Name, interval);
            }
            await Task.Delay(interval, stoppingToken);
        }
    }

    /// <summary>One round: the casussen with a passed term, handed to the durable queue. Returns how many.</summary>
    public async Task<int> VeegAsync(CancellationToken ct)
    {
        var vandaag = Domain.Gedeeld.Kalender.Dag(clock.GetUtcNow());
        var casussen = new List<Guid>();
        var signalen = new List<Guid>();
        await using (var connection = await database.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using var vergrendel = new NpgsqlCommand("select pg_try_advisory_xact_lock($1)", connection, transaction)
            {
                Parameters = { new NpgsqlParameter { Value = Slot } },
            };
            if (await vergrendel.ExecuteScalarAsync(ct) is not true) return 0;
            await using var command = new NpgsqlCommand($"""
                select id from {CasusStore.Schema}.mt_doc_integralecasus
                where volgende_termijn < $1 order by volgende_termijn limit {PerRonde}
                """, connection, transaction)
            {
                Parameters = { new NpgsqlParameter { Value = vandaag } },
            };
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) casussen.Add(reader.GetGuid(0));
            // Bestuurlijke signalen have terms of their own (answer, effect), dated in the same way.
            await using var signaalCommand = new NpgsqlCommand($"""
                select id from {Casus.Projections.BestuurlijkeSignalen.SignaalProjectie.Tabel}
                where volgende_termijn < $1 order by volgende_termijn limit {PerRonde}
                """, connection, transaction)
            {
                Parameters = { new NpgsqlParameter { Value = vandaag } },
            };
            await using (var reader = await signaalCommand.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) signalen.Add(reader.GetGuid(0));
            await transaction.CommitAsync(ct);
        }
        if (casussen.Count + signalen.Count == 0) return 0;
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var casusId in casussen) await bus.PublishAsync(new TermijnenBewaken(casusId));
        foreach (var signaalId in signalen) await bus.PublishAsync(new BestuurlijkeSignalen.SignaalTermijnenBewaken(signaalId));
        logger.LogInformation("Term monitoring: {Count} casussen and {Signalen} bestuurlijke signalen with a passed term handed over.",
            casussen.Count, signalen.Count);
        return casussen.Count + signalen.Count;
    }
}
