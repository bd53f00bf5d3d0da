namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed record DashboardPage(DiaryDay Today, DiaryDay Tomorrow, int RequestsWaiting, int FailedEmails);

public sealed record DiaryDay(DateOnly Day, string Date, IReadOnlyList<DiaryRow> Appointments);

/// <summary>One appointment in the dashboard's day list (clinic time).</summary>
/// <param name="Version">The booking as the dashboard showed it: confirming checks it has not changed since.</param>
public sealed record DiaryRow(int Id, string Time, string Reference, string Patient, string Treatment, string Practitioner, bool AwaitingConfirmation, Guid Version);
