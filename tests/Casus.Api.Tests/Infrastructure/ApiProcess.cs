using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Api.Database;
using Casus.Domain.Toegang;
using Microsoft.IdentityModel.Tokens;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>The built API (<c>dotnet Casus.Api.dll</c>, copied beside the tests) as a real operating-system process on
/// 127.0.0.1, in the Testing environment, so a test can kill it the hard way. Its console output is kept for diagnostics.</summary>
public sealed class ApiProcess : IDisposable
{
    /// <summary>The issuer and audience of the tokens the tests mint for API processes.</summary>
    public static readonly TokenSettings TokenInstellingen = new()
    {
        Issuer = TokenSettings.OntwikkelIssuer, Audience = TokenSettings.OntwikkelAudience,
    };

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly DevelopmentTokens _tokens;

    private ApiProcess(Process process, string naam, Uri address, byte[] signingKey)
    {
        _process = process;
        Naam = naam;
        Address = address;
        _tokens = new DevelopmentTokens(new SymmetricSecurityKey(signingKey), TokenInstellingen);
    }

    /// <summary>Starts the API on the database and with the signing key of <paramref name="api"/> (whose own host need not run).</summary>
    public static Task<ApiProcess> StartAsync(string naam, CasusApi api, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(naam, api.ConnectionString, api.SigningKey, settings);

    /// <summary>A POST as <paramref name="als"/> that must succeed; its JSON body.</summary>
    public async Task<JsonNode?> PostAsync(Actor als, string pad, object body)
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, pad) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", _tokens.Mint(als).Token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text.Length > 0 ? JsonNode.Parse(text) : null;
    }

    /// <summary>Also the PostgreSQL <c>application_name</c> of its connections, so a test can see which instance holds a lock.</summary>
    public string Naam { get; }
    public Uri Address { get; }
    public int Port => Address.Port;

    /// <summary>Starts the API and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<ApiProcess> StartAsync(string naam, string connectionString, byte[] signingKey,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{PostgresInstallation.FindFreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Casus.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ConnectionStrings__Casus"] = connectionString + $";Application Name={naam}";
        start.Environment["Casus__Tokens__SigningKey"] = Convert.ToBase64String(signingKey);
        // Outside Development the API requires issuer and audience; these are the ones the tests mint tokens for.
        start.Environment["Casus__Tokens__Issuer"] = TokenInstellingen.Issuer;
        start.Environment["Casus__Tokens__Audience"] = TokenInstellingen.Audience;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var api = new ApiProcess(process, naam, address, signingKey);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => api.Dispose();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        // Generous: a full test run keeps both cores busy, and a cold start then takes tens of seconds.
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited) break;
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode) return api;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        api.Dispose();
        throw new InvalidOperationException($"API {naam} did not become ready:{Environment.NewLine}{api.Output}");
    }

    /// <summary>The lines the process wrote (the last 20,000).</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>kill -9: no shutdown, no goodbye to PostgreSQL or the load balancer.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 20_000) _output.TryDequeue(out _);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) KillHard();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
