using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Privacy;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Casus.Projections.Persoonsgegevens;

/// <summary>The data keys of crypto-shredding (docs/privacy.md). Every casus has one key for its free text, and every distinct
/// value of one of its subjects a key of its own (so one person's data, or a corrected subject's old value, can be destroyed
/// alone). The keys live in <c>casus.gegevenssleutels</c>, each wrapped (AES-GCM) with the key-encryption key from
/// configuration; destroying a key sets it to null there, after which everything encrypted with it is unreadable, in every
/// table, copy and log that holds it, while the ciphertext, and so the hash chain over it, stays exactly as it was.
/// Values are encrypted deterministically (AES-GCM with a nonce derived from the value by HMAC, per key: a synthetic IV),
/// because an event is serialised twice, once for its hash and once by Marten to store it, and both must be the same.
/// Keys are cached in memory; <see cref="Vergeet"/> (after a destruction, here and, through PostgreSQL NOTIFY
/// <see cref="Kanaal"/>, on every other instance) drops them.</summary>
public sealed partial class Sleutelring
{
    public const string Tabel = $"{CasusStore.Schema}.gegevenssleutels";

    /// <summary>The PostgreSQL NOTIFY channel on which destroyed casus keys are announced (payload: the casus id).</summary>
    public const string Kanaal = "casus_gegevenssleutels";

    private const string Voorvoegsel = "enc1:";
    private const string SoortTekst = "tekst";
    private const string SoortSubject = "subject";

    private static readonly ConditionalWeakTable<object, Sleutelring> PerStore = new();
    private static readonly JsonSerializerOptions KenmerkOpties = new();

    private readonly NpgsqlDataSource _database;
    private readonly byte[] _omhulsleutel;
    private readonly byte[] _kenmerksleutel;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<Guid, Casussleutels> _cache = new();
    private readonly ConcurrentDictionary<Guid, Gegevenssleutel> _perId = new();
    private readonly ConditionalWeakTable<object, StrongBox<Guid>> _stromen = new();

    /// <param name="hoofdsleutel">The key-encryption key (at least 32 bytes; configuration <c>Casus:Persoonsgegevens:Sleutel</c>).</param>
    public Sleutelring(NpgsqlDataSource database, byte[] hoofdsleutel, TimeProvider clock)
    {
        if (hoofdsleutel.Length < 32) throw new ArgumentException("The key-encryption key must be at least 32 bytes.", nameof(hoofdsleutel));
        _database = database;
        _clock = clock;
        _omhulsleutel = HKDF.DeriveKey(HashAlgorithmName.SHA256, hoofdsleutel, 32, info: "casus-gegevenssleutels-omhullen"u8.ToArray());
        _kenmerksleutel = HKDF.DeriveKey(HashAlgorithmName.SHA256, hoofdsleutel, 32, info: "casus-subject-kenmerk"u8.ToArray());
    }

    /// <summary>Development and tests only: a fixed, public key-encryption key (production requires configuration).</summary>
    public static readonly byte[] OntwikkelSleutel = SHA256.HashData("casus-ontwikkeling-gegevenssleutels"u8);

