using Casus.Api.Verantwoording;
using Casus.Domain.Gedeeld;
using Casus.Domain.Historie;
using Casus.Domain.Privacy;
using Casus.Domain.Verwerkingen;
using Casus.Projections;
using Casus.Projections.Historie;
using Casus.Projections.Privacy;
using Marten;
using Npgsql;
using Wolverine;

namespace Casus.Api.Privacy;

/// <summary>The destruction sweep, like the term monitoring's (<see cref="Termijnen.Termijnveger"/>): every
/// <see cref="BewaarInstellingen.Veeg"/> (default daily) it asks the database which closed casussen passed their retention term
/// by the app's clock and are on no open list yet, and proposes them as destruction lists, one per region and at most
/// <see cref="BewaarInstellingen.MaxPerLijst"/> casussen each (event <see cref="VernietigingslijstOpgesteld"/> in the list's own
/// stream, with its audit record). Nothing is destroyed until two privacy officers approved a list. It also hands every approved
/// list that was not carried out (an instance died meanwhile) to Wolverine's durable queue again. One instance sweeps at a time
/// (advisory lock).</summary>
public sealed class Vernietigingsveger(NpgsqlDataSource database, IDocumentStore store, IServiceProvider services, Bewaarbeleid beleid,
    TimeProvider clock, IConfiguration configuration, ILogger<Vernietigingsveger> logger) : BackgroundService
{
    /// <summary>Advisory lock key of the sweep ("CasuVern").</summary>
    private const long Slot = 0x4361_7375_5665_726E;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (BewaarInstellingen.Veeg(configuration) is not { } interval) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await VeegAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Destruction sweep failed ({Error}); retrying in {Interval}.", e.GetType().Name, interval);
            }
            await Task.Delay(interval, stoppingToken);
        }
    }

    /// <summary>One round: the new lists (their ids), and approved lists handed over again.</summary>
    public async Task<IReadOnlyList<Guid>> VeegAsync(CancellationToken ct)
    {
        var nu = clock.GetUtcNow();
        var vandaag = Kalender.Dag(nu);
        await using var slot = await database.OpenConnectionAsync(ct);
        await using (var vergrendel = new NpgsqlCommand("select pg_try_advisory_lock($1)", slot) { Parameters = { new NpgsqlParameter { Value = Slot } } })
            if (await vergrendel.ExecuteScalarAsync(ct) is not true) return [];
        try
        {
            var kandidaten = await KandidatenAsync(slot, vandaag, ct);
            var lijsten = new List<Guid>();
            var max = BewaarInstellingen.MaxPerLijst(configuration);
            foreach (var regio in kandidaten.GroupBy(k => k.Regio).OrderBy(g => g.Key))
                foreach (var deel in regio.Chunk(max))
                    lijsten.Add(await StelOpAsync(regio.Key, vandaag, nu, deel, ct));
            await HerhaalGoedgekeurdeAsync(ct);
            if (lijsten.Count > 0)
                logger.LogInformation("Destruction sweep: {Lijsten} lists proposed with {Casussen} casussen whose retention term passed.",
                    lijsten.Count, kandidaten.Count);
            return lijsten;
        }
        finally
        {
            await using var ontgrendel = new NpgsqlCommand("select pg_advisory_unlock($1)", slot) { Parameters = { new NpgsqlParameter { Value = Slot } } };
            await ontgrendel.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    /// <summary>Closed casussen whose term passed by <paramref name="vandaag"/> (months added as PostgreSQL and .NET both do: the
    /// last day of a shorter month when the day does not exist), not destroyed, on no list that is still open.</summary>
    private async Task<List<TeVernietigenCasus>> KandidatenAsync(NpgsqlConnection connection, DateOnly vandaag, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            select c.id, c.regio, (c.data->'afsluiting'->>'datum')::date, coalesce((c.data->'afsluiting'->>'nietOpgenomen')::boolean, false)
            from {CasusStore.Schema}.mt_doc_integralecasus c
            where c.stap = 'Afgesloten'
              and jsonb_typeof(c.data->'vernietiging') is distinct from 'object'
              and ((c.data->'afsluiting'->>'datum')::date
                   + make_interval(months => case when (c.data->'afsluiting'->>'nietOpgenomen')::boolean then $2 else $3 end))::date < $1
              and not exists (select 1 from {VernietigingslijstProjectie.Tabel} l, jsonb_array_elements(l.data->'casussen') r
                              where l.status <> 'Uitgevoerd' and (r->>'casusId')::uuid = c.id)
            order by c.regio, 3, c.id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = vandaag });
        command.Parameters.Add(new NpgsqlParameter { Value = beleid.NietOpgenomenMaanden });
        command.Parameters.Add(new NpgsqlParameter { Value = beleid.AfgeslotenMaanden });
        command.CommandTimeout = 0;
        var kandidaten = new List<TeVernietigenCasus>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var regio = Enum.Parse<RiecRegio>(reader.GetString(1));
            var afgesloten = reader.GetFieldValue<DateOnly>(2);
            var nietOpgenomen = reader.GetBoolean(3);
            var maanden = nietOpgenomen ? beleid.NietOpgenomenMaanden : beleid.AfgeslotenMaanden;
            kandidaten.Add(new TeVernietigenCasus(reader.GetGuid(0), regio, afgesloten, nietOpgenomen,
                Verwerkingsregister.MetVersie(nietOpgenomen ? Verwerkingsregister.NietOpgenomenId : Verwerkingsregister.AfgeslotenId),
                nietOpgenomen ? $"{maanden} maanden na het besluit het signaal niet op te nemen" : $"{maanden} maanden na afsluiten",
                afgesloten.AddMonths(maanden)));
        }
        return kandidaten;
    }

    private async Task<Guid> StelOpAsync(RiecRegio regio, DateOnly vandaag, DateTimeOffset nu, IReadOnlyList<TeVernietigenCasus> casussen, CancellationToken ct)
    {
        var lijstId = Guid.CreateVersion7();
        var trace = Systeemactor.NieuweTrace();
        var opgesteld = new VernietigingslijstOpgesteld(lijstId, regio, vandaag, nu, casussen);
        await using var session = store.LightweightSession();
        var metadata = Systeemactor.Metadata(Systeemactor.Vernietiging, Systeemactor.Organisatie, Systeemactor.OrganisatieNaam, trace,
            Verwerkingsregister.Vernietigen);
        session.Events.StartStream<Vernietigingslijst>(lijstId, Ketenschrijver.Schakel(session, lijstId, 0, Ketenhash.Genesis, [opgesteld], metadata, nu));
        AuditLog.Voeg(session, Systeemactor.Audit(nu, trace, "vernietigingslijst-opgesteld", null, regio,
            $"vernietigingslijst {lijstId}: {casussen.Count} casussen waarvan de bewaartermijn is verstreken"));
        await session.SaveChangesAsync(ct);
        return lijstId;
    }

    /// <summary>Approved lists that were not carried out (yet): handed to the durable queue again (carrying out is idempotent).</summary>
    private async Task HerhaalGoedgekeurdeAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        // Lists approved in the last quarter of an hour are most likely being carried out right now (the approval sent them).
        var voor = clock.GetUtcNow() - TimeSpan.FromMinutes(15);
        var goedgekeurd = (await query.Query<Vernietigingslijst>().Where(l => l.Status == Lijststatus.Goedgekeurd).ToListAsync(ct))
            .Where(l => l.Akkoorden.Max(a => a.Op) < voor).Select(l => l.Id).ToList();
        if (goedgekeurd.Count == 0) return;
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var id in goedgekeurd) await bus.PublishAsync(new VernietigingUitvoeren(id));
    }
}
