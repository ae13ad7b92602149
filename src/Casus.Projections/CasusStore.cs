using Casus.Domain.Casussen;
using Casus.Domain.Historie;
using Casus.Domain.Termijnen;
using Casus.Projections.Casussen;
using Casus.Projections.Overzichten;
using Casus.Projections.Persoonsgegevens;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Casus.Projections;

/// <summary>The one Marten configuration of Casus, shared by the API host, tests and tools.</summary>
public static class CasusStore
{
    public const string Schema = "casus";

    /// <summary>The async projections, run together by the daemon in two stages: the per-casus progress first, then the
    /// partner dashboard rows made from it. One name, one progress mark, one rebuild.</summary>
    public const string Overzichten = "Overzichten";

    /// <param name="sleutels">The data keys personal data are encrypted with (docs/privacy.md).</param>
    public static void Configureer(StoreOptions opts, NpgsqlDataSource database, TimeProvider clock, Termijnbeleid termijnen, Sleutelring sleutels)
    {
        opts.Connection(database);
        opts.Events.TimeProvider = clock;
        opts.DatabaseSchemaName = Schema;
        ConfigureerGebeurtenissen(opts, sleutels);
        opts.Projections.Add(new CasusProjectie(termijnen), ProjectionLifecycle.Inline);
        BestuurlijkeSignalen.SignaalProjectie.Configureer(opts);
        Ondermijningsbeelden.OndermijningsbeeldProjectie.Configureer(opts);
        Privacy.VernietigingslijstProjectie.Configureer(opts);
        opts.Storage.ExtendedSchemaObjects.Add(Sleuteltabel());
        opts.Projections.CompositeProjectionFor(Overzichten, overzichten =>
        {
            overzichten.Add<CasusVoortgangProjectie>();
            overzichten.Add<PartnerCasusProjectie>(2);
        });
        opts.Schema.For<CasusVoortgang>().Index(c => c.Regio);
        // A dashboard counts an organisation's rows per step and region (index-only) and reads only the rows where
        // something waits or the organisation has been quiet.
        opts.Schema.For<PartnerCasus>()
            .Duplicate(c => c.OrganisatieId)
            .Duplicate(c => c.Stap)
            .Duplicate(c => c.Regio)
            .Duplicate(c => c.LaatsteActiviteit)
            .Duplicate(c => c.Wacht)
            .Index(c => new { c.OrganisatieId, c.Stap, c.Regio })
            .Index(c => new { c.OrganisatieId, c.Wacht })
            // The open rows only, oldest activity first: counting and paging the quiet casussen reads just the quiet ones.
            .Index(c => new { c.OrganisatieId, c.LaatsteActiviteit, c.Regio }, i => i.Predicate = "stap <> 'Afgesloten'");
        // The list filters on step and region and sorts on the signaal date: real columns (kept by Marten from the document),
        // so counting a region is an index-only scan and a page is read in index order, without parsing documents.
        opts.Schema.For<IntegraleCasus>()
            .Duplicate(c => c.Stap)
            .Duplicate(c => c.Regio)
            .Duplicate(c => c.SignaalDatum)
            .Duplicate(c => c.VolgendeTermijn)
            .Index(c => new { c.Regio, c.SignaalDatum });
        // The region's own reference of a casus (a column with its index): a second signaal or import line with the same
        // reference in the region is found by it (docs/import.md; an import looks up a block of references at once).
        opts.Schema.For<IntegraleCasus>().Duplicate(c => c.Referentie);
    }

    /// <summary>How events are stored and read (serialisation, personal data encrypted with <paramref name="sleutels"/>, metadata
    /// columns, event types), without projections: the store's own, and that of a bare event store such as the benchmark's
    /// raw-append baseline (which shares the key ring, and so the casussen's keys).</summary>
    public static void ConfigureerGebeurtenissen(StoreOptions opts, Sleutelring sleutels)
    {
        // Enums as their C# names in stored JSON: Marten's LINQ translation relies on this storage form.
        // jsonb reorders keys, so the subject's "soort" discriminator need not come first when read back.
        // Personal data (free text, subjects) are encrypted right here, at the edge of the store (docs/privacy.md).
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, configure: json =>
        {
            json.AllowOutOfOrderMetadataProperties = true;
            Bescherming.Configureer(json, sleutels);
        });
        Sleutelring.Registreer(opts, sleutels);
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        // Register every event type up front, so a fresh process can read streams it has not written to.
        RegistreerGebeurtenissen<ICasusGebeurtenis>(opts);
        // The record of a periodic chain check, in its own stream per run; not a casus event, so CasusProjectie ignores it.
        opts.Events.AddEventType<KetencontroleUitgevoerd>();
    }

    /// <summary>Registers every event type of the domain that implements <typeparamref name="TSoort"/> (the marker of one kind
    /// of stream), so a fresh process can read streams it has not written to.</summary>
    public static void RegistreerGebeurtenissen<TSoort>(StoreOptions opts) =>
        opts.Events.AddEventTypes(typeof(TSoort).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(TSoort).IsAssignableFrom(t)));

    /// <summary>The data keys (docs/privacy.md): one row per key; destroying a key sets <c>sleutel</c> (and the subject value's
    /// <c>kenmerk</c>) to null and records when and why.</summary>
    private static Weasel.Postgresql.Tables.Table Sleuteltabel()
    {
        var tabel = new Weasel.Postgresql.Tables.Table(Sleutelring.Tabel);
        tabel.AddColumn<Guid>("id").AsPrimaryKey();
        tabel.AddColumn<Guid>("casus_id").NotNull();
        tabel.AddColumn("soort", "text").NotNull();
        tabel.AddColumn("subject_nummer", "integer");
        tabel.AddColumn("kenmerk", "text");
        tabel.AddColumn("sleutel", "bytea");
        tabel.AddColumn("aangemaakt_op", "timestamp with time zone").NotNull();
        tabel.AddColumn("vernietigd_op", "timestamp with time zone");
        tabel.AddColumn("vernietiging", "text");
        tabel.Indexes.Add(new Weasel.Postgresql.Tables.IndexDefinition("gegevenssleutels_casus") { Columns = ["casus_id"] });
        return tabel;
    }
}
