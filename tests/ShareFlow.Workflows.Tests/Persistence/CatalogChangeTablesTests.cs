using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Policy;
using ShareFlow.Domain.Supervision;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;

namespace ShareFlow.Workflows.Tests.Persistence;

/// <summary>
/// The catalog_changes and rectification_orders tables on each real database: a change that went through an extension
/// and a return, and an order that went up, read back field by field (dates, instants, enums as text, item lists).
/// </summary>
public abstract class CatalogChangeTablesTests(DatabaseProvider provider)
{
    [Fact]
    public async Task CatalogChangeAndRectificationOrder_ReadBackAsWritten()
    {
        await using var h = await CreateAsync(PolicyProfiles.Lanzhou, provider);
        var changes = h.Service<CatalogChanges>();
        var change = await changes.OpenAsync(new OpenCatalogChange("gongan", "reorganisation", new DateOnly(2026, 9, 21), "机构改革"), Officer, CancellationToken.None);
        await changes.RequestExtensionAsync(change.Id, "职责划转", Reviewer, CancellationToken.None);
        await changes.DecideExtensionAsync((await h.OpenTaskAsync(change.Id, "reviewExtension")).Id, approve: true, null, Officer, CancellationToken.None);
        await changes.SubmitAsync((await h.OpenTaskAsync(change.Id, "submit")).Id,
            new CatalogChangeSubmission("modify", Household, ShareType: "not-shared", Items: ["姓名", "户籍地址"], LegalBasis: "《某某条例》第九条"), Reviewer, CancellationToken.None);
        await changes.ReviewAsync((await h.OpenTaskAsync(change.Id, "review")).Id, approve: false, "依据不足", Officer, CancellationToken.None);
        var order = await h.Service<RectificationOrders>().IssueAsync(change.Id, "gongan", "未按规定更新目录", Officer, CancellationToken.None);
        await h.AdvanceToAsync(EndOf(10, 14));

        var stored = await h.QueryAsync(db => db.CatalogChanges.AsNoTracking().SingleAsync(c => c.Id == change.Id));
        Assert.Equal((CatalogChangeTrigger.Reorganisation, new DateOnly(2026, 9, 21), CatalogChangeStatus.Returned), (stored.Trigger, stored.EventDate, stored.Status));
        Assert.Equal((CatalogChangeKind.Modify, (ShareType?)ShareType.NotShared, "《某某条例》第九条"), (stored.Kind, stored.ProposedShareType, stored.ProposedLegalBasis));
        Assert.Equal(["姓名", "户籍地址"], stored.ProposedItems);
        Assert.Equal((ExtensionStatus.Granted, 20, "依据不足"), (stored.Extension, stored.ExtensionDays, stored.ReviewOpinion));
        Assert.Equal(Start, stored.OpenedAt);
        var storedOrder = await h.QueryAsync(db => db.RectificationOrders.AsNoTracking().SingleAsync(o => o.SubjectCaseId == change.Id));
        Assert.Equal((order.Id, change.Number, RectificationStatus.Escalated, "市大数据局主要负责人"), (storedOrder.Id, storedOrder.SubjectNumber, storedOrder.Status, storedOrder.TopTier));
        Assert.Equal(EndOf(10, 14).AddSeconds(1), storedOrder.EscalatedAt); // when the deadline timer fired
    }
}

public sealed class CatalogChangeTablesTestsOnSqlite() : CatalogChangeTablesTests(DatabaseProvider.Sqlite);

public sealed class CatalogChangeTablesTestsOnPostgres() : CatalogChangeTablesTests(DatabaseProvider.Postgres);
