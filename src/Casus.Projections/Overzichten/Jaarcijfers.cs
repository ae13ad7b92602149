using System.Globalization;
using System.Text;
using Casus.Domain.Gedeeld;
using Npgsql;

namespace Casus.Projections.Overzichten;

/// <summary>Jaarverslag Tabel 1 for one region (or the country) and year; docs/figures.md defines every field.
/// Rows 2a-2f count the sources of the handled casussen (a casus can have several, or none registered); themes (3a-3f)
/// count every theme of a casus once. Row 1 and the casussen without a source or theme come after the published rows.</summary>
public sealed record Tabel1(
    int Behandeld, int UitOndermijningsbeelden, int DoorGemeenten, int DoorOpenbaarMinisterie, int DoorPolitie, int DoorBelastingdienst,
    int DoorOverigePartners, int MensenhandelEnMensensmokkel, int HennepteeltEnDrugs, int Witwassen, int Vastgoed, int Omgs,
    int RegionaleThemas, int Interventieadviezen, int Bestuurlijk, int Bibob, int Strafrechtelijk, int Fiscaal, int Overig)
{
    public static readonly Tabel1 Leeg = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Row 1: ondermijningsbeelden the region registered as delivered in the year.</summary>
    public int OpgeleverdeOndermijningsbeelden { get; init; }

    /// <summary>Handled casussen without a registered source (registered by the RIEC itself, not from an ondermijningsbeeld):
    /// counted in none of rows 2a-2f.</summary>
    public int ZonderBron { get; init; }

    /// <summary>Handled casussen without a theme: counted in none of rows 3a-3f (not as a regional theme).</summary>
    public int ZonderThema { get; init; }

    public static Tabel1 operator +(Tabel1 a, Tabel1 b) => new(
        a.Behandeld + b.Behandeld, a.UitOndermijningsbeelden + b.UitOndermijningsbeelden, a.DoorGemeenten + b.DoorGemeenten,
        a.DoorOpenbaarMinisterie + b.DoorOpenbaarMinisterie, a.DoorPolitie + b.DoorPolitie, a.DoorBelastingdienst + b.DoorBelastingdienst,
        a.DoorOverigePartners + b.DoorOverigePartners, a.MensenhandelEnMensensmokkel + b.MensenhandelEnMensensmokkel,
        a.HennepteeltEnDrugs + b.HennepteeltEnDrugs, a.Witwassen + b.Witwassen, a.Vastgoed + b.Vastgoed, a.Omgs + b.Omgs,
        a.RegionaleThemas + b.RegionaleThemas, a.Interventieadviezen + b.Interventieadviezen, a.Bestuurlijk + b.Bestuurlijk,
        a.Bibob + b.Bibob, a.Strafrechtelijk + b.Strafrechtelijk, a.Fiscaal + b.Fiscaal, a.Overig + b.Overig)
    {
        OpgeleverdeOndermijningsbeelden = a.OpgeleverdeOndermijningsbeelden + b.OpgeleverdeOndermijningsbeelden,
        ZonderBron = a.ZonderBron + b.ZonderBron, ZonderThema = a.ZonderThema + b.ZonderThema,
    };
}

/// <summary>Jaarverslag Tabel 2, in euros: imposed, collected or set off, and assessments secured by attachment.</summary>
public sealed record Tabel2(decimal Opgelegd, decimal GeindOfVerrekend, decimal Beslag)
{
    public static readonly Tabel2 Leeg = new(0, 0, 0);

    public static Tabel2 operator +(Tabel2 a, Tabel2 b) =>
        new(a.Opgelegd + b.Opgelegd, a.GeindOfVerrekend + b.GeindOfVerrekend, a.Beslag + b.Beslag);
}

/// <summary>The bestuurlijke signalen the LIEC's Landelijk Loket guided in the year (national): submitted definitively in the
/// year (<see cref="Begeleid"/>) and completed in the year (<see cref="Afgerond"/>); docs/bestuurlijk-signaal.md.</summary>
public sealed record SignaalJaarcijfers(int Begeleid, int Afgerond);

