namespace Casus.Api.Http;

/// <summary>HEAD for every GET (RFC 9110 §9.3.2): answered as the GET, with its status and headers and without a body.</summary>
public static class HeadVerzoeken
{
    public static IApplicationBuilder UseHeadAlsGet(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }
        http.Request.Method = HttpMethods.Get;
        var body = http.Response.Body;
        http.Response.Body = Stream.Null;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
            http.Request.Method = HttpMethods.Head;
        }
    });
}
