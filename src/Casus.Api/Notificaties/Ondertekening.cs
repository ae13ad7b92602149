using System.Security.Cryptography;
using System.Text;

namespace Casus.Api.Notificaties;

/// <summary>Standard Webhooks signatures (https://www.standardwebhooks.com): <c>webhook-signature</c> holds
/// <c>v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;</c> per valid secret, separated by spaces; the key is the base64
/// part of the <c>whsec_</c> secret.</summary>
public static class Ondertekening
{
    public const string Prefix = "whsec_";

    public static string NieuwGeheim() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Handtekening(string geheim, string id, long tijdstempel, string body)
    {
        var sleutel = Convert.FromBase64String(geheim[Prefix.Length..]);
        var mac = HMACSHA256.HashData(sleutel, Encoding.UTF8.GetBytes($"{id}.{tijdstempel}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    public static string Handtekeningen(IEnumerable<string> geheimen, string id, long tijdstempel, string body) =>
        string.Join(' ', geheimen.Select(g => Handtekening(g, id, tijdstempel, body)));
}
