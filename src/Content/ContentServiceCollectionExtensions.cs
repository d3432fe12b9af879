using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outreach.Content.Audit;
using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;
using Outreach.Content.Contacts;
using Outreach.Content.Dvhc;
using Outreach.Content.Handoffs;
using Outreach.Content.Inbox;
using Outreach.Content.Members;
using Outreach.Content.Messages;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Staff;
using Outreach.Content.Stats;
using Outreach.Content.Storage;
using Outreach.Content.UnitMatching;
using Outreach.Content.UnitSheets;
using Outreach.Content.Unanswered;
using Outreach.Content.UnitTree;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Outreach.Content: the database, migrations and the stores.</summary>
public static class ContentServiceCollectionExtensions
{
    /// <summary>Adds the PostgreSQL data source (resolved at start-up through <see cref="OutreachDatabase"/>), the migrator and the stores.</summary>
    public static IServiceCollection AddOutreachContent(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(OutreachDatabase.ConnectionStringName);
            return new OutreachDatabase(string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("ConnectionStrings:Outreach is not set and no private cluster was started.")
                : connectionString);
        });
        services.TryAddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<OutreachDatabase>().ConnectionString);
            builder.UseLoggerFactory(sp.GetService<ILoggerFactory>());
            return builder.Build();
        });
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<OrgUnitStore>();
        services.TryAddSingleton<ChannelStore>();
        services.TryAddSingleton<ChannelHealthStore>();
        services.TryAddSingleton<Outreach.Content.ChannelAccounts.ChannelAccountStore>();
        services.TryAddSingleton<ContactStore>();
        services.TryAddSingleton<ContactProfileStore>();
        services.TryAddSingleton<InboxStore>();
        services.TryAddSingleton<OutboundMessageStore>();
        services.TryAddSingleton<StaffUserStore>();
        services.TryAddSingleton<PostStore>();
        services.TryAddSingleton<Outreach.Content.Publishing.PublicationStore>();
        services.TryAddSingleton<Outreach.Content.Publishing.PostImageStore>();
        services.TryAddSingleton<BroadcastStore>();
        services.TryAddSingleton<DeliveryStore>();
        services.TryAddSingleton<Eligibility>();
        services.TryAddSingleton<AudiencePlanner>();
        services.TryAddSingleton<AudiencePreview>();
        services.TryAddSingleton<UnitTreeStore>();
        services.TryAddSingleton<UnitImportStore>();
        services.TryAddSingleton<ProvinceSeeder>();
        services.TryAddSingleton<AuditStore>();
        services.TryAddSingleton<PlaceIndexStore>();
        services.TryAddSingleton<JoinCodeLookup>();
        services.TryAddSingleton<MemberStore>();
        services.TryAddSingleton<MemberGrowthStore>();
        services.TryAddSingleton<MemberFlowStore>();
        services.TryAddSingleton<HandoffStore>();
        services.TryAddSingleton<MemberQuestionStore>();
        services.TryAddSingleton<UnansweredStore>();
        services.TryAddSingleton<Outreach.Content.Notices.NoticeStore>();
        services.TryAddSingleton<Outreach.Content.Notices.StaffMailStore>();
        services.AddOutreachReach();
        return services;
    }
}
