namespace Casus.Projections.Overzichten;

/// <summary>The waiting items of the partner dashboards as rows of their own (table <c>casus.partner_wachtend</c>): one per
/// unanswered information request and per unregistered advised intervention, with organisation, casus, number, since when,
/// its date (the request's last day, the advice's date), region and instrument; and the number of partner rows per
/// organisation, region and step (table <c>casus.partner_telling</c>). Triggers on the <see cref="PartnerCasus"/> table keep
/// both in the same transaction as those rows, whoever writes them (the async daemon, a rebuild; they write one after the
/// other, see <see cref="ProjectieHerbouw"/>), so they are never out of step with them. They exist so a dashboard counts,
/// and a list pages, a busy organisation's casussen and waiting items from a few index entries instead of all its rows.</summary>
public static class PartnerWachtrij
{
    public const string Tabel = $"{CasusStore.Schema}.partner_wachtend";

    /// <summary>The number of partner rows per organisation, region and step.</summary>
    public const string Telling = $"{CasusStore.Schema}.partner_telling";

    /// <summary>Creates the tables, triggers and functions when missing and fills them from the existing rows (idempotent);
    /// run by <see cref="Overzichttabellen"/>.</summary>
    internal const string Ddl = $$"""
        do $ddl$
        begin
          perform pg_advisory_xact_lock(4711017);
          create table if not exists {{Tabel}} (
              organisatie_id varchar not null,
              casus_id uuid not null,
              soort varchar not null,
              nummer int not null,
              sinds timestamptz not null,
              datum date,
              regio varchar not null,
              instrument varchar,
              primary key (organisatie_id, casus_id, soort, nummer));
          create index if not exists partner_wachtend_lijst on {{Tabel}} (organisatie_id, soort, sinds, casus_id, nummer);
          -- With the region, so the dashboard's counts (which filter on it) read the index only.
          drop index if exists {{CasusStore.Schema}}.partner_wachtend_termijn;
          create index if not exists partner_wachtend_termijn_regio on {{Tabel}} (organisatie_id, soort, datum, regio);
          create table if not exists {{Telling}} (
              organisatie_id varchar not null,
              regio varchar not null,
              stap varchar not null,
              aantal int not null,
              primary key (organisatie_id, regio, stap));
          create or replace function {{CasusStore.Schema}}.partner_wachtend_van(o varchar, r varchar, d jsonb)
          returns table (organisatie_id varchar, casus_id uuid, soort varchar, nummer int, sinds timestamptz, datum date, regio varchar, instrument varchar)
          language sql immutable as $f$
            select o, (d ->> 'casusId')::uuid, 'verzoek'::varchar, (v ->> 'nummer')::int, (v ->> 'verzochtOp')::timestamptz,
                   (v ->> 'antwoordVoor')::date, r, null::varchar
            from jsonb_array_elements(coalesce(d -> 'openVerzoeken', '[]'::jsonb)) v
            union all
            select o, (d ->> 'casusId')::uuid, 'advies'::varchar, (a ->> 'nummer')::int, (a ->> 'geadviseerdOp')::timestamptz,
                   (a ->> 'datum')::date, r, (a ->> 'instrument')::varchar
            from jsonb_array_elements(coalesce(d -> 'openAdviezen', '[]'::jsonb)) a
          $f$;
          create or replace function {{CasusStore.Schema}}.partner_wachtend_bij() returns trigger language plpgsql as $f$
          begin
            if tg_op <> 'INSERT' and old.wacht then
              delete from {{Tabel}} w where w.organisatie_id = old.organisatie_id and w.casus_id = (old.data ->> 'casusId')::uuid;
            end if;
            if tg_op <> 'DELETE' and new.wacht then
              insert into {{Tabel}} select * from {{CasusStore.Schema}}.partner_wachtend_van(new.organisatie_id, new.regio, new.data);
            end if;
            return null;
          end $f$;
          create or replace function {{CasusStore.Schema}}.partner_telling_bij() returns trigger language plpgsql as $f$
          begin
            if tg_op = 'UPDATE' and (old.organisatie_id, old.regio, old.stap) is not distinct from (new.organisatie_id, new.regio, new.stap) then
              return null;
            end if;
            if tg_op <> 'INSERT' then
              update {{Telling}} t set aantal = aantal - 1
                where t.organisatie_id = old.organisatie_id and t.regio = old.regio and t.stap = old.stap;
            end if;
            if tg_op <> 'DELETE' then
              insert into {{Telling}} values (new.organisatie_id, new.regio, new.stap, 1)
                on conflict (organisatie_id, regio, stap) do update set aantal = {{Telling}}.aantal + 1;
            end if;
            return null;
          end $f$;
          create or replace function {{CasusStore.Schema}}.partner_wachtend_leeg() returns trigger language plpgsql as $f$
          begin
            truncate {{Tabel}};
            truncate {{Telling}};
            return null;
          end $f$;
          if not exists (select 1 from pg_trigger where tgname = 'partner_wachtend_bij' and tgrelid = '{{CasusStore.Schema}}.mt_doc_partnercasus'::regclass) then
            create trigger partner_wachtend_bij after insert or update or delete on {{CasusStore.Schema}}.mt_doc_partnercasus
              for each row execute function {{CasusStore.Schema}}.partner_wachtend_bij();
            create trigger partner_wachtend_leeg after truncate on {{CasusStore.Schema}}.mt_doc_partnercasus
              for each statement execute function {{CasusStore.Schema}}.partner_wachtend_leeg();
            delete from {{Tabel}};
            insert into {{Tabel}} select w.* from {{CasusStore.Schema}}.mt_doc_partnercasus p,
              {{CasusStore.Schema}}.partner_wachtend_van(p.organisatie_id, p.regio, p.data) w where p.wacht;
          end if;
          if not exists (select 1 from pg_trigger where tgname = 'partner_telling_bij' and tgrelid = '{{CasusStore.Schema}}.mt_doc_partnercasus'::regclass) then
            create trigger partner_telling_bij after insert or update or delete on {{CasusStore.Schema}}.mt_doc_partnercasus
              for each row execute function {{CasusStore.Schema}}.partner_telling_bij();
            delete from {{Telling}};
            insert into {{Telling}} select organisatie_id, regio, stap, count(*) from {{CasusStore.Schema}}.mt_doc_partnercasus
              group by organisatie_id, regio, stap;
          end if;
        end $ddl$;
        """;
}
