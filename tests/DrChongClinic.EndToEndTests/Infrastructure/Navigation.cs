using System.Diagnostics;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests.Infrastructure;

/// <summary>Waiting for a click to take the page somewhere, and the staff sign-in every admin browser test starts with.</summary>
public static class Navigation
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="arrived"/>, watching the address only. Playwright's own
    /// WaitForURL ignores "Commit" when the address already matches and waits for the "load" event instead, and after a
    /// redirect that event sometimes never reached it although the page had arrived (CI timed out on sign-in twice). The
    /// steps after this one (Fill, Click, Expect) wait for the elements they need themselves.
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> arrived)
    {
        var waited = Stopwatch.StartNew();
        while (!arrived(page.Url))
        {
            if (waited.Elapsed > Limit)
            {
                throw new TimeoutException($"After {Limit.TotalSeconds:0} s the page was still at {page.Url}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Signs a staff account in through the form and the two-factor code step, as a person would.</summary>
    public static async Task SignInAsStaffAsync(this IPage page, TestAccount account)
    {
        await page.GotoAsync("/admin/account/sign-in");
        await page.FillAsync("#Email", account.Email);
        await page.FillAsync("#Password", account.Password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/sign-in/code", StringComparison.Ordinal));
        await page.FillAsync("#Code", await Totp.FreshCodeAsync(account.AuthenticatorKey!));
        await page.Locator("#sign-in-code-form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }
}
