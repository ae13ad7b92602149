using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Casus.Api.Tests.Notificaties;

/// <summary>One request as a webhook receiver got it.</summary>
public sealed record Ontvangen(string Pad, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset Op);

/// <summary>A real HTTP receiver (Kestrel) on the loopback interface, on a fixed port so it can go down and come back.
/// <see cref="Antwoord"/> says what it answers on a path (default 204); everything it got is kept.</summary>
public sealed class Ontvanger : IAsyncDisposable
{
    private WebApplication? app;

    public int Poort { get; } = VrijePoort();
    public ConcurrentQueue<Ontvangen> Berichten { get; } = new();
    public Func<string, Task<int>> Antwoord { get; set; } = _ => Task.FromResult(204);
    public string Url(string pad) => $"http://127.0.0.1:{Poort}/{pad}";

    public IReadOnlyList<Ontvangen> Op(string pad) => Berichten.Where(b => b.Pad == "/" + pad).ToList();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Poort}");
        app = builder.Build();
        app.MapPost("/{**pad}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            Berichten.Enqueue(new Ontvangen(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                body, DateTimeOffset.UtcNow));
            return Results.StatusCode(await Antwoord(http.Request.Path.ToString().TrimStart('/')));
        });
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int VrijePoort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
