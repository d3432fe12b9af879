using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Content.KeyRing;
using Outreach.Content.Retention;

namespace Outreach.Content.Staff;

/// <summary>Registers the stores of staff security, the Data Protection key ring and retention.</summary>
public static class SecurityStoresServiceCollectionExtensions
{
    /// <summary>Adds the account, sign-in failure, key ring and retention stores, and binds <c>Outreach:Retention</c>.</summary>
    public static IServiceCollection AddOutreachSecurityStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<StaffAccountStore>();
        services.TryAddSingleton<SignInFailureStore>();
        services.TryAddSingleton<DataProtectionKeyStore>();
        services.TryAddSingleton<RetentionStore>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
