using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Projects;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>A project as it is registered: its number, name, building department, funds and sharing catalog.</summary>
public sealed record RegisterProject(
    string Code,
    string Name,
    string BuildingDepartment,
    ProjectFunding Funding,
    ConstructionKind Construction,
    IReadOnlyList<string> DataCatalog);

/// <summary>What the building department submits: the catalog entries whose data it delivered, and a description.</summary>
public sealed record AcceptanceData(IReadOnlyList<string> Entries, string? Description = null);

/// <summary>The office's opinion: <c>passed</c>, or <c>failed</c> with the reasons and what to correct.</summary>
public sealed record AcceptanceReviewOpinion(string Opinion, string? Reasons = null);

/// <summary>
/// Where a project's payment stands, as the finance bureau (财政局) sees it: whether it may pay, and if not, why.
/// </summary>
/// <param name="State">A stable name: <c>under-construction</c>, <c>awaiting-data</c>, <c>under-review</c>,
/// <c>correcting</c>, <c>open</c>.</param>
/// <param name="Explanation">The reason, in Chinese, for the finance clerk.</param>
public sealed record PaymentGate(
    Guid ProjectId,
    string ProjectCode,
    string ProjectName,
    string BuildingDepartment,
    ProjectFunding Funding,
    bool IsOpen,
    string State,
    string Explanation,
    DateOnly? CompletionDate,
    string? SubmissionNumber,
    int Rounds,
    AcceptanceOpinion? LatestOpinion,
    string? LatestReasons,
    DateTimeOffset? OpenedAt,
    string? Article,
    bool IsLive);

/// <summary>
/// The project-acceptance use cases (项目验收数据汇交, Fuzhou art. 40): register a project, declare it completed (which
/// starts its acceptance-data process), submit and resubmit the data, review it, and — for finance — read the payment
/// gate. The gate opens only when a review passes; the project may go live only then.
/// </summary>
public sealed class Projects(WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, PolicyProfileStore profiles, TimeProvider clock)
{
    public const string ProcessKey = "acceptanceSubmission";

