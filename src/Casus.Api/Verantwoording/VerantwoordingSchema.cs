using Npgsql;

namespace Casus.Api.Verantwoording;

/// <summary>Creates the audit log and the processing log at start-up (idempotent). Both tables are append-only:
/// a trigger refuses every UPDATE, DELETE and TRUNCATE, so not even the application can rewrite a record.</summary>
public sealed class VerantwoordingSchema(NpgsqlDataSource database) : IHostedService
{
    private const string Ddl = """
        select pg_advisory_xact_lock(4711);
        create schema if not exists casus;
        create table if not exists casus.auditlog (
            id bigint generated always as identity primary key,
            tijdstip timestamptz not null,
            trace_id text not null,
            span_id text not null,
            gebruiker_id text,
            organisatie_id text,
            organisatie_naam text,
            rollen text[],
            actie text not null,
            casus_id uuid,
            regio text,
            resultaat int not null,
            reden text,
            herkomst text not null);
        create index if not exists auditlog_casus on casus.auditlog (casus_id, tijdstip);
        create index if not exists auditlog_organisatie on casus.auditlog (organisatie_id, tijdstip);
        create index if not exists auditlog_gebruiker on casus.auditlog (gebruiker_id, tijdstip);
        create index if not exists auditlog_trace on casus.auditlog (trace_id);
        create table if not exists casus.verwerkingslog (
            id bigint generated always as identity primary key,
            tijdstip timestamptz not null,
            trace_id text not null,
            span_id text not null,
            activiteit_id text not null,
            activiteit_versie int not null,
            subject_pseudoniem text not null,
            casus_id uuid not null,
            regio text not null,
            status text not null);
        create index if not exists verwerkingslog_subject on casus.verwerkingslog (subject_pseudoniem, tijdstip);
        create index if not exists verwerkingslog_trace on casus.verwerkingslog (trace_id);
        create or replace function casus.alleen_toevoegen() returns trigger language plpgsql as $$
        begin
            raise exception '% op %.% is niet toegestaan: dit logboek is alleen aan te vullen', tg_op, tg_table_schema, tg_table_name;
        end $$;
        create or replace trigger auditlog_alleen_toevoegen before update or delete on casus.auditlog
            for each row execute function casus.alleen_toevoegen();
        create or replace trigger auditlog_niet_legen before truncate on casus.auditlog
            for each statement execute function casus.alleen_toevoegen();
        create or replace trigger verwerkingslog_alleen_toevoegen before update or delete on casus.verwerkingslog
            for each row execute function casus.alleen_toevoegen();
        create or replace trigger verwerkingslog_niet_legen before truncate on casus.verwerkingslog
            for each statement execute function casus.alleen_toevoegen();
        """;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(Ddl, connection, transaction)) await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
