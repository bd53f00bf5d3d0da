using System.Globalization;
using System.Text;

namespace DrChongClinic.Benchmarks;

public enum Verdict
{
    Pass,
    Fail,
    NotMeasured,
}

public sealed record Result(string Measurement, string Figure, string Target, Verdict Verdict);

/// <summary>Every figure the benchmark measured, printed as one table with its target and pass or fail.</summary>
public sealed class ResultTable
{
    private readonly List<Result> _results = [];
    private readonly List<string> _notes = [];

    public bool AllPassed => _results.All(r => r.Verdict != Verdict.Fail);

    public void Add(string measurement, string figure, string target, bool passed) =>
        _results.Add(new Result(measurement, figure, target, passed ? Verdict.Pass : Verdict.Fail));

    public void NotMeasured(string measurement, string target, string why) =>
        _results.Add(new Result(measurement, "not measured: " + why, target, Verdict.NotMeasured));

    /// <summary>Detail printed under the table (what Lighthouse flagged, what failed and why).</summary>
    public void Note(string note) => _notes.Add(note);

    public string Render()
    {
        string[] header = ["Measurement", "Figure", "Target", "Result"];
        var rows = _results.Select(r => new[] { r.Measurement, r.Figure, r.Target, Label(r.Verdict) }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(row => row[i].Length).Append(header[i].Length).Max()).ToArray();
        var text = new StringBuilder();
        AppendRow(header);
        text.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).Append("|\n");
        rows.ForEach(AppendRow);
        var passed = _results.Count(r => r.Verdict == Verdict.Pass);
        var failed = _results.Count(r => r.Verdict == Verdict.Fail);
        var skipped = _results.Count(r => r.Verdict == Verdict.NotMeasured);
        text.Append(CultureInfo.InvariantCulture, $"\n{passed} passed, {failed} failed, {skipped} not measured\n");
        foreach (var note in _notes)
        {
            text.Append("\n- ").Append(note);
        }

        return text.Append('\n').ToString();

        void AppendRow(string[] cells) =>
            text.Append('|').AppendJoin('|', cells.Select((cell, i) => " " + cell.PadRight(widths[i]) + " ")).Append("|\n");
    }

    private static string Label(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "FAIL",
        _ => "-",
    };
}
