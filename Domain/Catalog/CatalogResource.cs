using static ShareFlow.Domain.DomainText;

namespace ShareFlow.Domain.Catalog;

/// <summary>
/// An entry of the government data resource catalog (政务数据资源目录): what a provider department shares, its data
/// items and its share type. Conditional and not-shared entries need a legal basis (Shenyang art. 23). A change makes a
/// new version of the entry; the old one is kept.
/// </summary>
public sealed class CatalogResource
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0044:Add readonly modifier", Justification = "EF Core sets it when it reads the row.")]
    private List<string> _dataItems = [];

    private CatalogResource()
    {
    }

    public CatalogResource(Guid id, string code, string name, string providerDepartment, ShareType shareType, IEnumerable<string> dataItems, string? legalBasis, int version = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerDepartment);
        ArgumentNullException.ThrowIfNull(dataItems);
        Id = id;
        Code = code;
        Name = name;
        ProviderDepartment = providerDepartment;
        ShareType = shareType;
        _dataItems = Clean(dataItems);
        LegalBasis = Optional(legalBasis);
        Version = version;
        Status = CatalogStatus.Published;
        if (_dataItems.Count == 0)
        {
            throw new DomainException("A catalog resource lists at least one data item.");
        }

        if (shareType != ShareType.Unconditional && LegalBasis is null)
        {
            throw new DomainException($"A {shareType.ToWireName()} resource needs the legal basis for not sharing it freely.");
        }
    }

    public Guid Id { get; private set; }

    /// <summary>The catalog code; versions of one entry share it.</summary>
    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public string ProviderDepartment { get; private set; } = null!;

    public ShareType ShareType { get; private set; }

    public IReadOnlyList<string> DataItems => _dataItems;

    public string? LegalBasis { get; private set; }

    public int Version { get; private set; }

    public CatalogStatus Status { get; private set; }

    /// <summary>The requested items this resource does not have.</summary>
    public IReadOnlyList<string> UnknownItems(IEnumerable<string> requested) =>
        [.. requested.Where(i => !_dataItems.Contains(i, StringComparer.Ordinal))];

    /// <summary>
    /// The named items, trimmed, without blanks and duplicates, once each is known to be one of this resource's items.
    /// </summary>
    /// <param name="noneMessage">The message when no item is named.</param>
    /// <param name="field">The input the items came from, if the caller reports one.</param>
    /// <exception cref="DomainException">No item named, or an item this resource does not have.</exception>
    public List<string> RequireKnownItems(IEnumerable<string> items, string noneMessage, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var named = Clean(items);
        if (named.Count == 0)
        {
            throw Error(noneMessage);
        }

        var unknown = UnknownItems(named);
        if (unknown.Count > 0)
        {
            throw Error($"{Name} has no data item(s) {string.Join("、", unknown)}.");
        }

        return named;

        DomainException Error(string message) => field is null ? new DomainException(message) : new DomainException(field, message);
    }

    /// <summary>Replaced by a newer version (kept for the record).</summary>
    public void Supersede() => Status = CatalogStatus.Superseded;

    /// <summary>No longer shared (Shenyang art. 27: with reasons and a prior filing).</summary>
    public void Stop() => Status = CatalogStatus.Stopped;
}

/// <summary>共享类型 (Fuzhou art. 5, Lanzhou art. 11, Beijing art. 16, Shenyang art. 22).</summary>
public enum ShareType
{
    /// <summary>无条件共享: direct access, no approval.</summary>
    Unconditional,

    /// <summary>有条件共享: an application and the provider's decision.</summary>
    Conditional,

    /// <summary>不予共享: needs a legal basis; a need for it goes to negotiation or dispute.</summary>
    NotShared,
}

public enum CatalogStatus
{
    Published,
    Superseded,
    Stopped,
}

/// <summary>The stable wire names and the Chinese names of the share types.</summary>
public static class ShareTypeNames
{
    public static string ToWireName(this ShareType type) => type switch
    {
        ShareType.Unconditional => "unconditional",
        ShareType.Conditional => "conditional",
        ShareType.NotShared => "not-shared",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ToChineseName(this ShareType type) => type switch
    {
        ShareType.Unconditional => "无条件共享",
        ShareType.Conditional => "有条件共享",
        ShareType.NotShared => "不予共享",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
