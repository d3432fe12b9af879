using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;
using Outreach.Scheduler.Broadcasting;
using Outreach.Scheduler.Hosting;
using Outreach.Scheduler.Rollups;
using Outreach.Scheduler.Sending;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Outreach.Scheduler: Hangfire on PostgreSQL and the jobs.</summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>Adds Hangfire with PostgreSQL storage in its own schema, and (unless disabled) a Hangfire server.</summary>
    public static IServiceCollection AddOutreachScheduler(this IServiceCollection services, bool runServer = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Each host owns its storage. Hangfire.NetCore would otherwise hand every host the static JobStorage.Current, which the
        // last host to configure wins: with two hosts in one process (tests, a gateway beside a tool) one host's jobs ran on the
        // other's server, and after that host stopped they failed on its disposed container.
        // Each host activates jobs from its own container, for the same reason: Hangfire.NetCore registers the activator as
        // a snapshot of the static JobActivator.Current, which a host starting at the same moment can set to its own, so one
        // host's jobs ran in another's container and failed once that host stopped (ObjectDisposedException 'IServiceProvider',
        // seen when two console journeys ran side by side).
        services.TryAddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.TryAddSingleton<JobStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
            var dataSource = sp.GetRequiredService<NpgsqlDataSource>();
            return new PostgreSqlStorage(new DataSourceConnectionFactory(dataSource), StorageOptions(options));
        });

        services.AddHangfire((sp, configuration) =>
        {
            configuration
                .UseLogProvider(new HostBoundLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseStorage(sp.GetRequiredService<JobStorage>());
        });

        services.AddOptions<Outreach.Scheduler.Publishing.PublishingOptions>()
            .BindConfiguration(Outreach.Scheduler.Publishing.PublishingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<Outreach.Scheduler.Publishing.PostImageLinks>();
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var broadcasts = sp.GetRequiredService<IOptions<BroadcastOptions>>().Value;
            return new QuietHours(broadcasts.QuietFrom, broadcasts.QuietUntil, sp.GetRequiredService<ChannelCatalog>());
        });
        // The workers' statements on a data source of their own that prepares them, or on the application's (see BroadcastOptions).
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<BroadcastOptions>>().Value.PrepareStatements
            ? SendingDataSource.Prepared(
                sp.GetRequiredService<Outreach.Content.Storage.OutreachDatabase>().ConnectionString,
                sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>())
            : SendingDataSource.Shared(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<BroadcastRateLimiters>();
        services.TryAddSingleton<ChannelSenders>();
        services.TryAddSingleton<ChannelHealthReporter>();
        services.TryAddSingleton<ChannelThrottle>();
        services.TryAddSingleton<DeliveryAttempt>();
        services.TryAddSingleton<OutcomeWriter>();
        services.TryAddSingleton<BroadcastSender>();
        services.TryAddSingleton<BroadcastWorkers>();
        services.TryAddSingleton<WaitingBroadcastJobs>();
        services.TryAddSingleton<BroadcastControl>();
        services.AddOutreachReachJobs(runServer);

        // Hangfire activates jobs through the container; job classes are an unordered family, found by scanning.
        services.Scan(scan => scan.FromAssemblyOf<PlanBroadcastJob>()
            .AddClasses(c => c.Where(t => t.Name.EndsWith("Job", StringComparison.Ordinal)))
            .AsSelf()
            .WithTransientLifetime());

        if (runServer)
        {
            services.AddHostedService<SchedulerStartup>();
            // Two servers, each with its own workers: one for broadcasts only, one for everything else (housekeeping), so
            // broadcasts that take all of theirs never starve the roll-up, insights or the watchdog.
            services.AddHangfireServer((sp, server) =>
            {
                var options = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
                server.ServerName = Environment.MachineName + ":housekeeping";
                server.WorkerCount = options.WorkerCount;
                server.Queues = SchedulerQueues.Housekeeping;
                server.SchedulePollingInterval = TimeSpan.FromMilliseconds(options.SchedulePollingIntervalMs);
            });
            services.AddHangfireServer((sp, server) =>
            {
                var options = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
                server.ServerName = Environment.MachineName + ":broadcast";
                server.WorkerCount = options.BroadcastWorkerCount;
                server.Queues = SchedulerQueues.Broadcasting;
                server.SchedulePollingInterval = TimeSpan.FromMilliseconds(options.SchedulePollingIntervalMs);
            });
        }

        return services;
    }

    internal static PostgreSqlStorageOptions StorageOptions(SchedulerOptions options) => new()
    {
        SchemaName = options.SchemaName,
        PrepareSchemaIfNecessary = true,

        // Plain polling, not LISTEN/NOTIFY long polling: with long polling, jobs can stay enqueued until their invisibility
        // timeout when the listener connection is disturbed (hangfire-postgres/Hangfire.PostgreSql#410, open), which we saw
        // under load. Member replies do not wait on Hangfire (the inbox has its own workers), so a poll of a second is enough.
        EnableLongPolling = false,
        QueuePollInterval = TimeSpan.FromMilliseconds(options.QueuePollIntervalMs),

        // Sliding invisibility: a running job keeps extending its lease by heartbeat, so a long send chunk is never handed to a
        // second worker while the first still runs, yet a job whose server died is picked up again after InvisibilityTimeout
        // (instead of after the fixed 30 minutes of the non-sliding mode).
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),

        // A broken database must fail loudly at start-up, not put Hangfire into a silent degraded mode (its default).
        AllowDegradedModeWithoutStorage = false,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
    };

    /// <summary>Installs (or checks) Hangfire's schema in <paramref name="connectionString"/>; used by the tests' template database.</summary>
    public static void InstallHangfireSchema(string connectionString, SchedulerOptions? options = null)
    {
        var storageOptions = StorageOptions(options ?? new SchedulerOptions());
        _ = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }
}
