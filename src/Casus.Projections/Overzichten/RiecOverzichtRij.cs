namespace Casus.Projections.Overzichten;

/// <summary>The fields of the RIEC overview, one narrow row per casus (table <c>casus.riec_overzicht</c>): region, step,
/// signaal date, the date it entered its step, its closing date and its number of passed terms. A trigger on the
/// <see cref="CasusVoortgang"/> table writes the row in the same transaction as the progress document, whoever writes that
/// (the async daemon, a rebuild), so it never lags it. The overview then reads about 60 bytes per casus of the region
/// instead of its whole progress document (about 1.4 kB), and the months from two date indexes.</summary>
public static class RiecOverzichtRij
{
    public const string Tabel = $"{CasusStore.Schema}.riec_overzicht";

    /// <summary>The trigger's name carries the version of the row's definition: a new version refills the table from the
    /// progress documents at start-up.</summary>
    private const string Trigger = "riec_overzicht_v1";

    /// <summary>Creates the tables, triggers and functions when missing and fills them from the existing rows (idempotent);
    /// run by <see cref="Overzichttabellen"/>.</summary>
    internal const string Ddl = $$"""
        do $ddl$
        begin
          perform pg_advisory_xact_lock(4711019);
          create table if not exists {{Tabel}} (
              id uuid primary key,
              regio varchar not null,
              stap varchar not null,
              signaal date,
              sinds date,
              afgesloten date,
              verlopen int not null);
          create index if not exists riec_overzicht_stap on {{Tabel}} (regio, stap);
          create index if not exists riec_overzicht_signaal on {{Tabel}} (regio, signaal);
          create index if not exists riec_overzicht_afgesloten on {{Tabel}} (regio, afgesloten) where afgesloten is not null;
                    -- For a progress document written before business dates existed, the step's date is the Dutch day of its event time.
          create or replace function {{CasusStore.Schema}}.riec_overzicht_van(i uuid, d jsonb)
          returns table (id uuid, regio varchar, stap varchar, signaal date, sinds date, afgesloten date, verlopen int)
          language sql stable as $f$
            select i, (d ->> 'regio')::varchar, (d ->> 'stap')::varchar, (d ->> 'signaalDatum')::date,
                   coalesce((d ->> 'stapSindsDatum')::date, ((d ->> 'stapSinds')::timestamptz at time zone 'Europe/Amsterdam')::date),
                   (d ->> 'afgeslotenOp')::date,
                   case when jsonb_typeof(d -> 'verlopen') = 'array' then jsonb_array_length(d -> 'verlopen') else 0 end
            where d ->> 'regio' is not null and d ->> 'stap' is not null
          $f$;
          create or replace function {{CasusStore.Schema}}.riec_overzicht_bij() returns trigger language plpgsql as $f$
          begin
            if tg_op = 'DELETE' then
              delete from {{Tabel}} r where r.id = old.id;
              return null;
            end if;
            if tg_op = 'UPDATE' and
               (old.data -> 'regio', old.data -> 'stap', old.data -> 'signaalDatum', old.data -> 'stapSindsDatum', old.data -> 'stapSinds',
                old.data -> 'afgeslotenOp', old.data -> 'verlopen')
               is not distinct from
               (new.data -> 'regio', new.data -> 'stap', new.data -> 'signaalDatum', new.data -> 'stapSindsDatum', new.data -> 'stapSinds',
                new.data -> 'afgeslotenOp', new.data -> 'verlopen') then
              return null;
            end if;
            insert into {{Tabel}} select * from {{CasusStore.Schema}}.riec_overzicht_van(new.id, new.data)
              on conflict (id) do update set regio = excluded.regio, stap = excluded.stap, signaal = excluded.signaal,
                sinds = excluded.sinds, afgesloten = excluded.afgesloten, verlopen = excluded.verlopen;
            if not found then
              delete from {{Tabel}} r where r.id = new.id;
            end if;
            return null;
          end $f$;
          create or replace function {{CasusStore.Schema}}.riec_overzicht_leeg() returns trigger language plpgsql as $f$
          begin
            truncate {{Tabel}};
            return null;
          end $f$;
          if not exists (select 1 from pg_trigger where tgname = '{{Trigger}}' and tgrelid = '{{CasusVoortgang.Tabel}}'::regclass) then
            drop trigger if exists riec_overzicht_leeg on {{CasusVoortgang.Tabel}};
            create trigger {{Trigger}} after insert or update or delete on {{CasusVoortgang.Tabel}}
              for each row execute function {{CasusStore.Schema}}.riec_overzicht_bij();
            create trigger riec_overzicht_leeg after truncate on {{CasusVoortgang.Tabel}}
              for each statement execute function {{CasusStore.Schema}}.riec_overzicht_leeg();
            delete from {{Tabel}};
            insert into {{Tabel}} select r.* from {{CasusVoortgang.Tabel}} c, {{CasusStore.Schema}}.riec_overzicht_van(c.id, c.data) r;
          end if;
        end $ddl$;
        """;
}
