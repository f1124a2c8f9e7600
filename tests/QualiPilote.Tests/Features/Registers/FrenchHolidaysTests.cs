using QualiPilote.Web.Features.Registers;

namespace QualiPilote.Tests.Features.Registers;

public class FrenchHolidaysTests
{
    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2020, 4, 12)]
    [InlineData(2021, 4, 4)]
    [InlineData(2022, 4, 17)]
    [InlineData(2023, 4, 9)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_sunday_matches_the_calendar(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FrenchHolidays.EasterSunday(year));

    [Fact]
    public void The_eleven_public_holidays_of_2024_include_the_movable_ones()
    {
        var holidays = FrenchHolidays.Of(2024);
        Assert.Equal(11, holidays.Count);
        Assert.Equal(
            ["01/01", "01/04", "01/05", "08/05", "09/05", "20/05", "14/07", "15/08", "01/11", "11/11", "25/12"],
            holidays.Select(h => h.Date.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(holidays, h => h is { Name: "Lundi de Pâques" } && h.Date == new DateOnly(2024, 4, 1));
        Assert.Contains(holidays, h => h is { Name: "Ascension" } && h.Date == new DateOnly(2024, 5, 9));
        Assert.Contains(holidays, h => h is { Name: "Lundi de Pentecôte" } && h.Date == new DateOnly(2024, 5, 20));
    }

    [Theory]
    [InlineData("2026-11-20", 1, "2026-11-23")] // Friday → Monday: the weekend is skipped
    [InlineData("2026-11-23", 5, "2026-11-30")] // a plain week
    [InlineData("2026-11-06", 5, "2026-11-16")] // 11 November (Wednesday) is skipped
    [InlineData("2026-04-03", 1, "2026-04-07")] // Friday before Easter: Easter Monday skipped
    [InlineData("2026-05-13", 1, "2026-05-15")] // Ascension Thursday skipped
    [InlineData("2026-05-22", 1, "2026-05-26")] // Whit Monday skipped
    [InlineData("2026-12-24", 3, "2026-12-30")] // Christmas and a weekend
    [InlineData("2026-12-31", 1, "2027-01-04")] // New Year's Day and a weekend, across the year
    [InlineData("2026-11-21", 1, "2026-11-23")] // received on a Saturday: counting starts on Monday
    [InlineData("2026-04-30", 10, "2026-05-19")] // May: 1 May, 8 May and Ascension (14 May) fall inside
    public void Working_days_skip_weekends_and_public_holidays(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            FrenchHolidays.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void A_weekday_that_is_no_holiday_is_a_working_day()
    {
        Assert.True(FrenchHolidays.IsWorkingDay(new DateOnly(2026, 11, 23)));
        Assert.False(FrenchHolidays.IsWorkingDay(new DateOnly(2026, 11, 22)));
        Assert.False(FrenchHolidays.IsWorkingDay(new DateOnly(2026, 7, 14)));
    }

    [Fact]
    public void Calendar_and_working_day_deadlines_follow_the_rule_in_force_on_the_reception_date()
    {
        var rules = new DeadlineCalculator(
        [
            new ResponseDeadline { Channel = CorrespondenceChannel.Mail, EffectiveFrom = new DateOnly(2013, 1, 1), Days = 15, WorkingDays = true },
            new ResponseDeadline { Channel = CorrespondenceChannel.Mail, EffectiveFrom = new DateOnly(2020, 1, 1), Days = 10, WorkingDays = true },
            new ResponseDeadline { Channel = CorrespondenceChannel.Email, EffectiveFrom = new DateOnly(2013, 1, 1), Days = 5, WorkingDays = false },
        ]);
        Assert.Equal(new DateOnly(2020, 1, 3), rules.DueOn(CorrespondenceChannel.Mail, new DateOnly(2019, 12, 11)));
        Assert.Equal(new DateOnly(2020, 1, 15), rules.DueOn(CorrespondenceChannel.Mail, new DateOnly(2020, 1, 1)));
        Assert.Equal(new DateOnly(2026, 11, 26), rules.DueOn(CorrespondenceChannel.Email, new DateOnly(2026, 11, 21)));
        Assert.Equal(new DateOnly(2026, 12, 7), rules.DueOn(CorrespondenceChannel.Complaint, new DateOnly(2026, 11, 23)));
    }
}
