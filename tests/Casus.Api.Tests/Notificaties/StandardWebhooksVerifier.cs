using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Casus.Api.Tests.Notificaties;

/// <summary>A receiver's check of a delivery, written from the Standard Webhooks specification
/// (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md), not from the API's code:
/// the signed content is <c>msg_id.timestamp.payload</c>; the key is the base64 after <c>whsec_</c>; the header holds
/// space-delimited <c>v1,&lt;base64&gt;</c> signatures, any of which may match (constant-time compare); a timestamp more
/// than five minutes from now is refused (replay).</summary>
public static class StandardWebhooksVerifier
{
    private static readonly TimeSpan Tolerantie = TimeSpan.FromMinutes(5);

    public static bool Klopt(string secret, IReadOnlyDictionary<string, string> headers, string payload)
    {
        if (!headers.TryGetValue("webhook-id", out var msgId) || !headers.TryGetValue("webhook-timestamp", out var timestamp)
            || !headers.TryGetValue("webhook-signature", out var signatures))
            return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((DateTimeOffset.UtcNow - sent).Duration() > Tolerantie) return false;

        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{msgId}.{timestamp}.{payload}"));
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = signature.Split(',', 2);
            if (parts.Length != 2 || parts[0] != "v1") continue;
            byte[] given;
            try { given = Convert.FromBase64String(parts[1]); }
            catch (FormatException) { continue; }
            if (CryptographicOperations.FixedTimeEquals(given, expected)) return true;
        }
        return false;
    }
}
