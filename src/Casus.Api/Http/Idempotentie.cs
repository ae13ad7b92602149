using System.Security.Cryptography;
using System.Text.Json;
using Casus.Api.Beveiliging;
using Casus.Api.Verantwoording;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Casus.Api.Http;

/// <summary>Safe retries of a POST (IETF httpapi draft "The Idempotency-Key HTTP Header Field"). A request with an
/// <c>Idempotency-Key</c> that succeeded is remembered, per user and organisation, for <see cref="BewaartermijnSetting"/>
/// (default 24 hours): the same key with the same request (method, path, body) gets the original answer again (status,
/// Location, ETag, body) and nothing is appended; the same key with another request is 422
/// <c>idempotentie.sleutel-hergebruikt</c>. The answer is stored in the transaction of the command's events and audit
/// record (<see cref="Voeg"/>), so it exists exactly when they do. An error answer commits nothing and is not remembered:
/// retrying it runs the request again.</summary>
public static class Idempotentie
{
    public const string Header = "Idempotency-Key";
    public const string BewaartermijnSetting = "Casus:Idempotentie:Bewaartermijn";
    public static readonly TimeSpan StandaardBewaartermijn = TimeSpan.FromHours(24);
    private const int MaxSleutelLengte = 255;

    private sealed record Verzoek(string Scope, string Sleutel, string Vingerafdruk);

    private sealed record Antwoord(string Vingerafdruk, int Status, string? Location, string? ETag, string ContentType, byte[] Body);

