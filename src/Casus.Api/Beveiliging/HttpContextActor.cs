using Casus.Domain.Toegang;

namespace Casus.Api.Beveiliging;

/// <summary>The actor of the request (set when its token was validated), the action (endpoint name) and the origin.</summary>
public static class HttpContextActor
{
    public static Actor Actor(this HttpContext http) =>
        http.ActorOrNull() ?? throw new InvalidOperationException("No actor: the endpoint must require authorization.");

    public static Actor? ActorOrNull(this HttpContext http) => http.Items.TryGetValue(typeof(Actor), out var actor) ? (Actor?)actor : null;

    public static string Action(this HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? $"{http.Request.Method} {http.Request.Path}";

    /// <summary>Where the request came from: the OAuth client id when the token names one, else the client address.</summary>
    public static string Herkomst(this HttpContext http) =>
        (http.User.FindFirst("azp") ?? http.User.FindFirst("client_id"))?.Value is { } client
            ? $"client:{client}"
            : $"adres:{http.Connection.RemoteIpAddress?.ToString() ?? "onbekend"}";
}
