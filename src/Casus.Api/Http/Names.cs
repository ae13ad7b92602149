using System.Text.Json;

namespace Casus.Api.Http;

/// <summary>The API's names for enum values: kebab-case, as in JSON (e.g. <c>informatie-delen-en-analyseren</c>).</summary>
public static class Names
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of);

    /// <summary>The value whose API name is <paramref name="name"/>; null when there is none.</summary>
    public static T? Parse<T>(string? name) where T : struct, Enum =>
        name is null ? null : Enum.GetValues<T>().Where(e => Of(e) == name).Cast<T?>().FirstOrDefault();
}
