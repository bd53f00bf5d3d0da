using DrChongClinic.Application.Background;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain;
using DrChongClinic.Infrastructure.Caching;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Infrastructure.Email;
using DrChongClinic.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers the database (provider from configuration) and the clinic's infrastructure services.</summary>
    public static IServiceCollection AddClinicInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        // The options are built once, from singletons only: built for every context (every request), they cost more
        // memory than the booking itself (docs/performance.md, seventh pass).
        services.AddDbContext<ClinicDbContext>(ConfigureDatabase, ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<IClinicDatabase>(provider => provider.GetRequiredService<ClinicDbContext>());
        services.AddHostedService<SqliteCheckpointer>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AppointmentEventDispatcher>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<IPhotoProcessor, SkiaPhotoProcessor>();
        services.AddClinicBooking(configuration);
        services.AddArticleContent(configuration);
        services.AddClinicEmail(configuration);
        return services;
    }

    private static void ConfigureDatabase(IServiceProvider provider, DbContextOptionsBuilder options)
    {
        var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        ClinicDatabase.Configure(options, database, provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
        options.AddInterceptors(provider.GetRequiredService<AppointmentEventDispatcher>());

        // Registered by the web app, which references both migrations assemblies.
        if (provider.GetService<CompiledClinicModels>() is { } models)
        {
            options.UseModel(models.For(database.Provider));
        }

        // Registered by the web app together with its page cache (AddPublicPageCache).
        if (provider.GetService<SchedulePurgeInterceptor>() is { } purge)
        {
            options.AddInterceptors(purge);
        }
    }

    /// <summary>
    /// Email: the outbox pass (run in the background every "Email:PollInterval"), MailKit SMTP when "Email:Host"
    /// is set, otherwise .eml files in "Email:PickupFolder".
    /// </summary>
    private static void AddClinicEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => o.TimeoutSeconds >= 1, "Email:TimeoutSeconds must be at least 1.")
            .Validate(o => ClinicLanguage.IsKnown(o.ClinicInboxLanguage), "Email:ClinicInboxLanguage must be en or ms.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.MaxAttempts >= 1, "Email:MaxAttempts must be at least 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.RetryBackoff > TimeSpan.Zero, "Email:PollInterval and Email:RetryBackoff must be positive.")
            .Validate(o => o.ReminderLeadTime > TimeSpan.Zero, "Email:ReminderLeadTime must be positive.")
            .ValidateOnStart();
        services.Configure<ClinicDetails>(configuration.GetSection(ClinicDetails.Section));
        services.AddSingleton<IEmailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailOptions>>().Value.Host)
                ? ActivatorUtilities.CreateInstance<PickupFolderEmailTransport>(provider)
                : ActivatorUtilities.CreateInstance<SmtpEmailTransport>(provider));
        services.AddScoped<MailboxDailyCap>();
        services.AddScoped<EmailComposer>();
        services.AddScoped<AppointmentCalendarFile>();
        services.AddScoped<DoctorDiaryCalendar>();
        services.AddScoped<IEmailSender, EmailSender>();
        services.AddScoped<WaitlistEmailComposer>();
        services.AddScoped<IWaitlistEmailSender, WaitlistEmailSender>();
        services.AddClinicWaitlist(configuration);
        services.AddBackgroundPass<OutboxPass, OutboxPassResult>(provider => provider.GetRequiredService<IOptions<OutboxOptions>>().Value.PollInterval);
    }
}
