using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// What the process designer asks of the host: the registered activities, drafts and the deadline preview, on the simulated
/// clock from Wednesday 2026-09-23 09:00 (Fuzhou profile: 15 working days to answer an application).
/// </summary>
public abstract class DesignerApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ShareFlowHostFactory
{
    /// <summary>A process that runs nothing yet; <paramref name="body"/> goes inside it.</summary>
    private static string Process(string key, string body) => $"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sf="urn:shareflow:bpmn:1" id="d_{key}" targetNamespace="t">
          <bpmn:process id="{key}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string Runnable(string key) => Process(key, """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="check" name="核对" sf:candidateRole="coordinating-office" sf:dueDays="3" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
        <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
        """);

    private static async Task<string> LatestXmlAsync(HttpClient admin, string key)
    {
        var versions = await admin.GetFromJsonAsync<JsonElement>($"/api/definitions/{key}/versions");
        return await admin.GetStringAsync($"/api/definitions/{key}/versions/{versions.EnumerateArray().Last().GetProperty("version").GetInt32()}/xml");
    }

    private static Task<HttpResponseMessage> PreviewAsync(HttpClient client, object request) => client.PostAsJsonAsync("/api/definitions/deadline-preview", request);

    private static JsonElement Deadline(JsonElement preview, string elementId) =>
        preview.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("elementId").GetString() == elementId);

    [Fact]
    public async Task Activities_AnySignedInUser_SeesEveryRegisteredActivityWithWhatItDoesAndItsInputs()
    {
        var clerk = await factory.SignInAsync("clerk.psb");

        var activities = await clerk.GetFromJsonAsync<JsonElement>("/api/definitions/activities");

        var names = activities.EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Contains("sharing.decide", names);
        Assert.Contains("catalog.register", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(activities.EnumerateArray(), a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("description").GetString()), a.GetProperty("name").GetString()));
        var reminder = activities.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "reminder");
        var inputs = reminder.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("required").GetBoolean());
        Assert.Equal((true, false, false), (inputs["task"], inputs["department"], inputs["role"]));
        Assert.Equal(0, activities.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "sharing.decide").GetProperty("inputs").GetArrayLength());

        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/definitions/activities", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Draft_SavedEvenWhenNotYetValid_ReadBackAndOverwritten_ThenDeleted()
    {
        var admin = await factory.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, await admin.StatusOfGetAsync("/api/definitions/draftedProcess/draft"));

        // Unfinished: no end event, and a script task the engine cannot run.
        var unfinished = Process("draftedProcess", """<bpmn:startEvent id="start" /><bpmn:scriptTask id="later" />""");
        var saved = await admin.PutAsJsonAsync("/api/definitions/draftedProcess/draft", new { xml = unfinished });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var draft = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("draftedProcess", unfinished, "admin"), (draft.GetProperty("key").GetString(), draft.GetProperty("xml").GetString(), draft.GetProperty("savedBy").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 9, 23, 1, 0, 0, TimeSpan.Zero), draft.GetProperty("savedAt").GetDateTimeOffset());
        Assert.Equal(unfinished, (await admin.GetFromJsonAsync<JsonElement>("/api/definitions/draftedProcess/draft")).GetProperty("xml").GetString());

        var second = Runnable("draftedProcess");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/definitions/draftedProcess/draft", new { xml = second })).StatusCode);
        Assert.Equal(second, (await admin.GetFromJsonAsync<JsonElement>("/api/definitions/draftedProcess/draft")).GetProperty("xml").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("/api/definitions/draftedProcess/draft", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await admin.StatusOfGetAsync("/api/definitions/draftedProcess/draft"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("/api/definitions/draftedProcess/draft", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Draft_MalformedUnsafeForeignOrMissingXml_Is400NamingXml_AndNothingIsStored()
    {
        var admin = await factory.SignInAsync("admin");

        var attempts = new object[]
        {
            new { xml = "<bpmn:definitions" },
            new { xml = """<!DOCTYPE x [<!ENTITY a "a">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="badDraft" /></bpmn:definitions>""" },
            new { xml = "<definitions><process id=\"badDraft\" /></definitions>" },
            new { xml = Process("someOtherKey", "<bpmn:startEvent id=\"start\" />") },
            new { xml = Process("badDraft", "<bpmn:startEvent id=\"start\" />").Replace("</bpmn:process>", "</bpmn:process>" + new string(' ', 2 * 1024 * 1024), StringComparison.Ordinal) },
            new { xml = "" },
            new { },
        };
        foreach (var attempt in attempts)
        {
            var response = await admin.PutAsJsonAsync("/api/definitions/badDraft/draft", attempt);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["xml"], await response.ErrorFieldsAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, await admin.StatusOfGetAsync("/api/definitions/badDraft/draft"));
    }

    [Fact]
    public async Task Draft_IsThePolicyAdminsAlone()
    {
        var admin = await factory.SignInAsync("admin");
        await admin.PutAsJsonAsync("/api/definitions/guardedDraft/draft", new { xml = Runnable("guardedDraft") });

        foreach (var user in new[] { "clerk.psb", "office", "supervisor.psb" })
        {
            var other = await factory.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, await other.StatusOfGetAsync("/api/definitions/guardedDraft/draft"));
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync("/api/definitions/guardedDraft/draft", new { xml = Runnable("guardedDraft") })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync(new Uri("/api/definitions/guardedDraft/draft", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, await other.StatusOfGetAsync("/api/definitions/drafts"));
        }

        Assert.Equal("admin", (await admin.GetFromJsonAsync<JsonElement>("/api/definitions/guardedDraft/draft")).GetProperty("savedBy").GetString());
    }

    [Fact]
    public async Task Drafts_AreListedWithTheirProcessNames_ThoseNeverPublishedToo_UntilPublished()
    {
        var admin = await factory.SignInAsync("admin");
        var named = Runnable("listedNewProcess").Replace("<bpmn:process id=\"listedNewProcess\"", "<bpmn:process id=\"listedNewProcess\" name=\" 数据更正申请 \"", StringComparison.Ordinal);
        await admin.PutAsJsonAsync("/api/definitions/listedNewProcess/draft", new { xml = named });
        await admin.PutAsJsonAsync("/api/definitions/sharingApplication/draft", new { xml = await LatestXmlAsync(admin, "sharingApplication") });
        await admin.PutAsJsonAsync("/api/definitions/listedUnnamed/draft", new { xml = Runnable("listedUnnamed") });

        var drafts = (await admin.GetFromJsonAsync<JsonElement>("/api/definitions/drafts")).EnumerateArray().ToDictionary(d => d.GetProperty("key").GetString()!);

        var fresh = drafts["listedNewProcess"];
        Assert.Equal(("数据更正申请", "admin"), (fresh.GetProperty("name").GetString(), fresh.GetProperty("savedBy").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 9, 23, 1, 0, 0, TimeSpan.Zero), fresh.GetProperty("savedAt").GetDateTimeOffset());
        Assert.False(fresh.TryGetProperty("xml", out _));
        Assert.Equal(JsonValueKind.Null, drafts["listedUnnamed"].GetProperty("name").ValueKind);
        Assert.Equal("共享申请", drafts["sharingApplication"].GetProperty("name").GetString());
        Assert.DoesNotContain("listedNewProcess", (await admin.GetFromJsonAsync<JsonElement>("/api/definitions")).EnumerateArray().Select(d => d.GetProperty("key").GetString()));

        var published = await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), new StringContent(named, Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/definitions/drafts")).EnumerateArray().Select(d => d.GetProperty("key").GetString()).ToList();
        Assert.DoesNotContain("listedNewProcess", after);
        Assert.Contains("sharingApplication", after);
        await admin.DeleteAsync(new Uri("/api/definitions/sharingApplication/draft", UriKind.Relative));
    }

    [Fact]
    public async Task Publishing_DeletesTheKeysDraft_AndNoOtherKeys()
    {
        var admin = await factory.SignInAsync("admin");
        await admin.PutAsJsonAsync("/api/definitions/publishedDraft/draft", new { xml = Runnable("publishedDraft") });
        await admin.PutAsJsonAsync("/api/definitions/keptDraft/draft", new { xml = Runnable("keptDraft") });

        var published = await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), new StringContent(Runnable("publishedDraft"), Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await admin.StatusOfGetAsync("/api/definitions/publishedDraft/draft"));
        Assert.Equal(HttpStatusCode.OK, await admin.StatusOfGetAsync("/api/definitions/keptDraft/draft"));
    }

    [Fact]
    public async Task Preview_SharingApplication_EveryDeadlineOnTheOfficialCalendar()
    {
        var admin = await factory.SignInAsync("admin");
        var xml = await LatestXmlAsync(admin, "sharingApplication");

        var response = await PreviewAsync(admin, new { xml, start = "2026-09-30", startTime = "10:30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("2026-09-30", "fuzhou"), (preview.GetProperty("start").GetString(), preview.GetProperty("profile").GetString()));

        // 15 working days from Wednesday 30 September: the National Day break (1-7 October) is skipped, Saturday 10 October is a make-up workday.
        var review = Deadline(preview, "review");
        Assert.Equal(("task", 15, "sharing.answerDays", "working"), (review.GetProperty("kind").GetString(), review.GetProperty("days").GetInt32(), review.GetProperty("parameter").GetString(), review.GetProperty("dayKind").GetString()));
        Assert.Equal(("2026-10-27", false), (review.GetProperty("dueDate").GetString(), review.GetProperty("provisional").GetBoolean()));
        Assert.Equal(new DateTimeOffset(2026, 10, 28, 0, 0, 0, TimeSpan.FromHours(8)), review.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, review.GetProperty("attachedTo").ValueKind);

        var halfway = Deadline(preview, "halfwayReminder");
        Assert.Equal(("reminder", "review", "2026-10-16"), (halfway.GetProperty("kind").GetString(), halfway.GetProperty("attachedTo").GetString(), halfway.GetProperty("dueDate").GetString()));
        var final = Deadline(preview, "finalReminder");
        Assert.Equal(("reminder", -2, "2026-10-23"), (final.GetProperty("kind").GetString(), final.GetProperty("offsetDays").GetInt32(), final.GetProperty("dueDate").GetString()));
        var overdue = Deadline(preview, "overdue");
        Assert.Equal(("timer", "review", "2026-10-27"), (overdue.GetProperty("kind").GetString(), overdue.GetProperty("attachedTo").GetString(), overdue.GetProperty("dueDate").GetString()));
        Assert.Equal("2026-10-27", Deadline(preview, "coordinate").GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Preview_AnotherProfile_CountsItsOwnDaysAndDayKind()
    {
        var admin = await factory.SignInAsync("admin");

        var sharing = await (await PreviewAsync(admin, new { xml = await LatestXmlAsync(admin, "sharingApplication"), start = "2026-09-30", profile = "shenyang" })).Content.ReadFromJsonAsync<JsonElement>();
        var openData = await (await PreviewAsync(admin, new { xml = await LatestXmlAsync(admin, "openDataRequest"), start = "2026-09-30", profile = "shenyang" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("shenyang", sharing.GetProperty("profile").GetString());
        Assert.Equal((5, "2026-10-13"), (Deadline(sharing, "review").GetProperty("days").GetInt32(), Deadline(sharing, "review").GetProperty("dueDate").GetString()));

        // Shenyang art. 34: 10 calendar days; the 10th, Saturday 10 October, is a make-up workday, so the period ends then.
        var answer = Deadline(openData, "answer");
        Assert.Equal(("calendar", 10, "2026-10-10"), (answer.GetProperty("dayKind").GetString(), answer.GetProperty("days").GetInt32(), answer.GetProperty("dueDate").GetString()));
    }

    [Fact]
    public async Task Preview_CatalogChange_SaysWhatItAssumed_AndShowsTheExtension()
    {
        var admin = await factory.SignInAsync("admin");

        var preview = await (await PreviewAsync(admin, new { xml = await LatestXmlAsync(admin, "catalogChange"), start = "2026-11-02", profile = "lanzhou" })).Content.ReadFromJsonAsync<JsonElement>();

        var submit = Deadline(preview, "submit");
        Assert.Equal((10, "2026-11-16"), (submit.GetProperty("days").GetInt32(), submit.GetProperty("dueDate").GetString()));
        Assert.Contains("暂按开始日期计算", submit.GetProperty("note").GetString(), StringComparison.Ordinal);
        var extension = Deadline(preview, "extendSubmission");
        Assert.Equal(("extension", 20, "catalog.extensionDays"), (extension.GetProperty("kind").GetString(), extension.GetProperty("days").GetInt32(), extension.GetProperty("parameter").GetString()));
        Assert.Equal("2026-12-14", extension.GetProperty("dueDate").GetString()); // 30 working days from 2 November
    }

    [Fact]
    public async Task Preview_DefaultsToNowAndTheDeploymentsProfile_StandardTimersCountElapsedTime_LateYearsAreProvisional()
    {
        var admin = await factory.SignInAsync("admin");
        var xml = Process("timers", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait" name="等两小时"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="long" sf:candidateRole="coordinating-office" sf:dueDays="30" />
            <bpmn:boundaryEvent id="escalate" attachedToRef="long"><bpmn:timerEventDefinition sf:days="5" sf:dayKind="calendar" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="escalated" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="long" />
            <bpmn:sequenceFlow id="f3" sourceRef="long" targetRef="end" />
            <bpmn:sequenceFlow id="f4" sourceRef="escalate" targetRef="escalated" />
            """);

