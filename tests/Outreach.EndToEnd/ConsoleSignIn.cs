using Microsoft.Playwright;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>The console's sign-in form, as staff fill it: the journeys' one way in.</summary>
internal static class ConsoleSignIn
{
    /// <summary>Fills the sign-in form the page shows (with the seeded password) and sends it.</summary>
    public static async Task SubmitAsync(IPage page, string username)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Tên đăng nhập").FillAsync(username);
        await page.GetByLabel("Mật khẩu").FillAsync(Seed.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }
}
