using DrChongClinic.Application.Background;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Infrastructure;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web;
using DrChongClinic.Web.Areas.Admin;
using DrChongClinic.Web.Booking;
using DrChongClinic.Web.Forms;
using DrChongClinic.Web.Localization;
using DrChongClinic.Web.Performance;
using DrChongClinic.Web.Security;
using DrChongClinic.Web.Seo;
using DrChongClinic.Web.Waitlist;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(args); // the container's health check; see HealthCheckCommand
}

NativeMemory.ReturnFreedMemoryPromptly();
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets(); // build-time compressed assets when run from a build in any environment (tests); no-op when published
builder.WebHost.AcceptLongAddressesForRefusal(); // an over-long address gets the friendly 414 page, not Kestrel's empty one (AddressRefusals)
builder.AddClinicLogging();
builder.Services.AddClinicLogRedaction();

builder.Services.AddClinicInfrastructure(builder.Configuration);
builder.Services.AddSingleton(new CompiledClinicModels(
    () => DrChongClinic.Migrations.Sqlite.CompiledModel.ClinicDbContextModel.Instance,
    () => DrChongClinic.Migrations.SqlServer.CompiledModel.ClinicDbContextModel.Instance));
builder.Services.AddOptions<PrivacyOptions>()
    .Bind(builder.Configuration.GetSection(PrivacyOptions.Section))
    .Validate(privacy => privacy.IsValid, "Privacy:NoticeVersion must be 1-20 characters and Privacy:RetentionMonths more than 0.")
    .ValidateOnStart();
builder.Services.AddClinicSettingsCheck(builder.Environment);
builder.Services.AddClinicLocalization();
builder.Services.AddControllersWithViews();
builder.Services.AddClinicFormBinding();
builder.Services.AddClinicSaveConflicts();
builder.Services.AddHealthChecks().AddCheck<DatabaseWriteHealthCheck>("database", tags: ["ready"]);
builder.Services.AddClinicDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddClinicHsts(builder.Configuration);
builder.Services.AddClinicBookingPages();
builder.Services.AddClinicWaitlistPages();
builder.Services.AddClinicAdmin(builder.Configuration, builder.Environment);
builder.Services.AddPublicPageCache();
builder.Services.AddClinicResponseCompression();
builder.Services.AddClinicCookieSecurity(builder.Configuration, builder.Environment);
builder.Services.AddClinicRateLimits(builder.Configuration);
builder.Services.AddClinicProxy();
builder.Services.AddBackgroundPass<PatientDataRetentionPass, RetentionPassResult>(_ => PatientDataRetentionPass.Interval);
builder.Services.AddHostedService<NativeMemory>();

var app = builder.Build();

app.UseClinicProxy();
app.UseHeadAsGet();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseClinicLocalization();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseAddressRefusals();
app.UseResponseCompression();
app.UseStaticFiles();
app.UseArticleImages();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UsePublicPageCache();

app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapStaticAssets();
app.MapControllers().WithStaticAssets();

var migrateOnly = args.Contains(DatabaseInitializer.MigrateOption);
await DatabaseInitializer.InitializeAsync(app.Services, migrateOnly);
if (migrateOnly)
{
    return 0; // the deployment's migration step (docker-compose.yml's "migrate" service): the site itself starts after it
}

if (await StaffAccountSetup.RunCommandLineAsync(app.Services, args) is int exitCode)
{
    return exitCode;
}

await StaffAccountSetup.InitializeAsync(app.Services);
await app.RunAsync();
return 0;

/// <summary>Entry point; public so WebApplicationFactory&lt;Program&gt; can start the site in tests.</summary>
public partial class Program;