        var now = await (await PreviewAsync(admin, new { xml })).Content.ReadFromJsonAsync<JsonElement>();
        var late = await (await PreviewAsync(admin, new { xml, start = "2026-12-01" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(("2026-09-23", "fuzhou"), (now.GetProperty("start").GetString(), now.GetProperty("profile").GetString()));
        var wait = Deadline(now, "wait");
        Assert.Equal(("timer", JsonValueKind.Null), (wait.GetProperty("kind").GetString(), wait.GetProperty("days").ValueKind));
        Assert.Equal(new DateTimeOffset(2026, 9, 23, 11, 0, 0, TimeSpan.FromHours(8)), wait.GetProperty("dueAt").GetDateTimeOffset());
        var escalate = Deadline(now, "escalate");
        Assert.Equal(("timer", "long", "calendar", 5), (escalate.GetProperty("kind").GetString(), escalate.GetProperty("attachedTo").GetString(), escalate.GetProperty("dayKind").GetString(), escalate.GetProperty("days").GetInt32()));
        Assert.Equal("2026-09-28", escalate.GetProperty("dueDate").GetString());
        Assert.False(Deadline(now, "long").GetProperty("provisional").GetBoolean());

        // 30 working days from 1 December 2026 end in 2027, whose holiday notice is not published yet.
        Assert.True(Deadline(late, "long").GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task Preview_BadInput_Is400NamingTheField_AndAnInvalidDefinitionListsTheValidatorsFindings()
    {
        var admin = await factory.SignInAsync("admin");
        var valid = Runnable("previewed");

        var fields = new Dictionary<string, object>
        {
            ["xml"] = new { },
            ["start"] = new { xml = valid, start = "2026-13-01" },
            ["startTime"] = new { xml = valid, startTime = "25:00" },
            ["profile"] = new { xml = valid, profile = "atlantis" },
        };
        foreach (var (field, request) in fields)
        {
            var response = await PreviewAsync(admin, request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([field], await response.ErrorFieldsAsync());
        }

        var malformed = await PreviewAsync(admin, new { xml = "<bpmn:definitions" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var unreadable = await malformed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["xml"], unreadable.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("parse-error", unreadable.GetProperty("validation")[0].GetProperty("code").GetString());

        var invalid = await PreviewAsync(admin, new { xml = Process("brokenPreview", """
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="grant" sf:activity="no.such.activity" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="grant" />
            <bpmn:sequenceFlow id="f2" sourceRef="grant" targetRef="end" />
            """) });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("xml", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("grant", out _));
        Assert.Contains(problem.GetProperty("validation").EnumerateArray(), e => e.GetProperty("elementId").GetString() == "grant" && e.GetProperty("code").GetString() == "unknown-activity");

        var clerk = await factory.SignInAsync("clerk.psb");
        Assert.Equal(HttpStatusCode.Forbidden, (await PreviewAsync(clerk, new { xml = valid })).StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class DesignerApiTestsOnSqlite(SimulatedHostFactory factory) : DesignerApiTests<SimulatedHostFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class DesignerApiTestsOnPostgres(PostgresSimulatedHostFactory factory) : DesignerApiTests<PostgresSimulatedHostFactory>(factory);
