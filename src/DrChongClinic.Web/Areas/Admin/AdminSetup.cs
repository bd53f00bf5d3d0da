using DrChongClinic.Application.Staff;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Services;
using DrChongClinic.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>
/// Staff sign-in for the /admin area: ASP.NET Core Identity with our own MVC pages (no Identity UI
/// package), strong passwords, sign-in throttling per address, single-use two-factor codes, and a short sliding
/// session cookie with an absolute lifetime, checked against the database on every request (so signing out,
/// locking an account or resetting its password ends its sessions at once).
/// </summary>
public static class AdminSetup
{
    public const string SignInPath = "/admin/account/sign-in";

    /// <summary>When the session began (UTC, round-trip format), kept in the cookie's properties across renewals.</summary>
    public const string SessionStartedItem = ".clinic.session-started";

    public static IServiceCollection AddClinicAdmin(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var options = configuration.GetSection(AdminOptions.Section).Get<AdminOptions>() ?? new AdminOptions();
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));

        services.AddIdentity<IdentityUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequiredUniqueChars = 5;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireNonAlphanumeric = true;
                // Wrong passwords do not count towards a lockout (SignInThrottle slows the guessing address instead);
                // wrong two-factor codes, which need the password first, still lock the account for 15 minutes.
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddErrorDescriber<ClinicIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        // The security stamp is checked on every request: signing out (which renews it), locking an account or
        // resetting its password ends every session of that account at once, including copies of the cookie.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        var absoluteLifetime = TimeSpan.FromHours(options.AbsoluteSessionHours > 0 ? options.AbsoluteSessionHours : 10);

        // Name, Secure, HttpOnly, SameSite and Path of every cookie: Security/CookieSecurity.cs.
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, options.IdleTimeoutMinutes));
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/admin/account/sign-out";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnSigningIn = context =>
            {
                // A fresh sign-in starts the clock; a refresh (new password, two-factor turned on) keeps it.
                context.Properties.Items.TryAdd(SessionStartedItem, context.Options.TimeProvider!.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var now = context.Options.TimeProvider!.GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SessionStartedItem, out var started)
                    || !DateTimeOffset.TryParse(started, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var startedAt)
                    || now - startedAt > absoluteLifetime)
                {
                    // Past the absolute lifetime (or a cookie from before it existed): sign in again.
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // A plain 403 with the friendly error page, not a redirect that hides what happened.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicies.StaffArea, policy => policy.RequireRole(StaffRoles.Staff, StaffRoles.Admin))
            .AddPolicy(AdminPolicies.AdminOnly, policy => policy.RequireRole(StaffRoles.Admin));

        // Forms are checked by their FluentValidation validators, with the clinic's own messages; MVC's
        // implicit "The X field is required." for non-nullable strings would only duplicate them.
        services.Configure<MvcOptions>(mvc => mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.AddValidatorsFromAssemblyContaining<AdminOptions>(
            filter: v => v.ValidatorType.Namespace?.StartsWith(typeof(AdminOptions).Namespace!, StringComparison.Ordinal) == true);
        services.AddClinicStaffActions();
        services.AddScoped<BookingDetailPages>();
        services.AddScoped<RequireTwoFactorFilter>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<StaffPasswordSignIn>();
        return services;
    }
}
