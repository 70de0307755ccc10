using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.Processes;

namespace ShareFlow.Workflows.Tests.Runtime;

/// <summary>
/// The engine's task operations besides completion — 转办, 委派, 加签, case events — and how completion honours them,
/// on each real database. Instances start on Monday 2026-11-23, 09:00 Shanghai time.
/// </summary>
public abstract class TaskOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string Review = Definition("reviewProcess", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" name="审核" sf:candidateDepartment="psb" sf:candidateRole="provider-reviewer" sf:dueDays="sharing.answerDays" />
        <bpmn:endEvent id="done" />
        {Flow("f1", "start", "review")}
        {Flow("f2", "review", "done")}
        """);

    private EngineHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await EngineHarness.CreateAsync(provider);
        await _h.PublishAsync(Review);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<(Guid InstanceId, Guid TaskId)> StartAsync()
    {
        var instance = await _h.StartAsync("reviewProcess", businessKey: Guid.NewGuid().ToString());
        return (instance.Id, (await _h.OpenTaskAsync(instance.Id, "review")).Id);
    }

    private Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid instanceId) => _h.Engine.GetHistoryAsync(instanceId, CancellationToken.None);

    [Fact]
    public async Task Transfer_MakesTheColleagueTheAssignee_AndRecordsFromWhomToWhomAndWhy()
    {
        var (instanceId, taskId) = await StartAsync();
        await _h.Engine.ClaimTaskAsync(taskId, "reviewer-1", CancellationToken.None);

        var acting = await _h.Engine.TransferTaskAsync(taskId, new TaskHandover("reviewer-1", "reviewer-2", "出差"), CancellationToken.None);

        Assert.Null(acting);
        Assert.Equal("reviewer-2", (await _h.OpenTaskAsync(instanceId, "review")).Assignee);
        var entry = Assert.Single(await HistoryAsync(instanceId), h => h.Kind == "task-transferred");
        Assert.Equal("由 reviewer-1 转办给 reviewer-2：出差", entry.Comment);
        Assert.Contains("\"from\":\"reviewer-1\"", entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegate_TheOwnerCannotComplete_TheDelegateCompletesOnTheOwnersBehalf()
    {
        var (instanceId, taskId) = await StartAsync();
        await _h.Engine.ClaimTaskAsync(taskId, "owner", CancellationToken.None);
        await _h.Engine.DelegateTaskAsync(taskId, new TaskHandover("owner", "helper", "请核对"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<IllegalStateException>(() => _h.CompleteAsync(taskId, actor: "owner"));
        Assert.Contains("delegated to helper", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IllegalStateException>(() => _h.Engine.UnclaimTaskAsync(taskId, "helper", CancellationToken.None));

        await _h.CompleteAsync(taskId, actor: "helper");

        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(instanceId)).Status);
        var history = await HistoryAsync(instanceId);
        var acting = Assert.Single(history, h => h.Kind == "acting-for");
        Assert.Equal("helper", acting.Actor);
        Assert.Equal("受 owner 委派办理", acting.Comment);
        await using var db = await _h.Database.Factory.CreateDbContextAsync();
        Assert.Equal(DelegationStatus.Completed, (await db.TaskDelegations.SingleAsync(d => d.TaskId == taskId)).Status);
    }

    [Fact]
    public async Task Resolve_ReturnsTheTaskToItsOwner_OnlyTheOwnerTakesBack()
    {
        var (instanceId, taskId) = await StartAsync();
        await _h.Engine.DelegateTaskAsync(taskId, new TaskHandover("owner", "helper", "请核对"), CancellationToken.None);

        await Assert.ThrowsAsync<IllegalStateException>(() => _h.Engine.TakeBackTaskAsync(taskId, "helper", null, CancellationToken.None));
        await Assert.ThrowsAsync<IllegalStateException>(() => _h.Engine.ResolveTaskAsync(taskId, "owner", null, CancellationToken.None));
        await _h.Engine.ResolveTaskAsync(taskId, "helper", "已核对", CancellationToken.None);

        Assert.Equal("owner", (await _h.OpenTaskAsync(instanceId, "review")).Assignee);
        await Assert.ThrowsAsync<IllegalStateException>(() => _h.Engine.TakeBackTaskAsync(taskId, "owner", null, CancellationToken.None));
        await _h.CompleteAsync(taskId, actor: "owner");
        Assert.DoesNotContain(await HistoryAsync(instanceId), h => h.Kind == "acting-for");
    }

    [Fact]
    public async Task AddCosigner_BlocksCompletionUntilSigned_OnlyTheCosignerSigns()
    {
        var (instanceId, taskId) = await StartAsync();
        await _h.Engine.ClaimTaskAsync(taskId, "reviewer-1", CancellationToken.None);
        await _h.Engine.AddCosignerAsync(taskId, "reviewer-1", "legal-1", "fzb", "合法性审核", CancellationToken.None);

        var blocked = await Assert.ThrowsAsync<IllegalStateException>(() => _h.CompleteAsync(taskId, actor: "reviewer-1"));
        Assert.Contains("legal-1", blocked.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IllegalStateException>(() => _h.Engine.CosignTaskAsync(taskId, new TaskCosignature("someone", CosignOutcome.Approve, "同意"), CancellationToken.None));
        var badOutcome = await Assert.ThrowsAsync<DomainException>(() => _h.Engine.CosignTaskAsync(taskId, new TaskCosignature("legal-1", "maybe", "?"), CancellationToken.None));
        Assert.Equal("outcome", badOutcome.Field);

        await _h.Engine.CosignTaskAsync(taskId, new TaskCosignature("legal-1", CosignOutcome.Approve, "合法"), CancellationToken.None);
        await _h.CompleteAsync(taskId, actor: "reviewer-1");

        Assert.Equal(InstanceStatus.Completed, (await _h.InstanceAsync(instanceId)).Status);
        var signed = Assert.Single(await HistoryAsync(instanceId), h => h.Kind == "task-cosigned");
        Assert.Equal(("legal-1", "approve", "会签同意：合法"), (signed.Actor, signed.Outcome, signed.Comment));
    }

    [Fact]
    public async Task Complete_ByTheAssigneesDeputy_WhileThePeriodRuns_IsRecordedAsActingForThem()
    {
        var (instanceId, taskId) = await StartAsync();
        await _h.Engine.ClaimTaskAsync(taskId, "away", CancellationToken.None);
        await using (var db = await _h.Database.Factory.CreateDbContextAsync())
        {
            db.Deputies.Add(new DeputyRecord
            {
                Id = Guid.NewGuid(), Principal = "away", Deputy = "stand-in", Department = "psb",
                StartsAt = EngineHarness.Monday.AddHours(-1), EndsAt = EngineHarness.Monday.AddDays(5), CreatedAt = EngineHarness.Monday,
            });
            await db.SaveChangesAsync();
        }

        await _h.CompleteAsync(taskId, actor: "stand-in");

        var acting = Assert.Single(await HistoryAsync(instanceId), h => h.Kind == "acting-for");
        Assert.Equal(("stand-in", "代理 away 办理"), (acting.Actor, acting.Comment));
    }

    [Fact]
    public async Task RecordCaseEvent_ADomainErrorAlongside_StoresNothing_AnUnknownCaseIsNotFound()
    {
        var (instanceId, taskId) = await StartAsync();
        var day = new DateOnly(2026, 11, 23);
        CaseUrgeRecord Urge() => new() { Id = Guid.NewGuid(), CaseId = instanceId, TaskId = taskId, WorkingDay = day, UrgedBy = "clerk", UrgedByDepartment = "hrss", CreatedAt = EngineHarness.Monday };

        await Assert.ThrowsAsync<DomainException>(() => _h.Engine.RecordCaseEventAsync(instanceId, new CaseEvent("case-urged", "clerk"), CancellationToken.None, db =>
        {
            db.CaseUrges.Add(Urge());
            throw new DomainException("note", "refused");
        }));
        await Assert.ThrowsAsync<EngineNotFoundException>(() => _h.Engine.RecordCaseEventAsync(Guid.NewGuid(), new CaseEvent("case-urged", "clerk"), CancellationToken.None));
        await _h.Engine.RecordCaseEventAsync(instanceId, new CaseEvent("case-urged", "clerk", "催办"), CancellationToken.None, db =>
        {
            db.CaseUrges.Add(Urge());
            return Task.CompletedTask;
        });
        // The database itself keeps an urge to one per case and working day, even when two race.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => _h.Engine.RecordCaseEventAsync(instanceId, new CaseEvent("case-urged", "clerk"), CancellationToken.None, db =>
        {
            db.CaseUrges.Add(Urge());
            return Task.CompletedTask;
        }));

        Assert.Single(await HistoryAsync(instanceId), h => h.Kind == "case-urged");
        await using var check = await _h.Database.Factory.CreateDbContextAsync();
        Assert.Equal(1, await check.CaseUrges.CountAsync(u => u.CaseId == instanceId));
    }
}

public sealed class TaskOperationsTestsOnSqlite() : TaskOperationsTests(DatabaseProvider.Sqlite);

public sealed class TaskOperationsTestsOnPostgres() : TaskOperationsTests(DatabaseProvider.Postgres);
