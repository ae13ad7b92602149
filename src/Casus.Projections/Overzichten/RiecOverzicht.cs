using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Npgsql;

namespace Casus.Projections.Overzichten;

/// <summary>The casussen of a region in one step: how many, and their ages in days (since the signaal, and since they
/// entered the step): the median and the oldest; and how many of their terms passed without the awaited fact (requests
/// unanswered, interventions unregistered, the step's maximum duration). Closed casussen are only counted.</summary>
public sealed record StapOverzicht(Stap Stap, int Aantal, int? LeeftijdMediaan, int? LeeftijdOudste, int? InStapMediaan, int? InStapOudste,
    int VerlopenTermijnen);

/// <summary>Casussen of a region whose signaal came in, and that were closed, in one month (yyyy-MM).</summary>
public sealed record MaandOverzicht(string Maand, int Geopend, int Afgesloten);

/// <summary>The RIEC overview of one region, computed from the <see cref="CasusVoortgang"/> read model's narrow rows.</summary>
public sealed record RiecOverzicht(RiecRegio Regio, DateOnly Peildatum, Actualiteit Actualiteit,
    IReadOnlyList<StapOverzicht> PerStap, IReadOnlyList<MaandOverzicht> PerMaand)
{
    /// <summary>One query per part over the region's narrow rows (<see cref="RiecOverzichtRij"/>; the months from their date
    /// indexes). Medians are the lower middle value
    /// (<c>percentile_disc(0.5)</c>): with an even number of casussen, the older of the two middle ones.</summary>
    public static async Task<RiecOverzicht> BerekenAsync(NpgsqlDataSource database, Actualiteit actualiteit, RiecRegio regio,
        DateTimeOffset nu, DateOnly vandaag, DateOnly vanMaand, DateOnly totMaand, CancellationToken ct)
    {
        var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select stap, count(*)::int, percentile_disc(0.5) within group (order by signaal), min(signaal),
                   percentile_disc(0.5) within group (order by sinds), min(sinds), sum(verlopen)::int
            from {RiecOverzichtRij.Tabel} where regio = $1 group by 1
            """) { Parameters = { new() { Value = regio.ToString() } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select to_char(d, 'YYYY-MM'), sum(geopend)::int, sum(afgesloten)::int from (
              select signaal d, 1 geopend, 0 afgesloten from {RiecOverzichtRij.Tabel} where regio = $1 and signaal >= $2 and signaal < $3
              union all
              select afgesloten, 0, 1 from {RiecOverzichtRij.Tabel} where regio = $1 and afgesloten >= $2 and afgesloten < $3
            ) m group by 1
            """) { Parameters = { new() { Value = regio.ToString() }, new() { Value = vanMaand }, new() { Value = totMaand.AddMonths(1) } } });
        await using var reader = await batch.ExecuteReaderAsync(ct);

        var perStap = new Dictionary<Stap, StapOverzicht>();
        while (await reader.ReadAsync(ct))
        {
            var stap = Enum.Parse<Stap>(reader.GetString(0));
            var open = stap != Stap.Afgesloten;
            perStap[stap] = new StapOverzicht(stap, reader.GetInt32(1),
                open ? Dagen(vandaag, reader.GetFieldValue<DateOnly>(2)) : null, open ? Dagen(vandaag, reader.GetFieldValue<DateOnly>(3)) : null,
                open ? Dagen(vandaag, reader.GetFieldValue<DateOnly>(4)) : null, open ? Dagen(vandaag, reader.GetFieldValue<DateOnly>(5)) : null,
                reader.GetInt32(6));
        }
        await reader.NextResultAsync(ct);
        var perMaand = new Dictionary<string, MaandOverzicht>();
        while (await reader.ReadAsync(ct))
            perMaand[reader.GetString(0)] = new MaandOverzicht(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));

        var maanden = new List<MaandOverzicht>();
        for (var m = vanMaand; m <= totMaand; m = m.AddMonths(1))
            maanden.Add(perMaand.GetValueOrDefault(m.ToString("yyyy-MM")) ?? new MaandOverzicht(m.ToString("yyyy-MM"), 0, 0));
        return new RiecOverzicht(regio, vandaag, actualiteit,
            Enum.GetValues<Stap>().Select(s => perStap.GetValueOrDefault(s) ?? new StapOverzicht(s, 0, null, null, null, null, 0)).ToList(),
            maanden);
    }

    private static int Dagen(DateOnly vandaag, DateOnly datum) => vandaag.DayNumber - datum.DayNumber;
}
