using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;
using static ShareFlow.Workflows.Tests.Support.DisputeSupport;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>The dispute and objection rows as PostgreSQL stores them: lists, dates, optional flags and enums read back as written.</summary>
public sealed class DisputePersistenceTests
{
    [Fact]
    public async Task Dispute_and_objection_round_trip_on_PostgreSQL()
    {
        await using var h = await CreateAsync(PolicyProfiles.Hebei, DatabaseProvider.Postgres);
        await h.SeedCoordinatingBodiesAsync();
        await h.GrantHouseholdToMinzhengAsync();

        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);
        await h.Disputes.NegotiateAsync((await h.OpenTaskAsync(dispute.Id, "negotiate")).Id, new NegotiationAnswer(false, Reasons: "不能协商一致"), Reviewer, CancellationToken.None);
        await h.Disputes.DecideAsync((await h.OpenTaskAsync(dispute.Id, "decideTier")).Id, new DisputeDecision("passOn", "协调未果", JointDepartments: ["bianban", "baomi"]), Officer, CancellationToken.None);
        await h.AgreeJointlyAsync(dispute.Id);
        await h.Disputes.DecideAsync((await h.OpenTaskAsync(dispute.Id, "decideTier")).Id, new DisputeDecision("uphold", "维持原答复"), Officer, CancellationToken.None);
        var objection = await h.ObjectAsync();
        await h.Objections.VerifyAsync((await h.OpenTaskAsync(objection.Id, "verify")).Id,
            new VerificationAnswer("plan", PlanBasis: "档案核对", PlanSteps: "逐户更正", CommittedDate: new DateOnly(2026, 12, 31)), Reviewer, CancellationToken.None);

        var settled = await h.DisputeAsync(dispute.Id);
        Assert.Equal((DisputeStatus.Settled, DisputeOutcome.RefusalUpheld, (int?)1), (settled.Status, settled.Outcome, settled.SettledAtTier));
        Assert.Equal(["bianban", "baomi"], settled.JointDepartments);
        Assert.Equal(["协调未果"], settled.PassOnReasons);
        Assert.Equal(["分区人口"], settled.RequestedItems);
        var planned = await h.ObjectionAsync(objection.Id);
        Assert.Equal((ObjectionStatus.PlanUnderReview, (DateOnly?)new DateOnly(2026, 12, 31), (bool?)null), (planned.Status, planned.CommittedDate, planned.PlanApproved));
        Assert.Equal(["公民身份号码"], planned.Items);
    }
}
