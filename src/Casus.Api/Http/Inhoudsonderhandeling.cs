using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Casus.Api.Http;

/// <summary>406 <c>mediatype-niet-beschikbaar</c> when the request's Accept header admits none of the media types the
/// endpoint answers with (as documented in its OpenAPI responses). No Accept header, or <c>*/*</c>, is always met.</summary>
public static class Inhoudsonderhandeling
{
    public static IApplicationBuilder UseInhoudsonderhandeling(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var produces = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>()
            .Where(m => m.StatusCode is >= 200 and < 300).SelectMany(m => m.ContentTypes).Distinct().ToList() ?? [];
        var accept = http.Request.GetTypedHeaders().Accept;
        if (produces.Count > 0 && accept.Count > 0 && !produces.Any(p => Aanvaard(p, accept)))
        {
            await Problems.Write(http, Problems.NotAcceptable(produces));
            return;
        }
        await next(http);
    });

    private static bool Aanvaard(string produced, IList<MediaTypeHeaderValue> accept)
    {
        var type = MediaTypeHeaderValue.Parse(produced);
        return accept.Any(a => a.Quality is not 0 && type.IsSubsetOf(a));
    }
}
