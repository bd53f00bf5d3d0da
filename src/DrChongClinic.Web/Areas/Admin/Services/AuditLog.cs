using DrChongClinic.Domain.Auditing;
using DrChongClinic.Infrastructure.Data;

namespace DrChongClinic.Web.Areas.Admin.Services;

/// <summary>
/// Records what staff did (schedule and account changes). Adds the entry to the context only: the
/// caller's SaveChanges stores it together with the change, so there is no change without its record.
/// </summary>
public sealed class AuditLog(ClinicDbContext db, TimeProvider clock)
{
    public void Record(string actor, string action, string subject, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Subject = subject,
            Details = details is { Length: > 2000 } ? details[..2000] : details,
        });
}
