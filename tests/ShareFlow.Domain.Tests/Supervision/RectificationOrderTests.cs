using ShareFlow.Domain.Supervision;

namespace ShareFlow.Domain.Tests.Supervision;

public class RectificationOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static RectificationOrder Issue() =>
        RectificationOrder.Issue(Guid.CreateVersion7(Now), "ZG-20260923-000001", Guid.CreateVersion7(Now), "SQ-1", "gongan", "dsj", "拖延答复", "第三十八条", "dsj-officer", Now);

    [Fact]
    public void Escalate_AfterAReportedCorrection_IsRefused()
    {
        // Once the department has reported, the office's check is pending; the deadline only bites an uncorrected order.
        var order = Issue();
        order.ReportCorrection("gongan", "gongan-chief", "已答复", Now);

        Assert.Throws<DomainException>(() => order.Escalate("市政府", Now));
        Assert.Equal(RectificationStatus.CorrectionReported, order.Status);
    }

    [Fact]
    public void Reject_ThenReportAgain_CountsBoth()
    {
        var order = Issue();
        order.ReportCorrection("gongan", "gongan-chief", "已安排", Now);
        order.Reject("dsj-officer", "仍未答复", Now);
        order.ReportCorrection("gongan", "gongan-chief", "已答复并同意共享", Now);
        order.Accept("dsj-officer", null, Now);

        Assert.Equal((RectificationStatus.Rectified, 2, 1, "已答复并同意共享"), (order.Status, order.ReportCount, order.RejectionCount, order.Correction));
    }

    [Fact]
    public void Conclude_BeforeEscalation_IsRefused()
    {
        var order = Issue();

        Assert.Throws<DomainException>(() => order.Conclude("dsj-chief", "通报批评", Now));
    }
}
