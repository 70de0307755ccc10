namespace ShareFlow.Domain.Organisation;

/// <summary>A government department (政务部门), or one of the coordinating bodies.</summary>
public sealed class Department
{
    private Department()
    {
    }

    public Department(string code, string name, DepartmentKind kind = DepartmentKind.Ordinary, string? supervisor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code;
        Name = name;
        Kind = kind;
        Supervisor = supervisor;
    }

    /// <summary>A stable code, e.g. <c>gongan</c>.</summary>
    public string Code { get; private set; } = null!;

    /// <summary>e.g. 市公安局.</summary>
    public string Name { get; private set; } = null!;

    public DepartmentKind Kind { get; private set; }

    /// <summary>The user name of the department's principal (主要负责人, 第一责任人), who receives reminders and escalations.</summary>
    public string? Supervisor { get; private set; }

    public void AppointSupervisor(string? userName) => Supervisor = userName;
}

public enum DepartmentKind
{
    Ordinary,

    /// <summary>共享主管部门: 信息化办 / 大数据局 / 领导小组办公室.</summary>
    CoordinatingOffice,

    /// <summary>领导小组.</summary>
    LeadingGroup,

    /// <summary>市政府.</summary>
    CityGovernment,

    /// <summary>财政局.</summary>
    Finance,
}