    /// <summary>How long a cached casus is trusted without looking in the database again (a missed NOTIFY cannot last longer).</summary>
    public TimeSpan Cacheduur { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many casussen are cached (about 1.5 kB each); beyond it the ones loaded longest ago make way.</summary>
    public int MaxCasussen { get; init; } = 50_000;

    private int _trimmen;

    /// <summary>Makes room when the cache holds more than <see cref="MaxCasussen"/>: drops the fifth loaded longest ago (not
    /// those with keys this instance made in the last minutes and may not have committed yet).</summary>
    private void Begrens()
    {
        if (_cache.Count <= MaxCasussen || Interlocked.Exchange(ref _trimmen, 1) == 1) return;
        try
        {
            var grens = _clock.GetUtcNow() - TimeSpan.FromMinutes(5);
            foreach (var oud in _cache.Values.OrderBy(c => c.GeladenOp).Take(_cache.Count - MaxCasussen * 4 / 5).ToList())
                if (oud.Lokaal(grens).Count == 0 && _cache.TryRemove(oud.CasusId, out _))
                    foreach (var sleutel in oud.Alle) _perId.TryRemove(sleutel.Id, out _);
        }
        finally
        {
            Volatile.Write(ref _trimmen, 0);
        }
    }

    internal static void Registreer(object opties, Sleutelring ring) => PerStore.AddOrUpdate(opties, ring);

    /// <summary>The key ring of the store <paramref name="session"/> belongs to.</summary>
    public static Sleutelring Van(IQuerySession session) => Van(session.DocumentStore);

    public static Sleutelring Van(IDocumentStore store) =>
        PerStore.TryGetValue(store.Options, out var ring) ? ring
        : throw new InvalidOperationException("This document store was not configured by CasusStore: it has no key ring for personal data.");

    // ------------------------------------------------------------------ writing

    /// <summary>Before events are appended to casus stream <paramref name="stroomId"/> (now at <paramref name="huidigeVersie"/>):
    /// a new casus gets its text key, every subject value an event introduces gets a key of its own (inserted in
    /// <paramref name="session"/>, so they commit with the events or not at all), and each event is linked to the stream, so
    /// serialising it (for the hash, and by Marten) encrypts with this casus's keys.</summary>
    public void Bereid(IDocumentSession session, Guid stroomId, long huidigeVersie, IEnumerable<object> gebeurtenissen)
    {
        foreach (var gebeurtenis in gebeurtenissen)
        {
            if (gebeurtenis is not ICasusGebeurtenis) continue;
            switch (gebeurtenis)
            {
                case SignaalIngediend when huidigeVersie == 0:
                    Nieuw(session, stroomId, SoortTekst, null, null);
                    break;
                case SubjectToegevoegd s:
                    Nieuw(session, stroomId, SoortSubject, s.Nummer, Kenmerk(stroomId, s.Subject));
                    break;
                case SubjectGerectificeerd r:
                    Nieuw(session, stroomId, SoortSubject, r.Nummer, Kenmerk(stroomId, r.Subject));
                    break;
            }
            Koppel(gebeurtenis, stroomId);
        }
        BijOpslaan(session);
    }

    /// <summary>Links an event object to its stream, for an append that does not go through <see cref="Bereid"/> (a copy of
    /// stored events, such as the benchmark's raw baseline).</summary>
    public void Koppel(object gebeurtenis, Guid stroomId) => _stromen.AddOrUpdate(gebeurtenis, new StrongBox<Guid>(stroomId));

    internal Guid? StroomVan(object gebeurtenis) => _stromen.TryGetValue(gebeurtenis, out var box) ? box.Value : null;

    private void Nieuw(IDocumentSession session, Guid casusId, string soort, int? nummer, string? kenmerk)
    {
        var casus = soort == SoortTekst ? _cache.GetOrAdd(casusId, id => new Casussleutels(id, _clock.GetUtcNow())) : Casus(casusId);
        var ruw = RandomNumberGenerator.GetBytes(32);
        var sleutel = Gegevenssleutel.Maak(Guid.CreateVersion7(), casusId, soort, nummer, kenmerk, ruw, _clock.GetUtcNow());
        var omhuld = Omhul(sleutel, ruw);
        CryptographicOperations.ZeroMemory(ruw);
        session.QueueSqlCommand(
            $"insert into {Tabel} (id, casus_id, soort, subject_nummer, kenmerk, sleutel, aangemaakt_op) values (?, ?, ?, ?, ?, ?, ?)",
            sleutel.Id, casusId, soort, (object?)nummer ?? DBNull.Value, (object?)kenmerk ?? DBNull.Value, omhuld, sleutel.AangemaaktOp);
        casus.Voeg(sleutel, lokaal: true);
        _perId[sleutel.Id] = sleutel;
        if (soort == SoortTekst) Begrens();
    }

    /// <summary>Destroys every key of casus <paramref name="casusId"/> (destruction by a list), in <paramref name="session"/>'s
    /// transaction. The key bytes and the subjects' kenmerken become null; <paramref name="verwijzing"/> says why
    /// ("vernietigingslijst:…", "wisverzoek:…", "rectificatie:…"). Other instances are told through NOTIFY on commit, this one
    /// forgets the casus's cached keys right after the commit.</summary>
    public void VernietigCasus(IDocumentSession session, Guid casusId, DateTimeOffset op, string verwijzing) =>
        Vernietig(session, casusId, "true", [], op, verwijzing);

    /// <summary>Destroys the text key of casus <paramref name="casusId"/>: all its free text.</summary>
    public void VernietigTekst(IDocumentSession session, Guid casusId, DateTimeOffset op, string verwijzing) =>
        Vernietig(session, casusId, $"soort = '{SoortTekst}'", [], op, verwijzing);

    /// <summary>Destroys the keys of every value subject <paramref name="nummer"/> of casus <paramref name="casusId"/> had, except
    /// the key of <paramref name="behalve"/> (its current value, after a rectification).</summary>
    public void VernietigSubject(IDocumentSession session, Guid casusId, int nummer, Subject? behalve, DateTimeOffset op, string verwijzing)
    {
        if (behalve is null) Vernietig(session, casusId, $"soort = '{SoortSubject}' and subject_nummer = ?", [nummer], op, verwijzing);
        else
            Vernietig(session, casusId, $"soort = '{SoortSubject}' and subject_nummer = ? and kenmerk is distinct from ?",
                [nummer, Kenmerk(casusId, behalve)], op, verwijzing);
    }

    private void Vernietig(IDocumentSession session, Guid casusId, string voorwaarde, object[] parameters, DateTimeOffset op, string verwijzing)
    {
        session.QueueSqlCommand(
            $"update {Tabel} set sleutel = null, kenmerk = null, vernietigd_op = ?, vernietiging = ? where casus_id = ? and vernietigd_op is null and {voorwaarde}",
            [op, verwijzing, casusId, .. parameters]);
        Verwijderd(session).Add(casusId);
        BijOpslaan(session);
    }

    /// <summary>Drops what is cached of these casussen: the next use loads their keys (and what was destroyed) again. Keys this
    /// instance made in the last minutes and may not have committed yet are kept until that reload shows whether they were.</summary>
    public void Vergeet(IEnumerable<Guid> casusIds)
    {
        foreach (var id in casusIds) Verouder(id);
    }

    private void Verouder(Guid casusId)
    {
        if (!_cache.TryGetValue(casusId, out var oud)) return;
        foreach (var sleutel in oud.Alle) _perId.TryRemove(sleutel.Id, out _);
        var lokaal = oud.Lokaal(_clock.GetUtcNow() - TimeSpan.FromMinutes(5));
        if (lokaal.Count == 0)
        {
            _cache.TryRemove(casusId, out _);
            return;
        }
        var verouderd = new Casussleutels(casusId, DateTimeOffset.MinValue);
        foreach (var sleutel in lokaal) verouderd.Voeg(sleutel, lokaal: true);
        _cache[casusId] = verouderd;
    }

    /// <summary>Tells the other instances (NOTIFY <see cref="Kanaal"/>, payload: casus ids separated by commas) that keys of
    /// these casussen were destroyed. Best effort: should it fail, their caches expire after <see cref="Cacheduur"/>.</summary>
    private async Task MeldAsync(IReadOnlyList<Guid> casusIds)
    {
        try
        {
            // A NOTIFY payload holds less than 8000 bytes: 200 ids (37 bytes each) at a time.
            foreach (var deel in casusIds.Chunk(200))
            {
                await using var command = _database.CreateCommand("select pg_notify($1, $2)");
                command.Parameters.Add(new NpgsqlParameter { Value = Kanaal });
                command.Parameters.Add(new NpgsqlParameter { Value = string.Join(',', deel) });
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        catch (NpgsqlException)
        {
            // The commit happened; the other instances' caches expire on their own (Cacheduur).
        }
    }

    /// <summary>Drops the whole cache (e.g. when the NOTIFY connection was lost and announcements may have been missed).</summary>
    public void VergeetAlles()
    {
        foreach (var id in _cache.Keys.ToList()) Verouder(id);
    }

    private static readonly ConditionalWeakTable<IDocumentSession, HashSet<Guid>> TeVergeten = new();

    private static HashSet<Guid> Verwijderd(IDocumentSession session) => TeVergeten.GetValue(session, _ => []);

    /// <summary>After the session commits: forget the casussen whose keys it destroyed (their cached keys are void now). Added
    /// once per session.</summary>
    private void BijOpslaan(IDocumentSession session)
    {
        if (session.Listeners.OfType<Luisteraar>().Any(l => l.Ring == this)) return;
        session.Listeners.Add(new Luisteraar(this));
    }

    private sealed class Luisteraar(Sleutelring ring) : IDocumentSessionListener
    {
        public Sleutelring Ring => ring;

        public Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token) => Task.CompletedTask;

        public void DocumentLoaded(object id, object document)
        {
        }

        public void DocumentAddedForStorage(object id, object document)
        {
        }

        public async Task AfterCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token)
        {
            if (!TeVergeten.TryGetValue(session, out var ids) || ids.Count == 0) return;
            var weg = ids.ToList();
            ids.Clear();
            ring.Vergeet(weg);
            await ring.MeldAsync(weg);
        }
    }

    // ------------------------------------------------------------------ loading

    /// <summary>Loads (or refreshes) the keys of these casussen in one query, so what follows does not load them one by one.</summary>
    public async Task LaadAsync(IReadOnlyCollection<Guid> casusIds, CancellationToken ct)
    {
        if (casusIds.Count == 0) return;
        await using var command = _database.CreateCommand(
            $"select id, casus_id, soort, subject_nummer, kenmerk, sleutel, aangemaakt_op, vernietigd_op from {Tabel} where casus_id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = casusIds.Distinct().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var gelezen = new Dictionary<Guid, List<Gegevenssleutel>>();
        while (await reader.ReadAsync(ct)) Lees(reader, gelezen);
        Vervang(casusIds, gelezen);
    }

    private bool _bulk;

    /// <summary>Loads every key (before a rebuild reads all events; the cache may then exceed <see cref="MaxCasussen"/> until
    /// the next load trims it).</summary>
    public async Task LaadAllesAsync(CancellationToken ct)
    {
        await using var command = _database.CreateCommand(
            $"select id, casus_id, soort, subject_nummer, kenmerk, sleutel, aangemaakt_op, vernietigd_op from {Tabel}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var gelezen = new Dictionary<Guid, List<Gegevenssleutel>>();
        while (await reader.ReadAsync(ct)) Lees(reader, gelezen);
        _bulk = true;
        try
        {
            Vervang(gelezen.Keys, gelezen);
        }
        finally
        {
            _bulk = false;
        }
    }

    private void LaadSynchroon(Guid casusId)
    {
        // A key needed inside a (synchronous) JSON converter and not cached: one query, on a connection of its own.
        using var command = _database.CreateCommand(
            $"select id, casus_id, soort, subject_nummer, kenmerk, sleutel, aangemaakt_op, vernietigd_op from {Tabel} where casus_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = casusId, NpgsqlDbType = NpgsqlDbType.Uuid });
        using var reader = command.ExecuteReader();
        var gelezen = new Dictionary<Guid, List<Gegevenssleutel>>();
        while (reader.Read()) Lees(reader, gelezen);
        Vervang([casusId], gelezen);
    }

    private void Lees(NpgsqlDataReader reader, Dictionary<Guid, List<Gegevenssleutel>> gelezen)
    {
        var id = reader.GetGuid(0);
        var casusId = reader.GetGuid(1);
        var omhuld = reader.IsDBNull(5) ? null : (byte[])reader.GetValue(5);
        var sleutel = omhuld is null
            ? Gegevenssleutel.Vernietigd(id, casusId, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? reader.GetFieldValue<DateTimeOffset>(6) : reader.GetFieldValue<DateTimeOffset>(7))
            : Gegevenssleutel.Maak(id, casusId, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Ontwikkel(id, casusId, omhuld), reader.GetFieldValue<DateTimeOffset>(6), wis: true);
        if (!gelezen.TryGetValue(casusId, out var lijst)) gelezen[casusId] = lijst = [];
        lijst.Add(sleutel);
    }

    private void Vervang(IEnumerable<Guid> casusIds, Dictionary<Guid, List<Gegevenssleutel>> gelezen)
    {
        var nu = _clock.GetUtcNow();
        foreach (var casusId in casusIds.Distinct())
        {
            var nieuw = new Casussleutels(casusId, nu);
            foreach (var sleutel in gelezen.GetValueOrDefault(casusId) ?? []) nieuw.Voeg(sleutel, lokaal: false);
            // Keys this instance made in a transaction that has not committed yet are not in the table: keep them a while.
            if (_cache.TryGetValue(casusId, out var oud))
                foreach (var sleutel in oud.Lokaal(nu - TimeSpan.FromMinutes(5)))
                    if (!nieuw.Heeft(sleutel.Id)) nieuw.Voeg(sleutel, lokaal: true);
            _cache[casusId] = nieuw;
            foreach (var sleutel in nieuw.Alle) _perId[sleutel.Id] = sleutel;
        }
        if (!_bulk) Begrens();
    }

    private Casussleutels Casus(Guid casusId)
    {
        if (_cache.TryGetValue(casusId, out var casus) && _clock.GetUtcNow() - casus.GeladenOp < Cacheduur) return casus;
        LaadSynchroon(casusId);
        return _cache[casusId];
    }

    private Gegevenssleutel? Sleutel(Guid sleutelId, Guid casusId)
    {
        if (_perId.TryGetValue(sleutelId, out var sleutel) && _cache.TryGetValue(casusId, out var casus)
            && _clock.GetUtcNow() - casus.GeladenOp < Cacheduur)
            return sleutel;
        LaadSynchroon(casusId);
        return _perId.GetValueOrDefault(sleutelId);
    }

    // ------------------------------------------------------------------ the cache

    private sealed class Casussleutels(Guid casusId, DateTimeOffset geladenOp)
    {
        private readonly Lock _slot = new();
        private readonly List<(Gegevenssleutel Sleutel, bool Lokaal)> _sleutels = [];
        private readonly Dictionary<string, Gegevenssleutel> _perKenmerk = new(StringComparer.Ordinal);

        public Guid CasusId => casusId;
        public DateTimeOffset GeladenOp => geladenOp;

        public void Voeg(Gegevenssleutel sleutel, bool lokaal)
        {
            lock (_slot)
            {
                _sleutels.Add((sleutel, lokaal));
                if (sleutel is { Kenmerk: { } k, Enc: not null }
                    && (!_perKenmerk.TryGetValue(k, out var bestaand) || bestaand.AangemaaktOp <= sleutel.AangemaaktOp))
                    _perKenmerk[k] = sleutel;
            }
        }

        public void OnthoudKenmerk(string kenmerk, Gegevenssleutel sleutel)
        {
            if (sleutel.Enc is null) return;
            lock (_slot)
                if (!_perKenmerk.TryGetValue(kenmerk, out var bestaand) || bestaand.AangemaaktOp <= sleutel.AangemaaktOp)
                    _perKenmerk[kenmerk] = sleutel;
        }

        public bool Heeft(Guid id)
        {
            lock (_slot) return _sleutels.Any(s => s.Sleutel.Id == id);
        }

        public IReadOnlyList<Gegevenssleutel> Alle
        {
            get { lock (_slot) return _sleutels.Select(s => s.Sleutel).ToList(); }
        }

        public IReadOnlyList<Gegevenssleutel> Lokaal(DateTimeOffset sinds)
        {
            lock (_slot) return _sleutels.Where(s => s.Lokaal && s.Sleutel.AangemaaktOp >= sinds).Select(s => s.Sleutel).ToList();
        }

        /// <summary>The live text key (the newest, should there be more).</summary>
        public Gegevenssleutel? Tekst
        {
            get
            {
                lock (_slot)
                    return _sleutels.Select(s => s.Sleutel).Where(s => s.Soort == SoortTekst && s.Enc is not null)
                        .OrderByDescending(s => s.AangemaaktOp).FirstOrDefault();
            }
        }

        public Gegevenssleutel? TekstVernietigd
        {
            get { lock (_slot) return _sleutels.Select(s => s.Sleutel).FirstOrDefault(s => s.Soort == SoortTekst && s.Enc is null); }
        }

        public Gegevenssleutel? SubjectMet(string kenmerk)
        {
            lock (_slot) return _perKenmerk.GetValueOrDefault(kenmerk);
        }
    }
}
