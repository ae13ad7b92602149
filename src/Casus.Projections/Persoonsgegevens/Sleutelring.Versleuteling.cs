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

/// <summary>The stored form of personal data: encrypting and decrypting values with a casus's data keys, and wrapping the
/// keys themselves with the key-encryption key (the key ring's loading, caching and destroying: <c>Sleutelring.cs</c>).</summary>
public sealed partial class Sleutelring
{
    /// <summary>A free-text value of casus <paramref name="casusId"/> as stored. A destroyed text key takes only what
    /// <see cref="Domain.Privacy.Persoonsgegevens.Vernietigd"/> makes (written as is); anything else would be personal data
    /// that can no longer be protected, and is refused.</summary>
    internal string VersleutelTekst(Guid casusId, string waarde)
    {
        var casus = Casus(casusId);
        var sleutel = casus.Tekst;
        if (sleutel is null)
        {
            if (casus.TekstVernietigd is not null && Domain.Privacy.Persoonsgegevens.IsVernietigd(waarde)) return waarde;
            throw new InvalidOperationException($"Casus {casusId} has no live text key: its free text cannot be written (destroyed, or not prepared).");
        }
        return Versleutel(sleutel, Encoding.UTF8.GetBytes(waarde));
    }

    /// <summary>A subject of casus <paramref name="casusId"/>, as its JSON text, encrypted with the key of that value.</summary>
    internal string VersleutelSubject(Guid casusId, Subject subject, string json)
    {
        var kenmerk = Kenmerk(casusId, subject);
        var sleutel = Casus(casusId).SubjectMet(kenmerk);
        if (sleutel is null)
        {
            // Maybe made by another instance since this one loaded the casus.
            LaadSynchroon(casusId);
            sleutel = Casus(casusId).SubjectMet(kenmerk)
                ?? throw new InvalidOperationException($"No live key for a subject value of casus {casusId}: its writer did not prepare it, or it was destroyed.");
        }
        return Versleutel(sleutel, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A stored text: the plain text, or, when its key was destroyed, when (null: it was not encrypted).</summary>
    internal (string? Tekst, DateOnly? VernietigdOp) Ontsleutel(string opgeslagen)
    {
        if (!opgeslagen.StartsWith(Voorvoegsel, StringComparison.Ordinal)) return (opgeslagen, null);
        var delen = opgeslagen.AsSpan(Voorvoegsel.Length);
        var scheiding = delen.IndexOf(':');
        if (scheiding < 0) throw new JsonException("Stored personal data are not a ciphertext of this system.");
        var kop = Convert.FromBase64String(Base64(delen[..scheiding].ToString()));
        var sleutelId = new Guid(kop.AsSpan(0, 16));
        var casusId = new Guid(kop.AsSpan(16, 16));
        var sleutel = Sleutel(sleutelId, casusId)
            ?? throw new InvalidOperationException($"Stored personal data refer to key {sleutelId} of casus {casusId}, which does not exist.");
        if (sleutel.Enc is null) return (null, Kalender.Dag(sleutel.VernietigdOp!.Value));
        try
        {
            var data = Convert.FromBase64String(Base64(delen[(scheiding + 1)..].ToString()));
            var tekst = new byte[data.Length - 28];
            using var aes = new AesGcm(sleutel.Enc, 16);
            aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(12, tekst.Length), data.AsSpan(12 + tekst.Length), tekst, kop);
            return (Encoding.UTF8.GetString(tekst), null);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            // Altered after it was written (GCM's tag does not match): unreadable stored data, which the chain check pinpoints.
            throw new JsonException($"Stored personal data of casus {casusId} cannot be decrypted: it was changed after it was written.", e);
        }
    }

    /// <summary>What a decrypted subject value must be remembered by, so writing it again finds its key.</summary>
    internal void Onthoud(string opgeslagen, Subject subject)
    {
        var kop = Convert.FromBase64String(Base64(opgeslagen.AsSpan(Voorvoegsel.Length, opgeslagen.IndexOf(':', Voorvoegsel.Length) - Voorvoegsel.Length).ToString()));
        var sleutelId = new Guid(kop.AsSpan(0, 16));
        var casusId = new Guid(kop.AsSpan(16, 16));
        if (_cache.TryGetValue(casusId, out var casus) && _perId.TryGetValue(sleutelId, out var sleutel))
            casus.OnthoudKenmerk(Kenmerk(casusId, subject), sleutel);
    }

    private static string Versleutel(Gegevenssleutel sleutel, byte[] tekst)
    {
        var kop = new byte[32];
        sleutel.Id.TryWriteBytes(kop.AsSpan(0, 16));
        sleutel.CasusId.TryWriteBytes(kop.AsSpan(16, 16));
        // A synthetic IV: the same value under the same key always gives the same ciphertext (the event is serialised twice:
        // for its hash and to store it); different values get different nonces (HMAC), so GCM's nonce is never reused.
        var nonce = HMACSHA256.HashData(sleutel.Mac!, tekst).AsSpan(0, 12).ToArray();
        var data = new byte[12 + tekst.Length + 16];
        nonce.CopyTo(data, 0);
        using (var aes = new AesGcm(sleutel.Enc!, 16))
            aes.Encrypt(nonce, tekst, data.AsSpan(12, tekst.Length), data.AsSpan(12 + tekst.Length), kop);
        return $"{Voorvoegsel}{Base64Url(kop)}:{Base64Url(data)}";
    }

    private string Kenmerk(Guid casusId, Subject subject)
    {
        var tekst = Encoding.UTF8.GetBytes(casusId.ToString("N") + JsonSerializer.Serialize(subject, KenmerkOpties));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_kenmerksleutel, tekst));
    }

    private byte[] Omhul(Gegevenssleutel sleutel, byte[] ruw)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var uit = new byte[12 + 32 + 16];
        nonce.CopyTo(uit, 0);
        using var aes = new AesGcm(_omhulsleutel, 16);
        aes.Encrypt(nonce, ruw, uit.AsSpan(12, 32), uit.AsSpan(44), Context(sleutel.Id, sleutel.CasusId));
        return uit;
    }

    private byte[] Ontwikkel(Guid id, Guid casusId, byte[] omhuld)
    {
        var ruw = new byte[32];
        using var aes = new AesGcm(_omhulsleutel, 16);
        aes.Decrypt(omhuld.AsSpan(0, 12), omhuld.AsSpan(12, 32), omhuld.AsSpan(44, 16), ruw, Context(id, casusId));
        return ruw;
    }

    private static byte[] Context(Guid id, Guid casusId)
    {
        var context = new byte[32];
        id.TryWriteBytes(context.AsSpan(0, 16));
        casusId.TryWriteBytes(context.AsSpan(16, 16));
        return context;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Base64(string url)
    {
        var s = url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
    }

    /// <summary>One data key: the keys derived from it for encrypting and for nonces (never the raw key), or the date it was destroyed.</summary>
    private sealed class Gegevenssleutel
    {
        public Guid Id { get; private init; }
        public Guid CasusId { get; private init; }
        public string Soort { get; private init; } = "";
        public int? Nummer { get; private init; }
        public string? Kenmerk { get; private init; }
        public byte[]? Enc { get; private init; }
        public byte[]? Mac { get; private init; }
        public DateTimeOffset AangemaaktOp { get; private init; }
        public DateTimeOffset? VernietigdOp { get; private init; }

        public static Gegevenssleutel Maak(Guid id, Guid casusId, string soort, int? nummer, string? kenmerk, byte[] ruw, DateTimeOffset aangemaakt,
            bool wis = false)
        {
            var sleutel = new Gegevenssleutel
            {
            Id = id, CasusId = casusId, Soort = soort, Nummer = nummer, Kenmerk = kenmerk, AangemaaktOp = aangemaakt,
            Enc = HKDF.DeriveKey(HashAlgorithmName.SHA256, ruw, 32, info: "casus-versleutelen"u8.ToArray()),
            Mac = HKDF.DeriveKey(HashAlgorithmName.SHA256, ruw, 32, info: "casus-nonce"u8.ToArray()),
            };
            // Only the derived keys are kept in memory.
            if (wis) CryptographicOperations.ZeroMemory(ruw);
            return sleutel;
        }

        public static Gegevenssleutel Vernietigd(Guid id, Guid casusId, string soort, int? nummer, DateTimeOffset aangemaakt, DateTimeOffset op) => new()
        {
            Id = id, CasusId = casusId, Soort = soort, Nummer = nummer, AangemaaktOp = aangemaakt, VernietigdOp = op,
        };
    }
}
