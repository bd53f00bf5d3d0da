using System.Text;
using DrChongClinic.Web.Areas.Admin.Services;

namespace DrChongClinic.UnitTests.Admin;

public class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"http://evil.test\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Click\"\")\"")]
    [InlineData("Tan, Mei Ling", "\"Tan, Mei Ling\"")]
    [InlineData("Tan; Mei Ling", "\"Tan; Mei Ling\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("Nur Aisyah", "Nur Aisyah")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Cells_that_spreadsheets_would_run_are_neutralised_and_quoted_when_needed(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCsv.Cell(value));

    [Fact]
    public void A_file_starts_with_the_utf8_byte_order_mark_and_ends_lines_with_crlf()
    {
        var bytes = SpreadsheetCsv.Write([["Name", "Nota"], ["Siti Nurhaliza", "Ñ ok"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Name,Nota\r\nSiti Nurhaliza,Ñ ok\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