    public static IApplicationBuilder UseIdempotentie(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var waarden)
            || http.ActorOrNull() is not { } actor)
        {
            await next(http);
            return;
        }
        var sleutel = waarden.ToString();
        if (sleutel.Length is 0 or > MaxSleutelLengte || sleutel.Any(char.IsControl) || waarden.Count > 1)
        {
            await Problems.Write(http, Problems.Validation([new InvalidParam(Header, "invalid",
                $"Eén sleutel van 1 tot {MaxSleutelLengte} tekens zonder stuurtekens, bijvoorbeeld een UUID.")]));
            return;
        }
        var verzoek = new Verzoek($"{actor.Organisatie.Id}/{actor.GebruikerId}", sleutel, await VingerafdrukAsync(http));
        if (await ZoekAsync(http, verzoek) is { } eerder)
        {
            await HerhaalAsync(http, verzoek, eerder);
            return;
        }
        http.Items[typeof(Verzoek)] = verzoek;
        try
        {
            await next(http);
        }
        catch (Exception e) when (IsGelijktijdigDuplicaat(e) && !http.Response.HasStarted)
        {
            // The same key was committed by a concurrent request in the meantime; this one committed nothing.
            http.Response.Clear();
            await HerhaalAsync(http, verzoek, await ZoekAsync(http, verzoek)
                ?? throw new InvalidOperationException("A concurrent request stored this Idempotency-Key and it is gone again.", e));
        }
    });

    /// <summary>Queues the answer of a request with an <c>Idempotency-Key</c> in <paramref name="session"/>, to commit with
    /// its events and audit record; nothing without the header. Call it just before the one SaveChangesAsync.</summary>
    /// <remarks><paramref name="casusId"/>: the casus the answer shows (null: none); destroying or erasing its personal data also
    /// removes the remembered answers that show it (<see cref="VergeetCasussen"/>).</remarks>
    public static void Voeg(IDocumentSession session, HttpContext http, object? result, DateTimeOffset nu, Guid? casusId = null)
    {
        if (!http.Items.TryGetValue(typeof(Verzoek), out var item) || item is not Verzoek verzoek) return;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var waarde = (result as IValueHttpResult)?.Value;
        var body = waarde is null ? [] : JsonSerializer.SerializeToUtf8Bytes(waarde, waarde.GetType(), json);
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        // Created<T> carries its Location; no interface exposes it.
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        var etag = http.Response.Headers.ETag.ToString();
        var bewaartermijn = http.RequestServices.GetRequiredService<IConfiguration>().GetValue(BewaartermijnSetting, StandaardBewaartermijn);
        // An expired record of this key makes way; a live one makes the insert, and so the whole transaction, fail.
        session.QueueSqlCommand("delete from casus.idempotentie where scope = ? and sleutel = ? and verloopt <= ?", verzoek.Scope, verzoek.Sleutel, nu);
        session.QueueSqlCommand("""
            insert into casus.idempotentie (scope, sleutel, vingerafdruk, status, location, etag, content_type, body, aangemaakt, verloopt, casus_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, verzoek.Scope, verzoek.Sleutel, verzoek.Vingerafdruk, status, (object?)location ?? DBNull.Value,
            etag.Length == 0 ? DBNull.Value : etag, "application/json; charset=utf-8", body, nu, nu + bewaartermijn, (object?)casusId ?? DBNull.Value);
    }

    /// <summary>Removes, in <paramref name="session"/>'s transaction, the remembered answers that show one of these casussen, and
    /// every expired one: an answer holds the casus as it was, personal data included (docs/privacy.md).</summary>
    public static void VergeetCasussen(IDocumentSession session, IReadOnlyCollection<Guid> casusIds, DateTimeOffset nu) =>
        session.QueueSqlCommand("delete from casus.idempotentie where casus_id = any(?) or verloopt <= ?", casusIds.ToArray(), nu);

    private static async Task<string> VingerafdrukAsync(HttpContext http)
    {
        http.Request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int gelezen;
        while ((gelezen = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) hash.AppendData(buffer, 0, gelezen);
        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<Antwoord?> ZoekAsync(HttpContext http, Verzoek verzoek)
    {
        await using var command = http.RequestServices.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select vingerafdruk, status, location, etag, content_type, body from casus.idempotentie where scope = $1 and sleutel = $2 and verloopt > $3");
        command.Parameters.Add(new NpgsqlParameter { Value = verzoek.Scope });
        command.Parameters.Add(new NpgsqlParameter { Value = verzoek.Sleutel });
        command.Parameters.Add(new NpgsqlParameter { Value = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() });
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!await reader.ReadAsync(http.RequestAborted)) return null;
        return new Antwoord(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), (byte[])reader.GetValue(5));
    }

    private static async Task HerhaalAsync(HttpContext http, Verzoek verzoek, Antwoord eerder)
    {
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        var nu = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (eerder.Vingerafdruk != verzoek.Vingerafdruk)
        {
            var problem = Problems.IdempotencyKeyReused(verzoek.Sleutel);
            await audit.SchrijfAsync(AuditRecord.Van(http, nu, null, problem.Status!.Value, $"idempotentie.sleutel-hergebruikt: {verzoek.Sleutel}"), http.RequestAborted);
            await Problems.Write(http, problem);
            return;
        }
        await audit.SchrijfAsync(AuditRecord.Van(http, nu, null, eerder.Status, $"idempotentie.herhaald: {verzoek.Sleutel}"), http.RequestAborted);
        http.Response.StatusCode = eerder.Status;
        if (eerder.Location is { } location) http.Response.Headers.Location = location;
        if (eerder.ETag is { } etag) http.Response.Headers.ETag = etag;
        http.Response.ContentType = eerder.ContentType;
        await http.Response.Body.WriteAsync(eerder.Body, http.RequestAborted);
    }

    private static bool IsGelijktijdigDuplicaat(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "idempotentie" }) return true;
        return false;
    }
}

/// <summary>Creates the table of remembered answers at start-up, and removes expired ones every hour.</summary>
public sealed class IdempotentieOpslag(NpgsqlDataSource database, TimeProvider clock, ILogger<IdempotentieOpslag> logger) : BackgroundService
{
    private const string Ddl = """
        select pg_advisory_xact_lock(4712);
        create schema if not exists casus;
        create table if not exists casus.idempotentie (
            scope text not null,
            sleutel text not null,
            vingerafdruk text not null,
            status int not null,
            location text,
            etag text,
            content_type text not null,
            body bytea not null,
            aangemaakt timestamptz not null,
            verloopt timestamptz not null,
            primary key (scope, sleutel));
        create index if not exists idempotentie_verloopt on casus.idempotentie (verloopt);
        alter table casus.idempotentie add column if not exists casus_id uuid;
        create index if not exists idempotentie_casus on casus.idempotentie (casus_id);
        """;

    public override async Task StartAsync(CancellationToken ct)
    {
        await using (var command = database.CreateCommand(Ddl)) await command.ExecuteNonQueryAsync(ct);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await using var command = database.CreateCommand("delete from casus.idempotentie where verloopt <= $1");
                command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Removing expired idempotency records failed; trying again in an hour.");
            }
        }
    }
}
