using System.Globalization;
using DrChongClinic.Application.Insights;
using DrChongClinic.Domain;

namespace DrChongClinic.Web.Areas.Admin.Models;

/// <summary>The insights page: the period form, the figures and their charts (drawn on the server as SVG).</summary>
public sealed class InsightsPage
{
    public required string From { get; init; }

    public required string To { get; init; }

    public string? Problem { get; init; }

    public InsightsReport? Report { get; init; }

    public string? PeriodLabel { get; init; }

    public StackedColumnChart? Weeks { get; init; }

    public BarChart? Treatments { get; init; }

    public BarChart? Doctors { get; init; }

    public BarChart? LeadTimes { get; init; }

    /// <summary>The lead-time table's rows (labels in the page's language).</summary>
    public IReadOnlyList<InsightsRow> LeadTimeRows { get; init; } = [];

    public static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (part / (double)whole).ToString("P0", CultureInfo.CurrentCulture);
}

/// <summary>One bar: its label, value and the bar's length in SVG units.</summary>
public sealed record Bar(string Label, int Value, double Y, double Width);

/// <summary>
/// A horizontal bar chart: labels on the left, bars scaled to the largest value, the value at the end of each bar.
/// All geometry is computed here; the view only writes the elements (no script, no inline styles: the CSP stays strict).
/// </summary>
public sealed class BarChart
{
    public const double ViewWidth = 640;
    public const double LabelWidth = 210;
    public const double RowHeight = 30;
    public const double BarHeight = 20;
    public const double ValueSpace = 56;

    public BarChart(string title, IEnumerable<(string Label, int Value)> rows)
    {
        Title = title;
        var list = rows.ToList();
        var max = Math.Max(1, list.Count == 0 ? 1 : list.Max(r => r.Value));
        var plot = ViewWidth - LabelWidth - ValueSpace;
        Bars = list.Select((r, i) => new Bar(Shorten(r.Label), r.Value, i * RowHeight + 5, r.Value == 0 ? 0 : Math.Max(2, plot * r.Value / max))).ToList();
        Height = Math.Max(RowHeight, list.Count * RowHeight + 10);
    }

    public string Title { get; }

    public IReadOnlyList<Bar> Bars { get; }

    public double Height { get; }

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string label) => label.Length <= 28 ? label : TextLength.Clip(label, 27) + "…";
}

/// <summary>One week's column: attended or still to come (bottom), cancelled and no-shows stacked above it.</summary>
public sealed record Column(string Label, bool ShowLabel, double X, double KeptY, double KeptHeight, double CancelledY, double CancelledHeight, double NoShowY, double NoShowHeight, int Bookings);

/// <summary>Bookings per week as stacked columns, with a value axis of a few round numbers.</summary>
public sealed class StackedColumnChart
{
    public const double ViewWidth = 720;
    public const double ViewHeight = 260;
    public const double Left = 40;
    public const double Top = 10;
    public const double Bottom = 40;

    public StackedColumnChart(string title, IReadOnlyList<InsightsRow> weeks)
    {
        Title = title;
        var max = Math.Max(1, weeks.Count == 0 ? 1 : weeks.Max(w => w.Bookings));
        var step = NiceStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        PlotHeight = ViewHeight - Top - Bottom;
        var slot = (ViewWidth - Left - 10) / Math.Max(1, weeks.Count);
        ColumnWidth = Math.Max(1, slot * 0.7);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(weeks.Count / 8.0));
        double Scale(int v) => PlotHeight * v / top;
        Columns = weeks.Select((w, i) =>
        {
            var kept = w.Bookings - w.Cancelled - w.NoShows;
            var baseY = Top + PlotHeight;
            var keptHeight = Scale(kept);
            var cancelledHeight = Scale(w.Cancelled);
            var noShowHeight = Scale(w.NoShows);
            return new Column(
                w.Label,
                i % labelEvery == 0,
                Left + i * slot + (slot - ColumnWidth) / 2,
                baseY - keptHeight,
                keptHeight,
                baseY - keptHeight - cancelledHeight,
                cancelledHeight,
                baseY - keptHeight - cancelledHeight - noShowHeight,
                noShowHeight,
                w.Bookings);
        }).ToList();
        Ticks = Enumerable.Range(0, top / step + 1).Select(k => (k * step, Top + PlotHeight - Scale(k * step))).ToList();
    }

    public string Title { get; }

    public IReadOnlyList<Column> Columns { get; }

    public double ColumnWidth { get; }

    public double PlotHeight { get; }

    /// <summary>Value axis: each value and its height.</summary>
    public IReadOnlyList<(int Value, double Y)> Ticks { get; }

    private static int NiceStep(int max)
    {
        foreach (var step in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000 })
        {
            if (max / step <= 5)
            {
                return step;
            }
        }

        return (int)Math.Pow(10, Math.Ceiling(Math.Log10(max / 5.0)));
    }
}
