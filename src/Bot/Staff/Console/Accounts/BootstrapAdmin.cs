using Microsoft.Extensions.Options;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>
/// Creates the first admin from <see cref="BootstrapAdminOptions"/> when the gateway starts on a database with no staff at
/// all (<see cref="StaffUserStore.CreateFirstAdminAsync"/>: hosts starting together take an advisory lock, so exactly one of
/// them creates her); once any staff account exists this does nothing, whatever the configuration says (changing it later
/// never resets a password). She chooses her own password at her first sign-in (must_change_password); on an install made
/// before that was so, the account is made to ask for it only while it still has the configured password.
/// </summary>
public sealed partial class BootstrapAdmin(
    StaffUserStore staff, StaffPasswords passwords, IOptions<BootstrapAdminOptions> options,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsSet && await CreateIfNoStaffAsync(settings, cancellationToken) is { } unitId)
        {
            Log.BootstrapAdminCreated(logger, settings.Username!.Trim().ToLowerInvariant(), unitId);
        }
        else if (settings.IsSet)
        {
            await RequireChangeIfStillConfiguredAsync(settings, cancellationToken);
        }
    }

    /// <summary>
    /// The first admin of an existing install who still signs in with the configured password is asked to choose her own (true
    /// when that changed her account); one with a password of her own is left alone.
    /// </summary>
    public async Task<bool> RequireChangeIfStillConfiguredAsync(BootstrapAdminOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return await staff.FindCredentialAsync(settings.Username!.Trim().ToLowerInvariant(), cancellationToken) is { MustChangePassword: false } found
            && passwords.Verify(found.PasswordHash, settings.Password!, out _)
            && await staff.RequirePasswordChangeAsync(found.User.Id, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the admin (and her unit when needed); returns the unit's id, or null when staff already existed.</summary>
    public Task<long?> CreateIfNoStaffAsync(BootstrapAdminOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return staff.CreateFirstAdminAsync(
            settings.Username!, settings.DisplayName, settings.OrgUnitName!, settings.OrgUnitLevel, passwords.Hash(settings.Password!), cancellationToken);
    }
}
