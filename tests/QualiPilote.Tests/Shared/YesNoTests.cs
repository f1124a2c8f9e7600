using QualiPilote.Web.Shared;

namespace QualiPilote.Tests.Shared;

public class YesNoTests
{
    [Theory]
    [InlineData("oui", true)]
    [InlineData(" OUI ", true)]
    [InlineData("x", true)]
    [InlineData("Vrai", true)]
    [InlineData("non", false)]
    [InlineData("0", false)]
    [InlineData("Faux", false)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Reads_what_offices_type(string? text, bool? expected)
    {
        Assert.True(YesNo.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("peut-être")]
    [InlineData("2")]
    public void Refuses_anything_else(string text) => Assert.False(YesNo.TryParse(text, out _));
}
