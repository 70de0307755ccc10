using ShareFlow.Domain.Catalog;

namespace ShareFlow.Domain.Tests.Catalog;

/// <summary>The rules of a catalog change that do not need the engine: proposals, legal bases, extensions, versions.</summary>
public class CatalogChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly CatalogResource Household = new(
        Guid.CreateVersion7(Now), "GA-001", "户籍人口信息", "gongan", ShareType.Conditional, ["姓名", "公民身份号码"], "《居民身份证法》第十九条");

    private static readonly CatalogResource Secret = new(
        Guid.CreateVersion7(Now), "GA-009", "涉密人口统计", "gongan", ShareType.NotShared, ["分区人口"], "《保守国家秘密法》");

    private static CatalogChange Open() =>
        CatalogChange.Open(Guid.CreateVersion7(Now), "ML-20260923-000001", "gongan", CatalogChangeTrigger.LawChange, new DateOnly(2026, 9, 21), "条例修订", "dsj-officer", Now);

    [Fact]
    public void Submit_ModifyKeepingTheShareType_InheritsTheLegalBasis()
    {
        var change = Open();

        change.Submit(new CatalogChangeProposal(CatalogChangeKind.Modify, Household.Id, Items: ["姓名"]), Household, "gongan", "gongan-reviewer", Now);

        Assert.Equal((ShareType.Conditional, "《居民身份证法》第十九条"), (change.ProposedShareType, change.ProposedLegalBasis));
        Assert.Equal(CatalogChangeStatus.UnderReview, change.Status);
    }

    [Fact]
    public void Submit_ChangingNotSharedToConditional_NeedsItsOwnLegalBasis()
    {
        // The basis for not sharing at all does not justify the conditions of conditional sharing.
        var change = Open();

        var error = Assert.Throws<DomainException>(() =>
            change.Submit(new CatalogChangeProposal(CatalogChangeKind.Modify, Secret.Id, ShareType: ShareType.Conditional), Secret, "gongan", "gongan-reviewer", Now));

        Assert.Equal(("legalBasis", true), (error.Field, error.Message.Contains("conditional", StringComparison.Ordinal)));
        Assert.Equal(CatalogChangeStatus.AwaitingSubmission, change.Status);
    }

    [Fact]
    public void Open_WithAnEventStillToCome_IsRefusedBesideTheEventDate()
    {
        var error = Assert.Throws<DomainException>(() =>
            CatalogChange.Open(Guid.CreateVersion7(Now), "ML-20260923-000002", "gongan", CatalogChangeTrigger.LawChange, new DateOnly(2026, 9, 24), "条例修订", "dsj-officer", Now));

        Assert.Equal(("eventDate", true), (error.Field, error.Message.Contains("2026-09-24 is in the future", StringComparison.Ordinal)));
    }

    [Fact]
    public void Submit_ToUnconditional_DropsTheLegalBasis()
    {
        var change = Open();

        change.Submit(new CatalogChangeProposal(CatalogChangeKind.Modify, Household.Id, ShareType: ShareType.Unconditional), Household, "gongan", "gongan-reviewer", Now);

        Assert.Null(change.ProposedLegalBasis);
    }

    [Fact]
    public void RequestExtension_OnTheLastDay_IsAllowed_TheDayAfter_IsNot()
    {
        var lastDay = new DateOnly(2026, 9, 23);
        var inTime = Open();
        var late = Open();

        inTime.RequestExtension("gongan", "gongan-reviewer", "职责划转", 20, lastDay, Now);
        var error = Assert.Throws<DomainException>(() => late.RequestExtension("gongan", "gongan-reviewer", "职责划转", 20, lastDay.AddDays(-1), Now));

        Assert.Equal(ExtensionStatus.Requested, inTime.Extension);
        Assert.Contains("before the deadline", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExtensionStatus.None, late.Extension);
    }

    [Fact]
    public void GrantExtension_ClearsTheOverdueMark()
    {
        var change = Open();
        change.RequestExtension("gongan", "gongan-reviewer", "职责划转", 20, new DateOnly(2026, 9, 24), Now);
        change.MarkOverdue(Now.AddDays(2));

        change.GrantExtension("dsj-officer", null, 20);

        Assert.Null(change.OverdueSince);
        Assert.Equal(20, change.ExtensionDays);
    }

    [Fact]
    public void Approve_Stop_MakesAStoppedNewVersionAndSupersedesTheOld()
    {
        var current = new CatalogResource(Guid.CreateVersion7(Now), "GA-002", "暂住人口信息", "gongan", ShareType.Unconditional, ["姓名"], null, version: 3);
        var change = Open();
        change.Submit(new CatalogChangeProposal(CatalogChangeKind.Stop, current.Id, Reasons: "改由省级平台提供"), current, "gongan", "gongan-reviewer", Now);

        var next = change.Approve(current, Guid.CreateVersion7(Now), "dsj-officer", null, Now);

        Assert.Equal((4, CatalogStatus.Stopped, "GA-002"), (next.Version, next.Status, next.Code));
        Assert.Equal(CatalogStatus.Superseded, current.Status);
        Assert.Equal((CatalogChangeStatus.Approved, next.Id), (change.Status, change.NewResourceId));
    }

    [Fact]
    public void Approve_WhenTheEntryChangedMeanwhile_IsRefused()
    {
        var current = new CatalogResource(Guid.CreateVersion7(Now), "GA-003", "流动人口信息", "gongan", ShareType.Unconditional, ["姓名", "住址"], null);
        var change = Open();
        change.Submit(new CatalogChangeProposal(CatalogChangeKind.Modify, current.Id, Items: ["姓名"]), current, "gongan", "gongan-reviewer", Now);
        current.Supersede();

        var error = Assert.Throws<DomainException>(() => change.Approve(current, Guid.CreateVersion7(Now), "dsj-officer", null, Now));

        Assert.Contains("changed since the submission", error.Message, StringComparison.Ordinal);
        Assert.Equal(CatalogChangeStatus.UnderReview, change.Status);
    }

    [Fact]
    public void Withdraw_AfterSubmission_IsRefused()
    {
        var change = Open();
        change.Submit(new CatalogChangeProposal(CatalogChangeKind.Stop, Household.Id, Reasons: "停止"), Household, "gongan", "gongan-reviewer", Now);

        Assert.Throws<DomainException>(() => change.Withdraw("gongan", "不需要了", Now));
    }
}
