using Covacha.Search.Data;
using Covacha.Search.Data.Mongo;
using Covacha.Search.Data.Postgres;
using Covacha.Search.Index;
using Covacha.Search.Messaging;
using Covacha.Search.Model;
using Covacha.Search.Reindex;
using Covacha.Shared.Configuration;
using Covacha.Shared.Money;
using Covacha.Shared.Data;
using Covacha.Shared.Health;
using Covacha.Shared.Hosting;
using Covacha.Shared.Identity;
using Covacha.Shared.Messaging;
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

    /// <summary>This app for the shared runner (<c>Program.cs</c>) and the tests that build its worker host.</summary>
    public static readonly FunctionsAppDefinition App = new(
        ServiceName, (services, configuration) => services.AddSearch(configuration), (services, configuration) => services.AddSearchMigrations(configuration));

    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCovachaTelemetry(configuration, ServiceName, SearchMetrics.MeterName);
        services.AddValidatedOptions<SearchOptions>(configuration, SearchOptions.Section,
            o => o.EffectiveCurrencies.All(CurrencyExponents.IsCode) ? null : "must be ISO 4217 codes", nameof(SearchOptions.Currencies));
        var settings = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();

        // With the index on (search-api, the dev host) searches are answered from memory, fed by
        // the store's change feed; the store's own queries answer only while the index loads.
        if (settings.Store == SearchOptions.MongoStore)
        {
            services.AddMongo(configuration);
            services.AddSingleton<MongoSearchStore>();
            services.AddSingleton<IReadinessCheck, MongoReadinessCheck>();
            if (settings.InMemoryIndex)
            {
                services.AddSingleton<IChangeFeed, MongoChangeFeed>();
                services.AddSingleton<IIndexSnapshotStore, MongoIndexSnapshotStore>();
                services.AddIndex<MongoSearchStore>();
            }
            else
            {
                services.AddSingleton<ISearchStore>(sp => sp.GetRequiredService<MongoSearchStore>());
            }
        }
        else
        {
            services.AddPostgres(configuration, "Search", typeof(SearchServices).Assembly);
            services.AddSingleton<PostgresSearchStore>();
            if (settings.InMemoryIndex)
            {
                services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<PostgresSearchStore>());
                services.AddSingleton<IIndexSnapshotStore, PostgresIndexSnapshotStore>();
                services.AddIndex<PostgresSearchStore>();
            }
            else
            {
                services.AddSingleton<ISearchStore>(sp => sp.GetRequiredService<PostgresSearchStore>());
            }
        }

        services.AddSingleton<ITransientFailureFilter, StoreFailures>();
        services.AddHostedService<StoreInitializer>();
        if (settings.InMemoryIndex)
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
            services.AddRabbitMq(configuration);
            services.AddHostedService<ProductEventConsumer>();
        }

        services.AddSingleton<ReadinessProbe>();
        return services;
    }

    /// <summary>
    /// What <c>--migrate</c> needs: the configured store's client and its schema (the SQL scripts
    /// for PostgreSQL, the indexes for MongoDB).
    /// </summary>
    public static IServiceCollection AddSearchMigrations(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        if (settings.Store == SearchOptions.MongoStore)
        {
            services.AddMongo(configuration);
            services.AddSingleton<ISchemaMigration, MongoIndexMigration>();
        }
        else
        {
            services.AddPostgresMigrations(configuration, "Search", typeof(SearchServices).Assembly);
        }

        return services;
    }

    /// <summary>The in-memory index in front of <typeparamref name="TStore"/>, following the registered <see cref="IChangeFeed"/>.</summary>
    private static void AddIndex<TStore>(this IServiceCollection services)
        where TStore : class, ISearchStore
    {
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexFollower>();
        services.AddSingleton<ISearchStore>(sp => new IndexedSearchStore(
            sp.GetRequiredService<TStore>(), sp.GetRequiredService<SearchIndex>(), sp.GetRequiredService<SearchIndexFollower>()));
        services.AddSingleton<IReadinessCheck, IndexReadinessCheck>();
    }

    private static void AddMongo(this IServiceCollection services, IConfiguration configuration)
    {
        var mongo = MongoUrl.Create(ConnectionStrings.Required(configuration, "SearchMongo"));
        services.AddSingleton<IMongoClient>(new MongoClient(mongo));
        services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(mongo.DatabaseName ?? "search"));
    }
}
