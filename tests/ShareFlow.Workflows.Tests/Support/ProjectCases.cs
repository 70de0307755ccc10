using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Projects;
using ShareFlow.Workflows.Cases;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>
/// A project of the harness's organisation: the 市教育局 (<c>jiaoyu</c>) builds the 智慧教育平台 with public funds and shares
/// two catalog entries; the 市财政局 (<c>czj</c>) pays once the acceptance data passed review.
/// </summary>
internal static class ProjectCases
{
    public static readonly User EducationClerk = CaseHarness.OtherClerk;

    public static readonly IReadOnlyList<string> Catalog = ["学籍信息", "学校基本信息"];

    /// <summary>Adds the finance bureau and registers the project (as the building department's clerk).</summary>
    public static async Task<Project> RegisterProjectAsync(this CaseHarness h, string code = "FZ-JY-2026-017")
    {
        await using (var db = await h.Database.Factory.CreateDbContextAsync())
        {
            if (!await db.Departments.AnyAsync(d => d.Code == "czj"))
            {
                db.Departments.Add(new Department("czj", "市财政局", DepartmentKind.Finance, "czj-chief"));
                await db.SaveChangesAsync();
            }
        }

        return await h.Projects.RegisterAsync(
            new RegisterProject(code, "智慧教育平台", "jiaoyu", ProjectFunding.Fiscal, ConstructionKind.New, Catalog), EducationClerk, CancellationToken.None);
    }

    /// <summary>Registers the project and declares it completed on <paramref name="completionDate"/>.</summary>
    public static async Task<AcceptanceSubmission> CompletedProjectAsync(this CaseHarness h, DateOnly completionDate)
    {
        var project = await h.RegisterProjectAsync();
        return await h.Projects.DeclareCompletionAsync(project.Id, completionDate, EducationClerk, CancellationToken.None);
    }

    public static async Task SubmitAsync(this CaseHarness h, Guid submissionId, string task = "submit", params string[] entries) =>
        await h.Projects.SubmitDataAsync(
            (await h.OpenTaskAsync(submissionId, task)).Id, new AcceptanceData(entries.Length > 0 ? entries : Catalog, "数据已汇入共享平台"), EducationClerk, CancellationToken.None);

    public static async Task ReviewAsync(this CaseHarness h, Guid submissionId, string opinion, string? reasons = null) =>
        await h.Projects.ReviewAsync((await h.OpenTaskAsync(submissionId, "review")).Id, new AcceptanceReviewOpinion(opinion, reasons), CaseHarness.Officer, CancellationToken.None);

    public static Task<PaymentGate> GateAsync(this CaseHarness h, Guid projectId) => h.Projects.PaymentGateAsync(projectId, CancellationToken.None);

    public static Task<AcceptanceSubmission> SubmissionAsync(this CaseHarness h, Guid submissionId) => h.Projects.GetSubmissionAsync(submissionId, CancellationToken.None);

    public static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));
}
