using System.Net;
using System.Net.Sockets;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>A TCP relay in front of the test's PostgreSQL: the API connects to <see cref="Port"/>. <see cref="Stop"/>
/// cuts every connection and refuses new ones, as a database outage would; <see cref="Start"/> lets them through again.</summary>
public sealed class TcpDoorgeefluik(string doelHost, int doelPort) : IAsyncDisposable
{
    private readonly List<TcpClient> _verbindingen = [];
    private TcpListener? _luisteraar;
    private CancellationTokenSource _stop = new();

    public int Port { get; private set; }

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _luisteraar = new TcpListener(IPAddress.Loopback, Port);
        _luisteraar.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _luisteraar.Start();
        Port = ((IPEndPoint)_luisteraar.LocalEndpoint).Port;
        _ = AanvaardAsync(_luisteraar, _stop.Token);
    }

    public void Stop()
    {
        _stop.Cancel();
        _luisteraar?.Stop();
        lock (_verbindingen)
        {
            foreach (var verbinding in _verbindingen) verbinding.Dispose();
            _verbindingen.Clear();
        }
    }

    private async Task AanvaardAsync(TcpListener luisteraar, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient klant;
            try
            {
                klant = await luisteraar.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var doel = new TcpClient();
            try
            {
                await doel.ConnectAsync(doelHost, doelPort, ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                klant.Dispose();
                doel.Dispose();
                continue;
            }
            lock (_verbindingen) _verbindingen.AddRange([klant, doel]);
            _ = PompAsync(klant, doel);
            _ = PompAsync(doel, klant);
        }
    }

    private static async Task PompAsync(TcpClient van, TcpClient naar)
    {
        try
        {
            await van.GetStream().CopyToAsync(naar.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The other side or Stop closed the connection.
        }
        finally
        {
            naar.Dispose();
            van.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
