using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Services;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>
/// Staff sign-in for the /admin area: ASP.NET Core Identity with our own MVC pages (no Identity UI
/// package), strong passwords, lockout, two-factor codes, and a short sliding session cookie.
/// </summary>
public static class AdminSetup
{
    public const string SignInPath = "/admin/account/sign-in";

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
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddDefaultTokenProviders();

        // A locked account or a reset password ends that person's other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Name, Secure, HttpOnly, SameSite and Path of every cookie: Security/CookieSecurity.cs.
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, options.IdleTimeoutMinutes));
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/admin/account/sign-out";
            cookie.ReturnUrlParameter = "returnUrl";
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
        services.AddScoped<AuditLog>();
        services.AddScoped<BookingConflictFinder>();
        services.AddScoped<BookingSearch>();
        services.AddScoped<RequireTwoFactorForAdminsFilter>();
        return services;
    }
}
