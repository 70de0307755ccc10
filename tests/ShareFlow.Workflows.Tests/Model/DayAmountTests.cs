using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Tests.Model;

public class DayAmountTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("15", 15)]
    [InlineData("3650", 3650)]
    public void TryParse_WholeNumber_IsFixed(string text, int days)
    {
        Assert.True(DayAmount.TryParse(text, out var amount));

        Assert.Equal(days, amount!.Value);
        Assert.Null(amount.Parameter);
        Assert.False(amount.IsParameter);
    }

    [Theory]
    [InlineData("sharing.answerDays")]
    [InlineData("a.b")]
    [InlineData("sharing.review.maxDays2")]
    public void TryParse_ParameterName_IsParameter(string text)
    {
        Assert.True(DayAmount.TryParse(text, out var amount));

        Assert.Equal(text, amount!.Parameter);
        Assert.Null(amount.Value);
        Assert.Equal(text, amount.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData("sharing")]
    [InlineData("Sharing.answerDays")]
    [InlineData("sharing.AnswerDays")]
    [InlineData("sharing..answerDays")]
    [InlineData("sharing.answer_days")]
    [InlineData("sharing.answerDays\n")]
    [InlineData("1234567890")]
    [InlineData("١٥")]
    public void TryParse_Invalid_ReturnsFalse(string? text)
    {
        Assert.False(DayAmount.TryParse(text, out var amount));

        Assert.Null(amount);
    }

    [Fact]
    public void Fixed_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DayAmount.Fixed(-1));
    }

    [Fact]
    public void FromParameter_BadName_Throws()
    {
        Assert.Throws<ArgumentException>(() => DayAmount.FromParameter("answerDays"));
    }

    [Fact]
    public void Equality_SameValue_IsEqual()
    {
        Assert.Equal(DayAmount.Fixed(5), DayAmount.Fixed(5));
        Assert.Equal(DayAmount.FromParameter("sharing.answerDays"), DayAmount.FromParameter("sharing.answerDays"));
        Assert.NotEqual(DayAmount.Fixed(5), DayAmount.Fixed(6));
    }
}
