using DrChongClinic.Application.Staff;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>How the first admin account comes to exist; each test starts its own site on an empty database.</summary>
public sealed class FirstAdminTests
{
    [Fact]
    public async Task Production_without_admin_settings_has_roles_but_no_account_and_no_default_password()
    {
        using var factory = new ClinicFactory();
        _ = factory.Server;

        var (users, roles) = await factory.WithDbAsync(async db => (await db.Users.CountAsync(), await db.Roles.Select(r => r.Name).ToListAsync()));

        Assert.Equal(0, users);
        Assert.Equal([StaffRoles.Admin, StaffRoles.Staff], roles.Order());
        var response = await StaffAccounts.SubmitPasswordAsync(factory.CreateBrowser(), StaffAccountSetup.DemoAdminEmail, StaffAccountSetup.DemoAdminPassword);
        Assert.Contains("do not match an account", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Production_creates_the_first_admin_from_configuration_once()
    {
        using var factory = new ClinicFactory().With("Admin:Email", "owner@drchong.test").With("Admin:Password", "Owner-Chooses-This-1");

        var account = new TestAccount("owner@drchong.test", "Owner-Chooses-This-1", StaffRoles.Admin, null);
        var client = factory.CreateBrowser();
        await StaffAccounts.SubmitPasswordAsync(client, account.Email, account.Password);

        Assert.Equal(RequireTwoFactorFilter.SetUpPath, (await client.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(account.Email))!, StaffRoles.Admin));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "staff.created"));
        Assert.Equal("system", audit.Actor);
    }

    [Fact]
    public async Task A_configured_password_that_breaks_the_rules_creates_no_account()
    {
        using var factory = new ClinicFactory().With("Admin:Email", "owner@drchong.test").With("Admin:Password", "password");
        _ = factory.Server;

        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Development_has_the_demo_admin_and_staff_accounts_documented_in_the_readme()
    {
        using var factory = new ClinicFactory { Environment = "Development" };

        var admin = factory.CreateBrowser();
        await StaffAccounts.SignInAsync(admin, new TestAccount(StaffAccountSetup.DemoAdminEmail, StaffAccountSetup.DemoAdminPassword, StaffRoles.Admin, null));
        Assert.Equal("/admin/staff", (await admin.GetAsync("/admin/staff")).RequestMessage!.RequestUri!.AbsolutePath);
        await StaffAccounts.SignInAsync(factory.CreateBrowser(), new TestAccount(StaffAccountSetup.DemoStaffEmail, StaffAccountSetup.DemoStaffPassword, StaffRoles.Staff, null));

        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"));
        foreach (var text in new[] { StaffAccountSetup.DemoAdminEmail, StaffAccountSetup.DemoAdminPassword, StaffAccountSetup.DemoStaffEmail, StaffAccountSetup.DemoStaffPassword })
        {
            Assert.Contains(text, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_command_line_option_creates_an_admin_and_exits_without_serving()
    {
        var folder = Directory.CreateTempSubdirectory("drchong-cli-").FullName;
        try
        {
            var database = Path.Combine(folder, "clinic.db");

            var weak = await RunAsync(folder, database, "--create-admin owner@drchong.test", "weak");
            var created = await RunAsync(folder, database, "--create-admin owner@drchong.test", "Owner-Chooses-This-1");

            Assert.Equal(1, weak.ExitCode);
            Assert.True(created.ExitCode == 0, created.Output);
            Assert.Contains("Admin account created", created.Output, StringComparison.Ordinal);
            var options = new DbContextOptionsBuilder<ClinicDbContext>();
            ClinicDatabase.Configure(options, new DatabaseOptions { ConnectionString = $"Data Source={database}" }, folder);
            await using var db = new ClinicDbContext(options.Options);
            var admins = await (from u in db.Users
                                join ur in db.UserRoles on u.Id equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where r.Name == StaffRoles.Admin
                                select u.Email).ToListAsync();
            Assert.Equal(["owner@drchong.test"], admins);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string folder, string database, string arguments, string password) =>
        SiteCommand.RunAsync(folder, database, arguments, new Dictionary<string, string> { ["ADMIN_PASSWORD"] = password });
}
