using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Domain.Waitlist;

/// <summary>A free time of one doctor for one treatment, as the waitlist sees it.</summary>
public sealed record WaitlistTime(int TreatmentId, int PractitionerId, PractitionerGender? PractitionerGender, DateTime LocalStart, DateTime StartUtc);

/// <summary>Who is offered a free time: the first waiting entries (join order) that want it and were not offered it before.</summary>
public static class WaitlistMatcher
{
    /// <param name="time">The free time.</param>
    /// <param name="entries">Open entries (those already holding an offer are skipped).</param>
    /// <param name="openOffers">Offers of this time still open: they count towards <paramref name="perTime"/>.</param>
    /// <param name="perTime">How many patients may hold an offer of one time at once (Waitlist:OffersPerTime).</param>
    /// <param name="offeredBefore">Whether an entry was offered this time before (it is not offered it again).</param>
    public static IReadOnlyList<WaitlistEntry> WhoGets(
        WaitlistTime time, IEnumerable<WaitlistEntry> entries, int openOffers, int perTime, Func<WaitlistEntry, bool> offeredBefore)
    {
        var room = perTime - openOffers;
        if (room <= 0)
        {
            return [];
        }

        return entries
            .Where(e => e.Status == WaitlistStatus.Waiting && e.Wants(time.TreatmentId, time.LocalStart, time.PractitionerId, time.PractitionerGender))
            .OrderBy(e => e.JoinedAtUtc)
            .ThenBy(e => e.Id)
            .Where(e => !offeredBefore(e))
            .Take(room)
            .ToList();
    }
}
