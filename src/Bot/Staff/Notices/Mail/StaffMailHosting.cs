namespace Outreach.Bot.Staff.Notices.Mail;

/// <summary>Notices by e-mail: the setting every staff member can make, and the mailer (idle unless <c>Outreach:Mail:Host</c> is set).</summary>
public static class StaffMailHosting
{
    public static IServiceCollection AddStaffMail(this IServiceCollection services)
    {
        services.AddOptions<StaffMailOptions>().BindConfiguration(StaffMailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NoticeMailService>();
        services.AddSingleton<StaffMailNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<StaffMailNotifier>());
        return services;
    }
}