public sealed record Regiocijfers(RiecRegio Regio, Tabel1 Tabel1, Tabel2 Tabel2);

public sealed record Landelijk(Tabel1 Tabel1, Tabel2 Tabel2);

/// <summary>The jaarcijfers of one year: every region and the national totals, from the counters the
/// <see cref="CasusVoortgang"/> rows keep (<see cref="JaarcijferTelling"/>; docs/figures.md).</summary>
public sealed record Jaarcijfers(int Jaar, Actualiteit Actualiteit, IReadOnlyList<Regiocijfers> Regios, Landelijk Landelijk,
    SignaalJaarcijfers BestuurlijkeSignalen)
{
    public static async Task<Jaarcijfers> BerekenAsync(NpgsqlDataSource database, Actualiteit actualiteit, int jaar, CancellationToken ct)
    {
        var begin = new DateOnly(jaar, 1, 1);
        var eind = new DateOnly(jaar, 12, 31);
        var batch = database.CreateBatch();
        // Tabel 1 rows 2 on and Tabel 2: the sum of the counters up to and including the year (JaarcijferTelling).
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"select regio, kolom, sum(waarde) from {JaarcijferTelling.Tabel} where jaar <= $1 group by 1, 2")
            { Parameters = { new() { Value = jaar } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select count(*) filter (where (data->>'ingediendOp')::date between $1 and $2)::int,
                   count(*) filter (where (data->>'afgerondOp')::date between $1 and $2)::int
            from {Casus.Projections.BestuurlijkeSignalen.SignaalProjectie.Tabel}
            """) { Parameters = { new() { Value = begin }, new() { Value = eind } } });
        // Row 1: ondermijningsbeelden delivered in the year (the inline beeld documents, always current).
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select data->>'regio', count(*)::int from {Ondermijningsbeelden.OndermijningsbeeldProjectie.Tabel}
            where (data->>'opgeleverdOp')::date between $1 and $2 group by 1
            """) { Parameters = { new() { Value = begin }, new() { Value = eind } } });
        await using var reader = await batch.ExecuteReaderAsync(ct);

        var tellingen = new Dictionary<(RiecRegio, string), decimal>();
        while (await reader.ReadAsync(ct))
            if (Enum.TryParse<RiecRegio>(reader.GetString(0), out var regio)) tellingen[(regio, reader.GetString(1))] = reader.GetDecimal(2);
        await reader.NextResultAsync(ct);
        var signalen = await reader.ReadAsync(ct) ? new SignaalJaarcijfers(reader.GetInt32(0), reader.GetInt32(1)) : new SignaalJaarcijfers(0, 0);
        await reader.NextResultAsync(ct);
        var beelden = new Dictionary<RiecRegio, int>();
        while (await reader.ReadAsync(ct)) beelden[Enum.Parse<RiecRegio>(reader.GetString(0))] = reader.GetInt32(1);

        var regios = Enum.GetValues<RiecRegio>().Select(regio =>
        {
            decimal W(string kolom) => tellingen.GetValueOrDefault((regio, kolom));
            int N(string kolom) => (int)W(kolom);
            int Bron(Signaalbron b) => N($"bron:{b}");
            int Thema(ThemaSoort t) => N($"thema:{t}");
            int Advies(Instrument i) => N($"advies:{i}");
            var tabel1 = new Tabel1(N("behandeld"), Bron(Signaalbron.Ondermijningsbeeld), Bron(Signaalbron.Gemeente),
                Bron(Signaalbron.OpenbaarMinisterie), Bron(Signaalbron.Politie), Bron(Signaalbron.Belastingdienst), Bron(Signaalbron.Overig),
                Thema(ThemaSoort.MensenhandelEnMensensmokkel), Thema(ThemaSoort.HennepteeltEnDrugs), Thema(ThemaSoort.Witwassen),
                Thema(ThemaSoort.Vastgoed), Thema(ThemaSoort.Omg), Thema(ThemaSoort.Regionaal),
                Enum.GetValues<Instrument>().Sum(Advies), Advies(Instrument.Bestuurlijk), Advies(Instrument.Bibob),
                Advies(Instrument.Strafrechtelijk), Advies(Instrument.Fiscaal), Advies(Instrument.Overig))
            {
                OpgeleverdeOndermijningsbeelden = beelden.GetValueOrDefault(regio), ZonderBron = N("zonderBron"), ZonderThema = N("zonderThema"),
            };
            return new Regiocijfers(regio, tabel1, new Tabel2(W("opgelegd"), W("geindOfVerrekend"), W("beslag")));
        }).ToList();
        return new Jaarcijfers(jaar, actualiteit, regios,
            new Landelijk(regios.Aggregate(Tabel1.Leeg, (s, r) => s + r.Tabel1), regios.Aggregate(Tabel2.Leeg, (s, r) => s + r.Tabel2)), signalen);
    }

    /// <summary>The figures in column order: the properties of <see cref="Tabel1"/> and <see cref="Tabel2"/>, in the order of
    /// their constructors (the order of the jaarverslag's rows).</summary>
    private static readonly System.Reflection.PropertyInfo[] Tabel1Velden = VeldenVan(typeof(Tabel1));
    private static readonly System.Reflection.PropertyInfo[] Tabel2Velden = VeldenVan(typeof(Tabel2));

    /// <summary>The fields of <see cref="Tabel1"/> added after the published rows (row 1, casussen without a source or theme):
    /// the last CSV columns, so the columns of the published rows keep their places.</summary>
    private static readonly System.Reflection.PropertyInfo[] ExtraVelden =
    [
        typeof(Tabel1).GetProperty(nameof(Tabel1.OpgeleverdeOndermijningsbeelden))!, typeof(Tabel1).GetProperty(nameof(Tabel1.ZonderBron))!,
        typeof(Tabel1).GetProperty(nameof(Tabel1.ZonderThema))!,
    ];

    /// <summary>The CSV columns: the JSON field names of <see cref="Tabel1"/> and <see cref="Tabel2"/>, in order, then the
    /// fields of Tabel 1 added later.</summary>
    public static readonly IReadOnlyList<string> Kolommen = [.. Tabel1Velden.Concat(Tabel2Velden).Concat(ExtraVelden).Select(p => Camel(p.Name))];

    /// <summary>RFC 4180 CSV: a header line, one line per region (API name), and a last line <c>landelijk</c>; amounts in
    /// euros with a decimal point and two decimals (<c>1123600.00</c>, <c>0.00</c>).</summary>
    public string AlsCsv(Func<RiecRegio, string> regioNaam)
    {
        var csv = new StringBuilder();
        csv.Append("regio,").AppendJoin(',', Kolommen).Append("\r\n");
        foreach (var r in Regios) Regel(csv, regioNaam(r.Regio), r.Tabel1, r.Tabel2);
        Regel(csv, "landelijk", Landelijk.Tabel1, Landelijk.Tabel2);
        return csv.ToString();
    }

    private static void Regel(StringBuilder csv, string naam, Tabel1 t1, Tabel2 t2)
    {
        var waarden = Tabel1Velden.Select(p => p.GetValue(t1)).Concat(Tabel2Velden.Select(p => p.GetValue(t2))).Concat(ExtraVelden.Select(p => p.GetValue(t1)));
        csv.Append(naam).Append(',').AppendJoin(',', waarden.Select(w => w is decimal bedrag
            ? bedrag.ToString("0.00", CultureInfo.InvariantCulture)
            : Convert.ToString(w, CultureInfo.InvariantCulture))).Append("\r\n");
    }

    private static System.Reflection.PropertyInfo[] VeldenVan(Type type) =>
        [.. type.GetConstructors()[0].GetParameters().Select(p => type.GetProperty(p.Name!)!)];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
