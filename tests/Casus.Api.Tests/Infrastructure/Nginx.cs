using System.Diagnostics;
using Casus.Api.Database;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>A real nginx (the Debian package; <c>.ci/run</c> installs it) as load balancer in front of API instances,
/// with the configuration this test suite documents as the reference (see docs/operations.md): round robin, and a request
/// that cannot reach an instance (connection refused, or no answer header within the time-out) goes to the next. A
/// command (POST) that already reached an instance is never sent twice: nginx only retries non-idempotent requests that
/// were not sent.</summary>
public sealed class Nginx : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private Nginx(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The nginx binary on this machine, or null.</summary>
    public static string? Find() =>
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, "nginx")))
            .FirstOrDefault(File.Exists);

    public static async Task<Nginx> StartAsync(IEnumerable<int> upstreamPorts)
    {
        var binary = Find() ?? throw new InvalidOperationException("nginx is not installed.");
        var directory = Directory.CreateTempSubdirectory("casus-nginx-").FullName;
        var port = PostgresInstallation.FindFreePort();
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), Configuratie(directory, port, upstreamPorts));
        var process = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log") },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new Nginx(process, directory, new Uri($"http://127.0.0.1:{port}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => nginx.Dispose();

        using var http = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var poging = 0; poging < 50; poging++)
        {
            if (process.HasExited) break;
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode) return nginx;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        var log = File.Exists(Path.Combine(directory, "error.log")) ? File.ReadAllText(Path.Combine(directory, "error.log")) : "";
        nginx.Dispose();
        throw new InvalidOperationException($"nginx did not answer on {nginx.Address}: {log}");
    }

    /// <summary>One process (no master/workers, so it runs as the current user, also as root), everything in
    /// <paramref name="directory"/>.</summary>
    public static string Configuratie(string directory, int port, IEnumerable<int> upstreamPorts) => $$"""
        daemon off;
        master_process off;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;
        events { worker_connections 1024; }
        http {
            access_log off;
            client_body_temp_path {{directory}}/body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;
            upstream casus_api {
        {{string.Concat(upstreamPorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n"))}}
                keepalive 32;
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://casus_api;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_connect_timeout 1s;
                    proxy_read_timeout 30s;
                    proxy_next_upstream error timeout http_502 http_503;
                    proxy_next_upstream_tries 2;
                    proxy_next_upstream_timeout 5s;
                }
            }
        }
        """;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
