using Covacha.Search.Data;
using Covacha.Search.Data.Mongo;
using Covacha.Search.Data.Postgres;
using Covacha.Search.Index;
using Covacha.Search.Messaging;
using Covacha.Search.Model;
using Covacha.Search.Reindex;
using Covacha.Shared.Configuration;
using Covacha.Shared.Data;
using Covacha.Shared.Health;
using Covacha.Shared.Identity;
using Covacha.Shared.Pipeline;
using Covacha.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MongoDB.Driver;

namespace Covacha.Search;

/// <summary>The composition root of the Search app, used by its Functions host and by the dev host.</summary>
public static class SearchServices
{
    public const string ServiceName = "covacha-search";

    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCovachaTelemetry(configuration, ServiceName, SearchMetrics.MeterName);
        services.AddValidatedOptions<SearchOptions>(configuration, SearchOptions.Section);
        var settings = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();

        if (settings.Store == SearchOptions.MongoStore)
        {
            var mongo = MongoUrl.Create(ConnectionStrings.Required(configuration, "SearchMongo"));
            services.AddSingleton<IMongoClient>(new MongoClient(mongo));
            services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(mongo.DatabaseName ?? "search"));
            services.AddSingleton<ISearchStore, MongoSearchStore>();
            services.AddSingleton<IReadinessCheck, MongoReadinessCheck>();
        }
        else
        {
            services.AddPostgres(configuration, "Search", typeof(SearchServices).Assembly);
            services.AddSingleton<PostgresSearchStore>();
            if (settings.InMemoryIndex)
            {
                services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<PostgresSearchStore>());
                services.AddSingleton<SearchIndex>();
                services.AddSingleton<SearchIndexFollower>();
                services.AddSingleton<ISearchStore>(sp => new IndexedSearchStore(
                    sp.GetRequiredService<PostgresSearchStore>(), sp.GetRequiredService<SearchIndex>(), sp.GetRequiredService<SearchIndexFollower>()));
                services.AddSingleton<IReadinessCheck, IndexReadinessCheck>();
            }
            else
            {
                services.AddSingleton<ISearchStore>(sp => sp.GetRequiredService<PostgresSearchStore>());
            }
        }

        services.AddSingleton<ITransientFailureFilter, StoreFailures>();
        services.AddHostedService<StoreInitializer>();
        if (settings.Store != SearchOptions.MongoStore && settings.InMemoryIndex)
        {
            services.AddHostedService(sp => sp.GetRequiredService<SearchIndexFollower>());
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddJwksTokenValidation(configuration);
        services.AddHttpClient(nameof(ReindexService), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ReindexService>();

        var state = new ConsumerState { Enabled = settings.ConsumerEnabled };
        services.AddSingleton(state);
        services.AddSingleton<SearchMetrics>();
        services.AddSingleton<IReadinessCheck, ConsumerReadinessCheck>();
        if (settings.ConsumerEnabled)
        {
            ConnectionStrings.Required(configuration, "RabbitMQ");
            services.AddHostedService<ProductEventConsumer>();
        }

        services.AddSingleton<ReadinessProbe>();
        return services;
    }
}
