using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Casus.Api.Casussen;
using Casus.Domain.Casussen;
using Casus.Domain.Toegang;

namespace Casus.Testdata;

/// <summary>Plays a <see cref="Generatie"/> against the API over HTTP, in time order, each command as its actor, with the
/// API's clock set to the command's time first. Any refusal is a bug in the generator and stops the run.</summary>
public sealed class HttpUitvoerder(Func<Actor, HttpClient> clientVoor, Action<DateTimeOffset> zetKlok)
{
    /// <summary>JSON as the API reads it: camelCase names, enum values in kebab-case.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Runs every command; returns the id the API gave each generated casus (by its number).</summary>
    public async Task<IReadOnlyDictionary<int, Guid>> VoerUitAsync(Generatie generatie)
    {
        var ids = new Dictionary<int, Guid>();
        foreach (var commando in generatie.Commandos)
        {
            zetKlok(commando.Tijdstip);
            var pad = CommandRoutes.PathOf(commando.Soort, commando.Soort == CommandoSoort.SignaalIndienen ? "" : ids[commando.Casus].ToString());
            using var response = await clientVoor(commando.Als).PostAsync(pad, JsonContent.Create(commando.Body, commando.Body.GetType(), options: Json));
            var tekst = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException(
                    $"Casus {commando.Casus}, {commando.Soort} at {commando.Tijdstip:O} as {commando.Als.GebruikerId}: {(int)response.StatusCode} {tekst}");
            if (commando.Soort == CommandoSoort.SignaalIndienen)
                ids[commando.Casus] = Guid.Parse(JsonNode.Parse(tekst)!["id"]!.GetValue<string>());
        }
        return ids;
    }
}
