using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>A staff account made for a test; <see cref="AuthenticatorKey"/> is set when two-factor sign-in is on.</summary>
public sealed record TestAccount(string Email, string Password, string Role, string? AuthenticatorKey);

/// <summary>Creates staff accounts straight in the database and signs them in through the real sign-in pages.</summary>
public static class StaffAccounts
{
    public const string Password = "Test-Password-2026";

    /// <summary>A browser-like client on https (the staff cookie is Secure outside Development), keeping cookies.</summary>
    public static HttpClient CreateBrowser(this WebApplicationFactory<Program> factory, bool followRedirects = true) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = followRedirects,
        });

    /// <summary>A new account; with two-factor sign-in on unless asked, as Production requires for every staff account.</summary>
    public static async Task<TestAccount> CreateAsync(WebApplicationFactory<Program> factory, string role, bool twoFactor = true, string? email = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@drchong.test";
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestAccount(email, Password, role, key);
    }

    /// <summary>Creates an account (with two-factor, as Production requires) and returns a client signed in with it.</summary>
    public static async Task<(HttpClient Client, TestAccount Account)> SignedInAsync(WebApplicationFactory<Program> factory, string role)
    {
        var account = await CreateAsync(factory, role);
        var client = factory.CreateBrowser();
        await SignInAsync(client, account);
        return (client, account);
    }

    /// <summary>Signs in through the pages: password, then the authenticator code when two-factor is on.</summary>
    public static async Task SignInAsync(HttpClient client, TestAccount account, string? password = null)
    {
        var response = await SubmitPasswordAsync(client, account.Email, password ?? account.Password);
        if (response.RequestMessage!.RequestUri!.AbsolutePath == "/admin/account/sign-in/code")
        {
            var page = await Html.ReadAsync(response);
            response = await client.SubmitAsync(page, "#sign-in-code-form", new Dictionary<string, string?> { ["Code"] = await Totp.FreshCodeAsync(account.AuthenticatorKey!) });
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/admin", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("/sign-in", response.RequestMessage.RequestUri.AbsolutePath, StringComparison.Ordinal);
    }

    public static async Task<HttpResponseMessage> SubmitPasswordAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/admin/account/sign-in");
        return await client.SubmitAsync(page, "#sign-in-form", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
