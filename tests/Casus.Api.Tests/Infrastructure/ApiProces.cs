using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Domain.Toegang;
using Microsoft.IdentityModel.Tokens;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>The built API as a real process (Testing environment) on the database of <paramref name="api"/>, with its
/// signing key, so it can be killed with SIGKILL. Runs on the system clock. Its tokens are minted without starting
/// <paramref name="api"/>'s own host.</summary>
public sealed class ApiProces : IAsyncDisposable
{
    private readonly Process proces;
    private readonly DevelopmentTokens tokens;

    public HttpClient Http { get; }

    private ApiProces(Process proces, int poort, CasusApi api)
    {
        this.proces = proces;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{poort}") };
        tokens = new DevelopmentTokens(new SymmetricSecurityKey(api.SigningKey),
            new TokenSettings { Issuer = TokenSettings.OntwikkelIssuer, Audience = TokenSettings.OntwikkelAudience });
    }

    /// <summary>Starts the process with <paramref name="instellingen"/> (configuration keys) and waits until it answers.</summary>
    public static async Task<ApiProces> StartAsync(CasusApi api, IReadOnlyDictionary<string, string>? instellingen = null)
    {
        var testMap = AppContext.BaseDirectory; // tests/Casus.Api.Tests/bin/<configuration>/net10.0/
        var configuratie = new DirectoryInfo(testMap).Parent!.Name;
        var root = Path.GetFullPath(Path.Combine(testMap, "..", "..", "..", "..", ".."));
        var dll = Path.Combine(root, "src", "Casus.Api", "bin", configuratie, "net10.0", "Casus.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var poort = VrijePoort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{poort}",
                ["ConnectionStrings__Casus"] = api.ConnectionString,
                ["Casus__Tokens__SigningKey"] = Convert.ToBase64String(api.SigningKey),
                ["Casus__Termijnen__ControleSeconden"] = "0",
            },
        };
        foreach (var (key, value) in instellingen ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;
        var proces = Process.Start(start)!;
        var uitvoer = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Bewaar(string? regel)
        {
            if (regel is null) return;
            uitvoer.Enqueue(regel);
            while (uitvoer.Count > 40) uitvoer.TryDequeue(out _);
        }
        proces.OutputDataReceived += (_, e) => Bewaar(e.Data);
        proces.ErrorDataReceived += (_, e) => Bewaar(e.Data);
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        var api2 = new ApiProces(proces, poort, api);
        // Generous: a full test run keeps both cores busy, and a cold start then takes tens of seconds.
        var tot = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < tot)
        {
            try
            {
                if ((await api2.Http.GetAsync("/api/v1/openapi.json")).IsSuccessStatusCode) return api2;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        await api2.DisposeAsync();
        throw new TimeoutException($"The API process did not start within 180 s. Its last output:\n{string.Join('\n', uitvoer)}");
    }

    /// <summary>A POST as <paramref name="als"/> that must succeed; its JSON body.</summary>
    public async Task<JsonNode?> PostAsync(Actor als, string pad, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pad) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", tokens.Mint(als).Token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text.Length > 0 ? JsonNode.Parse(text) : null;
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (proces.HasExited) return;
        proces.Kill(entireProcessTree: true);
        await proces.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
        proces.Dispose();
    }

    private static int VrijePoort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
