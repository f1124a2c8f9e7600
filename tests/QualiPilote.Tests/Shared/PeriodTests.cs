using QualiPilote.Web.Shared;

namespace QualiPilote.Tests.Shared;

public class PeriodTests
{
    [Theory]
    [InlineData("2023", "2023", "2023", "2023-01-01", "2024-01-01")]
    [InlineData("2023-T2", "2023-T2", "T2 2023", "2023-04-01", "2023-07-01")]
    [InlineData("2023-q4", "2023-T4", "T4 2023", "2023-10-01", "2024-01-01")]
    [InlineData("2023-05", "2023-05", "mai 2023", "2023-05-01", "2023-06-01")]
    public void Periods_read_and_write_years_quarters_and_months(string text, string key, string label, string start, string end)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(key, period.Key);
        Assert.Equal(label, period.Label);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2023-T5")]
    [InlineData("2023-13")]
    [InlineData("23")]
    [InlineData("2023-T2-x")]
    public void Malformed_periods_are_refused(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void Previous_periods_cross_year_boundaries()
    {
        Assert.Equal(Period.OfQuarter(2025, 4), Period.OfQuarter(2026, 1).Previous);
        Assert.Equal(Period.OfMonth(2025, 12), Period.OfMonth(2026, 1).Previous);
        Assert.Equal(Period.OfQuarter(2025, 3), Period.OfQuarter(2026, 3).PreviousYear);
        Assert.Equal(Period.OfQuarter(2026, 4), Period.QuarterOf(new DateOnly(2026, 11, 23)));
    }
}
