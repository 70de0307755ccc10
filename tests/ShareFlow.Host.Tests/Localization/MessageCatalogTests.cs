using ShareFlow.Host.Localization;

namespace ShareFlow.Host.Tests.Localization;

/// <summary>The server's messages matched against English templates and answered in Chinese.</summary>
public sealed class MessageCatalogTests
{
    private static readonly MessageCatalog Catalog = new(new Dictionary<string, string>
    {
        ["Choose approve or refuse."] = "请选择同意（approve）或不同意（refuse）。",
        ["There is no catalog resource {0}."] = "目录资源 {0} 不存在。",
        ["Task {0} is already {1}."] = "任务 {0} 已{1}。",
        ["Task {0} is already {1} by {2}."] = "任务 {0} 已由 {2} {1}。",
        ["{0} '{1}' was not found."] = "未找到{0}“{1}”。",
        ["Task '{0}' was not found."] = "未找到待办任务“{0}”。",
        ["Process instance"] = "流程实例",
        ["completed"] = "办结",
        ["user task '{0}'"] = "用户任务“{0}”",
        ["{0} has no outgoing sequence flow."] = "{0}没有流出的顺序流。",
    });

    [Fact]
    public void AMessageWithoutHoles_IsTranslatedWhole()
    {
        Assert.Equal("请选择同意（approve）或不同意（refuse）。", Catalog.ToChinese("Choose approve or refuse."));
    }

    [Fact]
    public void TheValuesInTheHoles_AreKeptAsTheyAre()
    {
        Assert.Equal("目录资源 GA-0001 (户籍) 不存在。", Catalog.ToChinese("There is no catalog resource GA-0001 (户籍)."));
    }

    [Fact]
    public void TheLongerTemplate_WinsOverOneThatAlsoMatches()
    {
        Assert.Equal("任务 42 已由 clerk.psb 办结。", Catalog.ToChinese("Task 42 is already completed by clerk.psb."));
        Assert.Equal("未找到待办任务“7f3c”。", Catalog.ToChinese("Task '7f3c' was not found."));
    }

    [Fact]
    public void AHoleHoldingAWordOrAPhraseOfTheCatalog_IsTranslatedToo()
    {
        Assert.Equal("未找到流程实例“7f3c”。", Catalog.ToChinese("Process instance '7f3c' was not found."));
        Assert.Equal("任务 42 已办结。", Catalog.ToChinese("Task 42 is already completed."));
        Assert.Equal("用户任务“review”没有流出的顺序流。", Catalog.ToChinese("user task 'review' has no outgoing sequence flow."));
    }

    [Fact]
    public void AHoleBetweenSingleQuotes_IsAnIdOrANameAndStaysAsWritten_EvenWhenItIsAWordOfTheCatalog()
    {
        Assert.Equal("未找到流程实例“completed”。", Catalog.ToChinese("Process instance 'completed' was not found."));
        Assert.Equal("未找到待办任务“completed”。", Catalog.ToChinese("Task 'completed' was not found."));
    }

    [Fact]
    public void AMessageNoTemplateMatches_IsReturnedAsItIs()
    {
        Assert.Equal("Something nobody translated.", Catalog.ToChinese("Something nobody translated."));
        Assert.Equal("There is no catalog resource", Catalog.ToChinese("There is no catalog resource"));
        Assert.Equal("目录资源 X 不存在。", Catalog.ToChinese("There is no catalog resource X."));
    }

    [Fact]
    public void AValueAsLongAsABook_IsLeftAsItIs_AndTheMessageAroundItStillTranslated()
    {
        var typed = string.Concat(Enumerable.Repeat("Task 1 is already completed by someone. ", 5000));

        Assert.Equal(typed, Catalog.ToChinese(typed));
        Assert.Equal($"目录资源 {typed[..1900]} 不存在。", Catalog.ToChinese($"There is no catalog resource {typed[..1900]}."));
    }

    [Theory]
    [InlineData("Task {0} is {1}.", "任务 {0} 已办结。")]
    [InlineData("Task {0}.", "任务 {0}，{1}。")]
    [InlineData("{0}: {1}", "{0}：{1}")]
    [InlineData("Task {1}.", "任务 {1}。")]
    public void ATranslationWithOtherHoles_OrATemplateOfHolesOnly_IsRefused(string english, string chinese)
    {
        Assert.Throws<InvalidDataException>(() => new MessageCatalog(new Dictionary<string, string> { [english] = chinese }));
    }

    [Fact]
    public void TheEmbeddedCatalog_Loads_AndEveryTranslationIsChinese()
    {
        var entries = MessageCatalog.Embedded.Entries.ToList();

        Assert.True(entries.Count > 300, $"{entries.Count} entries");
        Assert.All(entries, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}|^[\p{P}\s\d{}]*$", e.Value));
    }
}
