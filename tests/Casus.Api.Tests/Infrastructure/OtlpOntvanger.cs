using System.Collections.Concurrent;
using System.Net;
using Casus.Api.Database;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>A tiny OTLP/HTTP receiver: accepts every export (protobuf) and keeps the bodies per signal path
/// (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), so a test can look for ids and names in what was exported.</summary>
public sealed class OtlpOntvanger : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Pad, byte[] Body)> _ontvangen = new();

    public OtlpOntvanger()
    {
        Endpoint = new Uri($"http://127.0.0.1:{PostgresInstallation.FindFreePort()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(OntvangAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Waits until an export to <paramref name="pad"/> satisfies <paramref name="voorwaarde"/>.</summary>
    public async Task<bool> WachtOpAsync(string pad, Func<byte[], bool> voorwaarde, TimeSpan binnen)
    {
        using var timeout = new CancellationTokenSource(binnen);
        while (!timeout.IsCancellationRequested)
        {
            if (_ontvangen.Any(o => o.Pad == pad && voorwaarde(o.Body))) return true;
            await Task.Delay(100, CancellationToken.None);
        }

        return false;
    }

    private async Task OntvangAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _ontvangen.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
