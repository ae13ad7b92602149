namespace Casus.Projections.Overzichten;

/// <summary>The jaarcijfers kept as counters (table <c>casus.jaarcijfers_telling</c>): per region, year and figure (a column
/// of Tabel 1 or 2), what the <see cref="CasusVoortgang"/> rows contribute. A trigger on that table subtracts a row's old
/// contribution and adds its new one in the same transaction, whoever writes the row (the async daemon, a rebuild: one
/// after the other, see <see cref="ProjectieHerbouw"/>), so the counters never lag the rows. A year's figures are then the
/// sum of a few hundred counters, at any number of casussen, instead of a scan of every casus (1 s at 100,000 casussen).
/// <para>A casus counts as handled in every year from the one it was taken up in to the one it was closed in; kept as +1 in
/// the first year and -1 in the year after the last, so a year's figure is the sum over the years up to and including it.
/// Advices and proceeds count in the year of their date: +x in that year, -x in the next, summed the same way.</para></summary>
public static class JaarcijferTelling
{
    public const string Tabel = $"{CasusStore.Schema}.jaarcijfers_telling";

    /// <summary>The trigger's name carries the version of the contribution's definition: a new version recounts the table
    /// from the rows at start-up.</summary>
    private const string Trigger = "jaarcijfers_telling_v1";

