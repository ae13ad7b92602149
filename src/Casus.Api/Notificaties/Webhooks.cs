using Marten;
using Microsoft.Extensions.Options;

namespace Casus.Api.Notificaties;

/// <summary>The services of the webhooks: settings (<see cref="WebhookInstellingen"/>; local addresses allowed by default
/// only in Development), the delivery HTTP client that connects only to allowed addresses, the planner, the documents.</summary>
public static class Webhooks
{
    public const string Queue = "webhooks";

    public static IServiceCollection AddCasusWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(WebhookInstellingen.Section);
        services.AddOptions<WebhookInstellingen>().Bind(section).Configure(o =>
        {
            if (section[nameof(WebhookInstellingen.LokaleAdressenToestaan)] is null) o.LokaleAdressenToestaan = environment.IsDevelopment();
        });
        services.AddHttpClient(AfleveringVersturenHandler.HttpClientNaam, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => CallbackAdres.Handler(sp.GetRequiredService<IOptions<WebhookInstellingen>>().Value));
        services.AddSingleton<Notificatieplanner>();
        services.ConfigureMarten(o =>
        {
            o.Schema.For<Abonnement>().Index(a => a.OrganisatieId);
            o.Schema.For<Aflevering>().Index(a => a.AbonnementId);
        });
        return services;
    }
}
