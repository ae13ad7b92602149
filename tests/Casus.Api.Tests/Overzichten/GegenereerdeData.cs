using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Toegang;
using Casus.Testdata;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Casus.Api.Tests.Overzichten;

/// <summary>A generated data set of a few hundred casussen (seed 2023, signalen from 2023 to yesterday), played through
/// the API over HTTP as the partners and coordinators would, after which the clock is back at "now" and the async
/// projections have caught up.</summary>
public sealed class GegenereerdeData : IAsyncLifetime
{
    /// <summary>The test classes that share one generated data set (made once; they run one after another).</summary>
    public const string Collectie = "Gegenereerde data";

    public const int Aantal = 300;
    public CasusApi Api { get; } = new();
    public Generatie Generatie { get; } = new Generator(2023).Maak(Aantal, new DateOnly(2023, 1, 1), new DateOnly(2026, 11, 22));
    public IReadOnlyDictionary<int, Guid> Ids { get; private set; } = new Dictionary<int, Guid>();

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        var clients = new Dictionary<string, HttpClient>();
        HttpClient ClientVoor(Actor actor) =>
            clients.TryGetValue(actor.GebruikerId, out var client) ? client : clients[actor.GebruikerId] = CasusClient.Authorized(Api, actor);
        Ids = await new HttpUitvoerder(ClientVoor, Api.Clock.Set).VoerUitAsync(Generatie);
        Api.Clock.Set(CasusApi.Now);
        await WachtOpProjectiesAsync();
    }

    public Task WachtOpProjectiesAsync() =>
        Api.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    public GegenereerdeCasus Casus(Guid id) => Generatie.Casussen[Ids.Single(i => i.Value == id).Key];

    public Task DisposeAsync() => Api.DisposeAsync().AsTask();
}

[CollectionDefinition(GegenereerdeData.Collectie)]
public sealed class GegenereerdeDataCollectie : ICollectionFixture<GegenereerdeData>;