    /// <summary>Registers a project; the building department's clerks or the coordinating office do this.</summary>
    /// <exception cref="DomainException">A number already used, an unknown building department, a registrar of another
    /// department, or missing data.</exception>
    public async Task<Project> RegisterAsync(RegisterProject request, User registrar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(registrar);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var project = Project.Register(
            Guid.CreateVersion7(clock.GetUtcNow()), request.Code, request.Name, request.BuildingDepartment, request.Funding, request.Construction,
            request.DataCatalog, registrar.UserName, clock.GetUtcNow());
        if (!await db.Departments.AnyAsync(d => d.Code == project.BuildingDepartment, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException("buildingDepartment", $"There is no department '{project.BuildingDepartment}'.");
        }

        if (registrar.DepartmentCode != project.BuildingDepartment && !await IsOfficeAsync(db, registrar.DepartmentCode, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException("A project is registered by its building department or by the coordinating office.");
        }

        if (await db.Projects.AnyAsync(p => p.Code == project.Code, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException("code", $"Project number {project.Code} is already registered.");
        }

        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return project;
    }

    /// <summary>
    /// Declares the project completed (竣工) on <paramref name="completionDate"/> and starts its acceptance-data process
    /// under the current profile: the data is due <c>acceptance.submitDays</c> working days after that date.
    /// </summary>
    /// <exception cref="DomainException">A date in the future, a project already declared, or another department: nothing is stored.</exception>
    public async Task<AcceptanceSubmission> DeclareCompletionAsync(Guid projectId, DateOnly completionDate, User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await profiles.ActiveAsync(cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["projectId"] = projectId.ToString(),
            ["completionDate"] = completionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["declaredBy"] = user.UserName,
            ["declaredByDepartment"] = user.DepartmentCode,
            ["officeDepartment"] = await CaseTasks.OfficeAsync(dbFactory, cancellationToken).ConfigureAwait(false),
            [InstancePolicyParameters.Variable] = profile.ToSnapshot(),
        };
        var instance = await engine.StartAsync(new StartInstance(ProcessKey, projectId.ToString(), variables, user.UserName), cancellationToken).ConfigureAwait(false);
        return await GetSubmissionAsync(instance.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits the data (the first time, or corrected after a failed review) by completing the open task.</summary>
    /// <exception cref="DomainException">Not a submission task, another department, or no catalog entry: the task stays open.</exception>
    public async Task SubmitDataAsync(Guid taskId, AcceptanceData data, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(clerk);
        await RequireTaskAsync(taskId, ["submit", "correct"], "a data submission", cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["submittedEntries"] = CaseVariables.Texts(data.Entries),
            ["dataDescription"] = data.Description,
            ["submittedBy"] = clerk.UserName,
            ["submittingDepartment"] = clerk.DepartmentCode,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(clerk.UserName, "submit", variables, data.Description), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The office's review opinion on the latest submission.</summary>
    /// <exception cref="DomainException">Not a review task, not the office, an unknown opinion, or a failed one without reasons: the task stays open.</exception>
    public async Task ReviewAsync(Guid taskId, AcceptanceReviewOpinion opinion, User officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opinion);
        ArgumentNullException.ThrowIfNull(officer);
        await RequireTaskAsync(taskId, ["review"], "an acceptance-data review", cancellationToken).ConfigureAwait(false);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await IsOfficeAsync(db, officer.DepartmentCode, cancellationToken).ConfigureAwait(false))
            {
                throw new DomainException("The acceptance data is reviewed by the coordinating office.");
            }
        }

        var variables = new Dictionary<string, object?>
        {
            ["opinion"] = opinion.Opinion,
            ["reasons"] = opinion.Reasons,
            ["reviewedBy"] = officer.UserName,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(officer.UserName, opinion.Opinion, variables, opinion.Reasons), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>投入使用: the building department puts the project into use — only once its payment gate is open.</summary>
    /// <exception cref="DomainException">The review has not passed, or another department asks.</exception>
    public async Task<Project> GoLiveAsync(Guid projectId, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Project", projectId.ToString());
        project.GoLive(Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow()), clerk.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return project;
    }

    /// <summary>Whether finance may pay for the project, and why not if it may not.</summary>
    public async Task<PaymentGate> PaymentGateAsync(Guid projectId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Project", projectId.ToString());
        var submission = project.AcceptanceSubmissionId is { } id
            ? await db.AcceptanceSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false)
            : null;
        return GateOf(project, submission);
    }

    /// <summary>Every completed project's payment gate, closed ones first: the finance bureau's list.</summary>
    public async Task<IReadOnlyList<PaymentGate>> PaymentGatesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var projects = await db.Projects.AsNoTracking().Where(p => p.Status != ProjectStatus.UnderConstruction).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = projects.Where(p => p.AcceptanceSubmissionId != null).Select(p => p.AcceptanceSubmissionId!.Value).ToList();
        var submissions = await db.AcceptanceSubmissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken).ConfigureAwait(false);
        return [.. projects
            .Select(p => GateOf(p, p.AcceptanceSubmissionId is { } id ? submissions.GetValueOrDefault(id) : null))
            .OrderBy(g => g.IsOpen)
            .ThenBy(g => g.CompletionDate)
            .ThenBy(g => g.ProjectCode, StringComparer.Ordinal)];
    }

    public async Task<Project> GetProjectAsync(Guid projectId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Project", projectId.ToString());
    }

    public async Task<AcceptanceSubmission> GetSubmissionAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AcceptanceSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Acceptance submission", submissionId.ToString());
    }

    /// <summary>The review opinions of a submission, round by round.</summary>
    public async Task<IReadOnlyList<AcceptanceReview>> ReviewsAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AcceptanceReviews.AsNoTracking().Where(r => r.SubmissionId == submissionId).OrderBy(r => r.Round).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static PaymentGate GateOf(Project project, AcceptanceSubmission? submission)
    {
        var (state, explanation) = project.Status switch
        {
            ProjectStatus.UnderConstruction => ("under-construction", "项目尚未竣工，不予拨付。"),
            ProjectStatus.Accepted or ProjectStatus.Live => ("open", "验收数据审查通过，准予拨付。"),
            _ => submission?.Status switch
            {
                AcceptanceStatus.UnderReview => ("under-review", "验收数据正在审查，审查通过前不予拨付。"),
                AcceptanceStatus.Failed => ("correcting", $"验收数据审查不合格（{submission.OpinionReasons}），整改后重新提交并审查通过前不予拨付。"),
                _ => ("awaiting-data", "建设单位尚未提交验收数据，不予拨付。"),
            },
        };
        return new PaymentGate(
            project.Id, project.Code, project.Name, project.BuildingDepartment, project.Funding, project.PaymentGateOpen, state, explanation,
            project.CompletionDate, submission?.Number, submission?.Round ?? 0, submission?.Opinion, submission?.OpinionReasons,
            project.PaymentGateOpenedAt, project.PaymentGateArticle, project.Status == ProjectStatus.Live);
    }

    private async Task RequireTaskAsync(Guid taskId, string[] elements, string what, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var task = await db.UserTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.ElementId, t.InstanceId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Task", taskId.ToString());
        if (!elements.Contains(task.ElementId, StringComparer.Ordinal)
            || !await db.AcceptanceSubmissions.AnyAsync(s => s.Id == task.InstanceId, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException($"Task {taskId} is not {what} task of a project's acceptance data.");
        }
    }

    private static Task<bool> IsOfficeAsync(ShareFlowDbContext db, string department, CancellationToken cancellationToken) =>
        db.Departments.AnyAsync(d => d.Code == department && d.Kind == DepartmentKind.CoordinatingOffice, cancellationToken);
}
