using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>The console's sign-in form, as staff fill it: the journeys' one way in.</summary>
internal static partial class ConsoleSignIn
{
    /// <summary>Opens the console, is sent to the sign-in page, signs in and lands on "Tổng quan".</summary>
    public static async Task SignInAsync(IPage page, string username)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/staff");
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await SubmitAsync(page, username);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Fills the sign-in form the page shows (with the seeded password) and sends it.</summary>
    public static async Task SubmitAsync(IPage page, string username)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Tên đăng nhập").FillAsync(username);
        await page.GetByLabel("Mật khẩu").FillAsync(Seed.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    [GeneratedRegex("/staff/login")]
    private static partial Regex LoginUrl();
}
