using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Channels.Messenger;
using Outreach.Content.Members;
using Outreach.Content.Staff;
using Outreach.Emulators.Common;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Profiles;

/// <summary>
/// Members' names from Messenger's User Profile API, on the real gateway, PostgreSQL and the Messenger emulator: looked up after
/// the turn (the reply never waits for it), stored family name first, kept as it was when Graph refuses, and removed with the
/// member when she is erased.
/// </summary>
public sealed class MessengerProfileLookupTests(PostgresServer server) : MessengerGatewayTest(server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string?> FastLookups = new()
    {
        ["Outreach:Profiles:PollIntervalMs"] = "100",
        ["Outreach:Profiles:RetrySeconds"] = "1",
    };

    [Fact]
    public async Task MemberWritesFirstTime_NameLookedUpOnce_StoredFamilyNameFirst()
    {
        Emulator.SetProfile("5001", "Lan", "Nguyễn Thị");
        await using var host = await StartGatewayAsync(FastLookups);

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("5001", "Chào Hội"), Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == "5001", Patience, Ct);
        await WaitUntilAsync(async () => await NameOfAsync("5001") == "Nguyễn Thị Lan", "name stored");
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("5001", "Cho em hỏi vay vốn"), Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == "5001" && s.Text is not null, Patience, Ct);
        await WaitUntilInboxSettledAsync();

        var lookup = Assert.Single(Emulator.ProfileRequests);
        Assert.Equal("/v25.0/5001", lookup.Path);
        Assert.Contains("fields=first_name,last_name", lookup.QueryString, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ", lookup.Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal(200, lookup.ResponseStatus);
        Assert.Equal(("found", true, true), Assert.Single(await QueryAsync<(string, bool, bool)>(
            "SELECT profile_outcome, profile_due_at IS NULL, profile_refresh_at > now() + interval '29 days' FROM contacts WHERE platform_user_id = '5001'")));
    }

    [Fact]
    public async Task PageLacksProfilePermission_ReplyStillSent_MemberKeepsHerNumber()
    {
        Emulator.SetProfile("5002", "Hoa", "Trần");
        Emulator.ProfileAccessDenied = true;
        await using var host = await StartGatewayAsync(FastLookups);

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("5002", "Chào Hội"), Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == "5002", Patience, Ct);
        await WaitUntilAsync(async () => await OutcomeOfAsync("5002") == "no_permission", "refusal recorded");
        Emulator.ProfileAccessDenied = false;
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("5003", "Xin chào"), Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == "5003", Patience, Ct);
        await WaitUntilAsync(async () => await OutcomeOfAsync("5003") is not null, "second lookup recorded");

        Assert.Null(await NameOfAsync("5002"));
        Assert.Contains(Emulator.ProfileRequests, r => r.Path == "/v25.0/5002" && r.ResponseBody.Contains("2018247", StringComparison.Ordinal));
        // Written, but no profile (a phone-number-only account): (#100) 2018218, a lasting refusal too.
        Assert.Equal("no_profile", await OutcomeOfAsync("5003"));
        Assert.Null(await NameOfAsync("5003"));
        Assert.Equal(2, await ScalarAsync<long>("SELECT count(*) FROM outbound_messages WHERE status = 'sent'"));
        Assert.Equal(0, await ScalarAsync<long>("SELECT count(*) FROM contacts WHERE profile_due_at IS NOT NULL"));
    }

    [Fact]
    public async Task ProfileApiSlowThenDown_ReplyGoesFirst_NameArrivesOnARetry()
    {
        Emulator.SetProfile("5004", "Mai", "Lê Thị");
        Emulator.Inject(new Fault { Delay = TimeSpan.FromSeconds(15), PathContains = "/v25.0/5004" });
        Emulator.Inject(new Fault { Status = 500, Body = MessengerGraphErrors.Body("An unexpected error has occurred. Please retry your request later.", "OAuthException", 2, null, isTransient: true), PathContains = "/v25.0/5004" });
        await using var host = await StartGatewayAsync(FastLookups);

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("5004", "Chào Hội"), Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == "5004", Patience, Ct);
        var nameWhenAnswered = await NameOfAsync("5004");
        await WaitUntilAsync(async () => await NameOfAsync("5004") == "Lê Thị Mai", "name stored after retries");

        Assert.Null(nameWhenAnswered);
        Assert.Equal(3, Emulator.ProfileRequests.Count);
        Assert.Equal(0, await ScalarAsync<int>("SELECT profile_attempts::int FROM contacts WHERE platform_user_id = '5004'"));
    }

    [Fact]
    public async Task MemberErased_NameGoes_AndIsNeverLookedUpForTheErasedRow()
    {
        Emulator.SetProfile("5005", "Thu", "Phạm");
        await using var host = await StartGatewayAsync(FastLookups);
        var seed = new Seed(Database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh Thử", Ct);
        var admin = await seed.StaffAsync("quantri", province.Id, StaffRoles.Admin, Ct);
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("5005", "Chào Hội"), Ct);
        await WaitUntilAsync(async () => await NameOfAsync("5005") == "Phạm Thu", "name stored");
        var contactId = await ScalarAsync<long>("SELECT id FROM contacts WHERE platform_user_id = '5005'");

        var outcome = await host.Services.GetRequiredService<MemberStore>().EraseAsync(admin.Id, province.Id, contactId, Ct);

        Assert.Equal(MemberOutcome.Done, outcome);
        Assert.Equal(("erased", true, true, true), Assert.Single(await QueryAsync<(string, bool, bool, bool)>(
            """
            SELECT status, display_name IS NULL, profile_due_at IS NULL AND profile_refresh_at IS NULL,
                   profile_checked_at IS NULL AND profile_outcome IS NULL
            FROM contacts WHERE id = @contactId
            """, new { contactId })));
        Assert.Equal(0, await ScalarAsync<long>("SELECT count(*) FROM contacts WHERE display_name = 'Phạm Thu'"));
    }

    private Task<string?> NameOfAsync(string psid) =>
        FirstOrNullAsync("SELECT display_name FROM contacts WHERE platform_user_id = @psid", psid);

    private Task<string?> OutcomeOfAsync(string psid) =>
        FirstOrNullAsync("SELECT profile_outcome FROM contacts WHERE platform_user_id = @psid", psid);

    private async Task<string?> FirstOrNullAsync(string sql, string psid) => (await QueryAsync<string?>(sql, new { psid })).SingleOrDefault();
}