    /// <summary>Creates the tables, triggers and functions when missing and fills them from the existing rows (idempotent);
    /// run by <see cref="Overzichttabellen"/>.</summary>
    internal const string Ddl = $$"""
        do $ddl$
        begin
          perform pg_advisory_xact_lock(4711018);
          create table if not exists {{Tabel}} (
              regio varchar not null,
              jaar int not null,
              kolom varchar not null,
              waarde numeric not null,
              primary key (regio, jaar, kolom));
          -- What one progress document contributes (docs/figures.md defines each figure): the columns of Tabel 1 row 2 on
          -- (behandeld, bron:<source>, thema:<theme>, zonderBron, zonderThema) over the years it was handled, advies:<instrument>
          -- and the three amounts of Tabel 2 in the year of their date.
          create or replace function {{CasusStore.Schema}}.jaarcijfers_bijdrage(d jsonb)
          returns table (regio varchar, jaar int, kolom varchar, waarde numeric)
          language sql stable as $f$
            with c as (
              select (d ->> 'regio')::varchar as regio,
                     extract(year from (d ->> 'opgenomenOp')::date)::int as van,
                     extract(year from (d ->> 'afgeslotenOp')::date)::int as tot,
                     -- Documents from before several sources existed have only their one "bron".
                     case when jsonb_typeof(d -> 'bronnen') = 'array' then d -> 'bronnen' else jsonb_build_array(d -> 'bron') end as bronnen,
                     case when jsonb_typeof(d -> 'themas') = 'array' then d -> 'themas' else '[]'::jsonb end as themas,
                     case when jsonb_typeof(d -> 'adviezen') = 'array' then d -> 'adviezen' else '[]'::jsonb end as adviezen,
                     case when jsonb_typeof(d -> 'opbrengsten') = 'array' then d -> 'opbrengsten' else '[]'::jsonb end as opbrengsten
              where d is not null and d ->> 'regio' is not null
            ), behandeld as (
              select 'behandeld'::varchar as kolom, 1::numeric as waarde from c
              union all
              select 'bron:' || b, count(*) from c, jsonb_array_elements_text(c.bronnen) b where b is not null group by b
              union all
              select distinct 'thema:' || t, 1 from c, jsonb_array_elements_text(c.themas) t where t is not null
              union all
              select 'zonderBron', 1 from c where jsonb_array_length(c.bronnen) = 0
              union all
              select 'zonderThema', 1 from c where jsonb_array_length(c.themas) = 0
            )
            select c.regio, j.jaar, b.kolom::varchar, (b.waarde * j.teken)::numeric
            from c cross join behandeld b cross join lateral (values (c.van, 1), (c.tot + 1, -1)) j(jaar, teken)
            where c.van is not null and (c.tot is null or c.tot >= c.van) and j.jaar is not null
            union all
            select c.regio, j.jaar, ('advies:' || (a ->> 'instrument'))::varchar, j.teken::numeric
            from c cross join lateral jsonb_array_elements(c.adviezen) a
                   cross join lateral (values (extract(year from (a ->> 'datum')::date)::int, 1),
                                              (extract(year from (a ->> 'datum')::date)::int + 1, -1)) j(jaar, teken)
            where a ->> 'datum' is not null and a ->> 'instrument' is not null
            union all
            select c.regio, j.jaar, v.kolom::varchar, (v.bedrag * j.teken)::numeric
            from c cross join lateral jsonb_array_elements(c.opbrengsten) o
                   cross join lateral (values ('opgelegd'::varchar, (o ->> 'opgelegd')::numeric),
                                              ('geindOfVerrekend', (o ->> 'geindOfVerrekend')::numeric),
                                              ('beslag', (o ->> 'beslag')::numeric)) v(kolom, bedrag)
                   cross join lateral (values (extract(year from (o ->> 'datum')::date)::int, 1),
                                              (extract(year from (o ->> 'datum')::date)::int + 1, -1)) j(jaar, teken)
            where o ->> 'datum' is not null and v.bedrag is not null
          $f$;
          create or replace function {{CasusStore.Schema}}.jaarcijfers_telling_bij() returns trigger language plpgsql as $f$
          begin
            -- Most events change none of the fields the figures read: nothing to count.
            if tg_op = 'UPDATE' and
               (old.data -> 'regio', old.data -> 'opgenomenOp', old.data -> 'afgeslotenOp', old.data -> 'bronnen', old.data -> 'bron',
                old.data -> 'themas', old.data -> 'adviezen', old.data -> 'opbrengsten')
               is not distinct from
               (new.data -> 'regio', new.data -> 'opgenomenOp', new.data -> 'afgeslotenOp', new.data -> 'bronnen', new.data -> 'bron',
                new.data -> 'themas', new.data -> 'adviezen', new.data -> 'opbrengsten') then
              return null;
            end if;
            insert into {{Tabel}} as t (regio, jaar, kolom, waarde)
            select x.regio, x.jaar, x.kolom, sum(x.waarde) from (
              select b.regio, b.jaar, b.kolom, -b.waarde as waarde
              from {{CasusStore.Schema}}.jaarcijfers_bijdrage(case when tg_op <> 'INSERT' then old.data end) b
              union all
              select b.regio, b.jaar, b.kolom, b.waarde
              from {{CasusStore.Schema}}.jaarcijfers_bijdrage(case when tg_op <> 'DELETE' then new.data end) b
            ) x group by 1, 2, 3 having sum(x.waarde) <> 0 order by 1, 2, 3
            on conflict (regio, jaar, kolom) do update set waarde = t.waarde + excluded.waarde;
            return null;
          end $f$;
          create or replace function {{CasusStore.Schema}}.jaarcijfers_telling_leeg() returns trigger language plpgsql as $f$
          begin
            truncate {{Tabel}};
            return null;
          end $f$;
          if not exists (select 1 from pg_trigger where tgname = '{{Trigger}}' and tgrelid = '{{CasusVoortgang.Tabel}}'::regclass) then
            drop trigger if exists jaarcijfers_telling_leeg on {{CasusVoortgang.Tabel}};
            create trigger {{Trigger}} after insert or update or delete on {{CasusVoortgang.Tabel}}
              for each row execute function {{CasusStore.Schema}}.jaarcijfers_telling_bij();
            create trigger jaarcijfers_telling_leeg after truncate on {{CasusVoortgang.Tabel}}
              for each statement execute function {{CasusStore.Schema}}.jaarcijfers_telling_leeg();
            delete from {{Tabel}};
            insert into {{Tabel}} select b.regio, b.jaar, b.kolom, sum(b.waarde) from {{CasusVoortgang.Tabel}} c,
              {{CasusStore.Schema}}.jaarcijfers_bijdrage(c.data) b group by 1, 2, 3 having sum(b.waarde) <> 0;
          end if;
        end $ddl$;
        """;
}
