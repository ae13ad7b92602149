using System.Diagnostics;
using System.Security.Cryptography;
using Casus.Api.Beveiliging;
using Casus.Api.Database;
using Casus.Api.Verantwoording;
using Casus.Domain.Toegang;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Casus.Benchmarks;

/// <summary>The real API, started through its own entry point (Casus.Api's Program) in this process, in the Production
/// environment on Kestrel at 127.0.0.1: real JWT validation with a signing key made here, the audit and processing logs on,
/// and the async daemon electing itself leader. The built host is caught through the hosting DiagnosticListener (as
/// WebApplicationFactory does), so the benchmark can wait for the start and stop it.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly Thread _thread;
    private readonly IHost _host;
    private readonly byte[] _signingKey;

    private ApiHost(Thread thread, IHost host, byte[] signingKey, Uri address)
    {
        _thread = thread;
        _host = host;
        _signingKey = signingKey;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The key-encryption key of the data keys (Casus:Persoonsgegevens:Sleutel), also used by the in-process seeder and
    /// the destruction phase, which share the database's keys with the API.</summary>
    public static readonly byte[] Hoofdsleutel = RandomNumberGenerator.GetBytes(32);

    /// <summary>The pseudonym key of the processing log (Casus:Pseudonimisering:Sleutel), also used by the destruction phase.</summary>
    public static readonly byte[] Pseudoniemsleutel = RandomNumberGenerator.GetBytes(32);
    public IServiceProvider Services => _host.Services;

    public static async Task<ApiHost> StartAsync(string connectionString, CancellationToken ct, params string[] extra)
    {
        var signingKey = RandomNumberGenerator.GetBytes(32);
        var port = PostgresInstallation.FindFreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        string[] args =
        [
            "--environment", "Production",
            "--urls", address.ToString(),
            $"--ConnectionStrings:Casus={connectionString}",
            $"--{TokenSettings.Section}:SigningKey={Convert.ToBase64String(signingKey)}",
            $"--{TokenSettings.Section}:Issuer={Tokens.Issuer}",
            $"--{TokenSettings.Section}:Audience={Tokens.Audience}",
            $"--{Pseudonimisering.Section}={Convert.ToBase64String(Pseudoniemsleutel)}",
            $"--Casus:Persoonsgegevens:Sleutel={Convert.ToBase64String(Hoofdsleutel)}",
            // The destruction phase runs in-process, on a moved clock; the API's own sweep would propose lists meanwhile.
            "--Casus:Vernietiging:VeegSeconden=0",
            // The seeded history has thousands of terms that passed long ago; the sweep would record them all during the
            // command phases. It is measured on its own terms elsewhere; here it is off.
            "--Casus:Termijnen:ControleSeconden=0",
            // The webhook phase's receiver is on the loopback interface.
            "--Casus:Webhooks:LokaleAdressenToestaan=true",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            // Marten logs every refused append (a 409 the benchmark counts) as an error; the answers themselves are checked.
            "--Logging:LogLevel:Marten=Critical",
            .. extra,
        ];

        var built = new TaskCompletionSource<IHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new HostCatcher(built));
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entryPoint = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("Casus.Api has no entry point.");
        var thread = new Thread(() =>
        {
            try { entryPoint.Invoke(null, [args]); }
            catch (Exception e) { failed.TrySetResult(e); }
        }) { IsBackground = true, Name = "Casus.Api" };
        thread.Start();

        var first = await Task.WhenAny(built.Task, failed.Task).WaitAsync(TimeSpan.FromMinutes(2), ct);
        if (first == failed.Task) throw new InvalidOperationException("The API did not start.", failed.Task.Result);
        var host = built.Task.Result;
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        var ready = await Task.WhenAny(started.Task, failed.Task).WaitAsync(TimeSpan.FromMinutes(2), ct);
        if (ready == failed.Task) throw new InvalidOperationException("The API did not start.", failed.Task.Result);
        return new ApiHost(thread, host, signingKey, address);
    }

    /// <summary>A bearer token for <paramref name="actor"/>, signed with the key the API validates with.</summary>
    public string Token(Actor actor) =>
        new DevelopmentTokens(new SymmetricSecurityKey(_signingKey), Tokens).Mint(actor).Token;

    /// <summary>The issuer and audience the benchmark's API is configured with (Production requires both).</summary>
    private static readonly TokenSettings Tokens = new() { Issuer = "casus-benchmark", Audience = "casus-api" };

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    /// <summary>Watches the "Microsoft.Extensions.Hosting" listener for the HostBuilt event, which carries the IHost.</summary>
    private sealed class HostCatcher(TaskCompletionSource<IHost> built) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting") listener.Subscribe(this);
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value is { Key: "HostBuilt", Value: IHost host }) built.TrySetResult(host);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
