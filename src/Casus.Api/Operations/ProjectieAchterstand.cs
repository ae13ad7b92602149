using Casus.Projections;
using Npgsql;

namespace Casus.Api.Operations;

/// <summary>How far the async projections lag: the age of the oldest event they have not processed yet (zero when they
/// are current, so a burst of events worked off in seconds never counts as lag), and how many events that is.</summary>
public sealed record ProjectieAchterstand(TimeSpan Duur, long Gebeurtenissen)
{
    public static async Task<ProjectieAchterstand> MeetAsync(NpgsqlConnection connection, TimeProvider clock, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            with voortgang as (
                select coalesce((select min(last_seq_id) from {CasusStore.Schema}.mt_event_progression where name like $1), 0) as tot)
            select (select timestamp from {CasusStore.Schema}.mt_events, voortgang where seq_id > voortgang.tot order by seq_id limit 1),
                   coalesce((select max(seq_id) from {CasusStore.Schema}.mt_events), 0) - (select tot from voortgang)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = CasusStore.Overzichten + ":%" });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var duur = reader.IsDBNull(0) ? TimeSpan.Zero : clock.GetUtcNow() - new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero);
        return new ProjectieAchterstand(duur < TimeSpan.Zero ? TimeSpan.Zero : duur, Math.Max(0, reader.GetInt64(1)));
    }
}
