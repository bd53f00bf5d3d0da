using DrChongClinic.Application.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>
/// Start-up work for staff accounts: the two roles exist; in Development two demo accounts exist;
/// anywhere, the first admin from configuration ("Admin:Email" + "Admin:Password") or from the
/// command line (<c>--create-admin EMAIL</c>, password from ADMIN_PASSWORD or standard input).
/// There is never a default password outside Development.
/// </summary>
public static class StaffAccountSetup
{
    public const string DemoAdminEmail = "admin@drchong.test";
    public const string DemoAdminPassword = "Demo-Admin-Pass-2026";
    public const string DemoStaffEmail = "staff@drchong.test";
    public const string DemoStaffPassword = "Demo-Staff-Pass-2026";
    public const string CreateAdminOption = "--create-admin";

    public static async Task InitializeAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        await EnsureRolesAsync(provider.GetRequiredService<RoleManager<IdentityRole>>());
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaffAccountSetup));

        if (provider.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
        {
            await CreateIfMissingAsync(provider, DemoAdminEmail, DemoAdminPassword, StaffRoles.Admin, logger);
            await CreateIfMissingAsync(provider, DemoStaffEmail, DemoStaffPassword, StaffRoles.Staff, logger);
        }

        var options = provider.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.Email) && !string.IsNullOrEmpty(options.Password))
        {
            await CreateIfMissingAsync(provider, options.Email.Trim(), options.Password, StaffRoles.Admin, logger);
        }
    }

    /// <summary>
    /// Handles <c>--create-admin EMAIL</c>: creates that Admin account and returns the process exit code,
    /// or null when the option is absent and the site should start as usual.
    /// </summary>
    public static async Task<int?> RunCommandLineAsync(IServiceProvider services, string[] args)
    {
        var index = Array.IndexOf(args, CreateAdminOption);
        if (index < 0)
        {
            return null;
        }

        if (index + 1 >= args.Length || string.IsNullOrWhiteSpace(args[index + 1]))
        {
            await Console.Error.WriteLineAsync($"Usage: {CreateAdminOption} EMAIL (password from ADMIN_PASSWORD or standard input)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
            {
                await Console.Out.WriteAsync("Password for the new admin account: ");
            }

            password = ReadPassword();
        }

        using var scope = services.CreateScope();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccountService>()
            .CreateAsync(StaffAccountService.SystemActor, args[index + 1].Trim(), password ?? "", StaffRoles.Admin, "command line");
        if (result.Succeeded)
        {
            await Console.Out.WriteLineAsync("Admin account created. Sign in at /admin and set up two-factor sign-in.");
            return 0;
        }

        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync(error.Description);
        }

        return 1;
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static async Task CreateIfMissingAsync(IServiceProvider provider, string email, string password, string role, ILogger logger)
    {
        var users = provider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var result = await provider.GetRequiredService<StaffAccountService>().CreateAsync(StaffAccountService.SystemActor, email, password, role, "start-up");
        if (result.Succeeded)
        {
            logger.LogInformation("Created the {Role} account from start-up settings", role);
        }
        else
        {
            // No e-mail or password in the log: only why it was refused.
            logger.LogError("The {Role} account from start-up settings was not created: {Errors}", role, string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }

        var password = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
