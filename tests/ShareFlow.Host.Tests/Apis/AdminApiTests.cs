using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>The policy admin's work over HTTP, on the simulated clock from Wednesday 2026-09-23 (Fuzhou profile).</summary>
public abstract class AdminApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ShareFlowHostFactory
{
    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    [Fact]
    public async Task Publish_ChangedAnswerPeriod_NewApplicationsFollowIt_RunningOnesKeepTheirs()
    {
        var admin = await factory.SignInAsync("admin");
        var clerk = await factory.SignInAsync("clerk.edu");
        var resource = (await clerk.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "人口基础信息");
        var request = new { resourceId = resource.GetProperty("id").GetGuid(), items = new[] { "姓名" }, purpose = "学籍核验" };
        var before = await (await clerk.PostAsJsonAsync("/api/sharing-applications", request)).Content.ReadFromJsonAsync<JsonElement>();
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/definitions/sharingApplication/versions");
        var latest = versions.EnumerateArray().Last().GetProperty("version").GetInt32();
        var xml = await admin.GetStringAsync($"/api/definitions/sharingApplication/versions/{latest}/xml");

        var published = await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), Xml(xml.Replace(
            "sf:candidateRole=\"provider-reviewer\" sf:dueDays=\"sharing.answerDays\"", "sf:candidateRole=\"provider-reviewer\" sf:dueDays=\"12\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(latest + 1, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var after = await (await clerk.PostAsJsonAsync("/api/sharing-applications", request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-10-21", before.GetProperty("deadline").GetString()); // 15 working days
        Assert.Equal("2026-10-16", after.GetProperty("deadline").GetString()); // 12 working days
        Assert.Equal("2026-10-21", (await clerk.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{before.GetProperty("id").GetGuid()}")).GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task Validate_MalformedAndInvalid_NameTheProblem_PublishStoresNothing()
    {
        var admin = await factory.SignInAsync("admin");

        var malformed = await (await admin.PostAsync(new Uri("/api/definitions/validate", UriKind.Relative), Xml("<bpmn:definitions"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(malformed.GetProperty("valid").GetBoolean());
        Assert.Equal("parse-error", malformed.GetProperty("errors")[0].GetProperty("code").GetString());

        const string invalid = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sf="urn:shareflow:bpmn:1" id="d" targetNamespace="t">
              <bpmn:process id="brokenProcess" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:serviceTask id="grant" sf:activity="no.such.activity" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="grant" />
                <bpmn:sequenceFlow id="f2" sourceRef="grant" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var checkedResult = await (await admin.PostAsync(new Uri("/api/definitions/validate", UriKind.Relative), Xml(invalid))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(checkedResult.GetProperty("valid").GetBoolean());
        Assert.Contains(checkedResult.GetProperty("errors").EnumerateArray(), e => e.GetProperty("elementId").GetString() == "grant" && e.GetProperty("code").GetString() == "unknown-activity");

        var rejected = await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), Xml(invalid));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.True((await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("grant", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/api/definitions/brokenProcess/versions", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Validate_NamesATaskThatLeavesOutARequiredInput_OrRemindsAboutATaskTheProcessDoesNotHave()
    {
        var admin = await factory.SignInAsync("admin");
        static string Process(string remindInputs, string noticeInputs) => $$"""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sf="urn:shareflow:bpmn:1" id="d" targetNamespace="t">
              <bpmn:process id="remindedProcess" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="review" sf:candidateDepartment="psb" sf:candidateRole="provider-reviewer" sf:dueDays="10" />
                <bpmn:boundaryEvent id="halfway" attachedToRef="review" cancelActivity="false">
                  <bpmn:timerEventDefinition sf:anchor="taskDue" sf:fraction="0.5" />
                </bpmn:boundaryEvent>
                <bpmn:sendTask id="remind" sf:activity="reminder"><bpmn:extensionElements>{{remindInputs}}</bpmn:extensionElements></bpmn:sendTask>
                <bpmn:sendTask id="tell" sf:activity="notice"><bpmn:extensionElements>{{noticeInputs}}</bpmn:extensionElements></bpmn:sendTask>
                <bpmn:endEvent id="reminded" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="tell" />
                <bpmn:sequenceFlow id="f3" sourceRef="tell" targetRef="end" />
                <bpmn:sequenceFlow id="f4" sourceRef="halfway" targetRef="remind" />
                <bpmn:sequenceFlow id="f5" sourceRef="remind" targetRef="reminded" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var missing = await (await admin.PostAsync(new Uri("/api/definitions/validate", UriKind.Relative), Xml(Process(
            """<sf:input name="kind" value="reminder" />""",
            """<sf:input name="subject" value="已审核" />""")))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(missing.GetProperty("valid").GetBoolean());
        var findings = missing.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("elementId").GetString(), e.GetProperty("code").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(findings, f => f.Item1 == "remind" && f.Item2 == "missing-input" && f.Item3.Contains("task", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Item1 == "tell" && f.Item2 == "missing-input" && f.Item3.Contains("department", StringComparison.Ordinal));

        // A reminder about "reveiw" would never find an open task, and so never remind anyone.
        var misspelt = await (await admin.PostAsync(new Uri("/api/definitions/validate", UriKind.Relative), Xml(Process(
            """<sf:input name="task" value="reveiw" />""",
            """<sf:input name="department" value="psb" />""")))).Content.ReadFromJsonAsync<JsonElement>();
        var wrong = Assert.Single(misspelt.GetProperty("errors").EnumerateArray());
        Assert.Equal(("remind", "unknown-task-reference"), (wrong.GetProperty("elementId").GetString(), wrong.GetProperty("code").GetString()));
        Assert.Contains("reveiw", wrong.GetProperty("message").GetString(), StringComparison.Ordinal);

        var rejected = await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), Xml(Process("""<sf:input name="task" value="reveiw" />""", """<sf:input name="department" value="psb" />""")));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/api/definitions/remindedProcess/versions", UriKind.Relative))).StatusCode);

        var published = await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), Xml(Process("""<sf:input name="task" value="review" />""", """<sf:input name="department" value="psb" />""")));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
    }

    [Fact]
    public async Task Publish_ByAClerk_Is403_AndAnOversizedDocument_Is400()
    {
        var clerk = await factory.SignInAsync("clerk.psb");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync(new Uri("/api/definitions", UriKind.Relative), Xml("<x/>"))).StatusCode);

        var admin = await factory.SignInAsync("admin");
        var huge = await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), Xml("<x>" + new string('a', 2 * 1024 * 1024 + 10) + "</x>"));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.True((await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("bpmn", out _));
    }

    [Fact]
    public async Task ImportYear_Valid_TakesEffect_Invalid_IsRejectedAndKeepsTheOldData()
    {
        var admin = await factory.SignInAsync("admin");
        const string notice = """{"year":2027,"papers":["https://www.gov.cn/example"],"days":[{"name":"春节","date":"2027-02-08","isOffDay":true},{"name":"春节","date":"2027-02-20","isOffDay":false}]}""";

        var imported = await admin.PutAsync(new Uri("/api/calendar/years/2027", UriKind.Relative), new StringContent(notice, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var day = await admin.GetFromJsonAsync<JsonElement>("/api/calendar/days/2027-02-08");
        Assert.Equal(("holiday", false), (day.GetProperty("kind").GetString(), day.GetProperty("provisional").GetBoolean()));

        const string broken = """{"year":2027,"days":[{"name":"春节","date":"2027-02-10","isOffDay":false}]}""";
        var rejected = await admin.PutAsync(new Uri("/api/calendar/years/2027", UriKind.Relative), new StringContent(broken, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.True((await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("days[0].date", out _));
        Assert.Equal("holiday", (await admin.GetFromJsonAsync<JsonElement>("/api/calendar/days/2027-02-08")).GetProperty("kind").GetString());

        var clerk = await factory.SignInAsync("clerk.amr");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsync(new Uri("/api/calendar/years/2027", UriKind.Relative), new StringContent(notice, Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Profiles_ChangeMakesANewVersion_UnknownParameterIsNamed()
    {
        var admin = await factory.SignInAsync("admin");

        var changed = await admin.PatchAsJsonAsync("/api/profiles/lanzhou", new Dictionary<string, int> { ["catalog.extensionDays"] = 15 });
        var unknown = await admin.PatchAsJsonAsync("/api/profiles/lanzhou", new Dictionary<string, int> { ["catalog.extensionWeeks"] = 3 });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var profile = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 15), (profile.GetProperty("version").GetInt32(), profile.GetProperty("days").GetProperty("catalog.extensionDays").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("catalog.extensionWeeks", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/profiles/atlantis", new Dictionary<string, int>())).StatusCode);
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/profiles");
        Assert.True(all.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "fuzhou").GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Profiles_NameTheRegulationAndTheArticleOfEachRule()
    {
        var admin = await factory.SignInAsync("admin");

        var fuzhou = (await admin.GetFromJsonAsync<JsonElement>("/api/profiles")).EnumerateArray().Single(p => p.GetProperty("code").GetString() == "fuzhou");

        Assert.Equal("《抚州市政务信息资源共享管理办法》", fuzhou.GetProperty("regulation").GetString());
        Assert.Equal("第十八条", fuzhou.GetProperty("articles").GetProperty("sharing.answer").GetString());
    }

    [Fact]
    public async Task Incidents_ListIsEmptyWhenNothingFailed()
    {
        var admin = await factory.SignInAsync("admin");

        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/incidents")).GetArrayLength());
    }
}

/// <summary>On SQLite.</summary>
public sealed class AdminApiTestsOnSqlite(SimulatedHostFactory factory) : AdminApiTests<SimulatedHostFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class AdminApiTestsOnPostgres(PostgresSimulatedHostFactory factory) : AdminApiTests<PostgresSimulatedHostFactory>(factory);
