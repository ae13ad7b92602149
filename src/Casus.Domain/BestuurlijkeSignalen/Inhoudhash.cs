using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Casus.Domain.Historie;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>The fingerprint of a submitted signaal: SHA-256 (lower-case hex) over the canonical JSON of its indieners and
/// inhoud. Recorded at definitive submission; anyone holding the text can recompute it.</summary>
public static class Inhoudhash
{
    private static readonly JsonSerializerOptions Opties = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Bereken(IReadOnlyList<Indiener> indieners, SignaalInhoud inhoud)
    {
        var json = CanoniekeJson.Van(JsonSerializer.SerializeToNode(new { indieners, inhoud }, Opties));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
