using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// A console form that arrives with nothing but its token (an unticked box is not sent; a script; a post cut short) binds to
/// no form at all. Every route of the console that takes a form, read from the gateway's own endpoints so that a new one is covered too,
/// must then answer with its own Vietnamese refusal (or do what needs no field: a rejection without a note), never a 500,
/// and create or erase nothing.
/// </summary>
public sealed partial class EmptyFormsTests(PostgresServer server) : IAsyncLifetime
{
    private ConsoleWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await ConsoleWorld.StartAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task EveryConsoleFormRoute_PostedWithOnlyTheToken_AnswersWithoutA5xx_AndCreatesOrErasesNothing()
    {
        var routes = ConsoleFormRoutes();
        Assert.Contains("/staff/members/{id}/erase", routes.Select(r => r.Pattern));
        Assert.True(routes.Count >= 15, $"only {routes.Count} console form routes found");
        using var admin = await _world.SignInAsync("quantri.tinh");
        var before = await CountsAsync();

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var page = await admin.PostFormAsync(route.Path);
            if ((int)page.Status >= 500)
            {
                failures.Add($"{route.Pattern} → {(int)page.Status}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task EraseAMember_WithTheBoxUnticked_SaysToTickIt()
    {
        var member = await _world.ScalarAsync<long>(
            "INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id) VALUES ('messenger', 'page-1', 'psid-erase', "
            + _world.CommuneA.Id.ToString(CultureInfo.InvariantCulture) + ") RETURNING id");
        using var admin = await _world.SignInAsync("quantri.tinh");

        var page = await admin.PostFormAsync($"/staff/members/{member}/erase");

        Assert.Contains("Đánh dấu ô xác nhận trước khi xóa.", page.Html, StringComparison.Ordinal);
        Assert.Equal(1, await _world.ScalarAsync<long>($"SELECT count(*) FROM contacts WHERE id = {member}"));
    }

    private List<(string Pattern, string Path)> ConsoleFormRoutes() =>
        _world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                && e.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Any(p => p.GetCustomAttribute<FromFormAttribute>() is not null) == true)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.StartsWith("/staff", StringComparison.Ordinal) && !p.StartsWith("/staff/api", StringComparison.Ordinal)
                && p != "/staff/login" && p != "/staff/logout")
            .Distinct()
            .Select(p => (Pattern: Parameter().Replace(p, "{id}"), Path: Parameter().Replace(p, "1")))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ToList();

    private async Task<string> CountsAsync() => string.Join(",", await Task.WhenAll(
        new[]
        {
            "contacts WHERE status <> 'erased'", "posts", "broadcasts", "org_units", "staff_users", "kb_items", "kb_item_versions",
            "channel_accounts", "targets", "indicator_results",
        }.Select(t => _world.ScalarAsync<long>($"SELECT count(*) FROM {t}"))));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
