using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Expressions;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime;

/// <summary>A published definition version with its parsed process.</summary>
public sealed record PublishedDefinition(long Id, string Key, int Version, string? Name, DateTimeOffset PublishedAt, string? PublishedBy, ProcessModel Process);

/// <summary>A published version as listed (without the XML).</summary>
public sealed record DefinitionVersion(long Id, string Key, int Version, string? Name, string ContentHash, DateTimeOffset PublishedAt, string? PublishedBy);

/// <summary>
/// Parses, validates, versions and caches process definitions. A version never changes once published, so parsed
/// models are cached by id for the life of the process. The latest version of each key is cached too; a state change
/// that starts it checks, as it writes, that no newer version has been published since (by this host or another).
/// </summary>
public sealed partial class DefinitionRepository(
    IDbContextFactory<ShareFlowDbContext> dbFactory,
    ActivityRegistry activities,
    IPolicyParameters parameters,
    EngineOptions options,
    TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, PublishedDefinition> _byId = new();
    private readonly ConcurrentDictionary<string, PublishedDefinition> _latestByKey = new(StringComparer.Ordinal);

    private BpmnParser Parser => new(new BpmnParserOptions { MaxCharactersInDocument = options.MaxDefinitionCharacters });

    /// <summary>Parses and validates without storing: the errors (with element ids), warnings included.</summary>
    /// <exception cref="BpmnParseException">The XML is malformed, unsafe, too large or uses an unsupported element.</exception>
    public async Task<(BpmnDefinition Definition, IReadOnlyList<ValidationError> Errors)> ValidateAsync(string xml, CancellationToken cancellationToken)
    {
        var definition = Parser.Parse(xml);
        var keys = await KnownKeysAsync(cancellationToken).ConfigureAwait(false);
        keys.Add(definition.ExecutableProcess.Id);
        var context = new ValidationContext(
            CheckExpressionSyntax: text => Expression.TryParse("${" + text + "}", out _, out var error) ? null : error.Reason,
            IsKnownActivity: activities.Contains,
            IsKnownDefinitionKey: keys.Contains,
            IsKnownProfileParameter: name => parameters.TryGetDays(name, out _))
        {
            DefaultActivity = options.DefaultActivity,
            AllowUnassignedUserTasks = options.DefaultAssignment is not null,
            InputsOf = name => activities.Get(name).Inputs,
        };
        return (definition, DefinitionValidator.Validate(definition, context));
    }

    /// <summary>Validates and stores the XML as version n+1 of its process key, and deletes the key's draft.</summary>
    /// <exception cref="BpmnParseException">The XML cannot be read.</exception>
    /// <exception cref="DefinitionInvalidException">Validation found errors; nothing was stored.</exception>
    public async Task<DefinitionVersion> PublishAsync(string xml, string? publishedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var (definition, errors) = await ValidateAsync(xml, cancellationToken).ConfigureAwait(false);
        if (errors.Any(e => e.Severity == ValidationSeverity.Error))
        {
            throw new DefinitionInvalidException(errors);
        }

        var process = definition.ExecutableProcess;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var latest = await db.ProcessDefinitions.Where(d => d.Key == process.Id).MaxAsync(d => (int?)d.Version, cancellationToken).ConfigureAwait(false) ?? 0;
            var record = new ProcessDefinitionRecord
            {
                Key = process.Id,
                Version = latest + 1,
                Name = process.Name,
                Xml = xml,
                ContentHash = hash,
                PublishedAt = clock.GetUtcNow(),
                PublishedBy = publishedBy,
            };
            db.ProcessDefinitions.Add(record);

            // The designer's draft of the key is done with once a version is published: it goes in the same transaction.
            db.DefinitionDrafts.RemoveRange(await db.DefinitionDrafts.Where(d => d.Key == process.Id).ToListAsync(cancellationToken).ConfigureAwait(false));
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                _latestByKey.TryRemove(process.Id, out _);
                return ToVersion(record);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two publications of one key raced for the same version number (unique index); count again.
            }
        }
    }

    public async Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var records = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key).OrderBy(d => d.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.Select(ToVersion)];
    }

    /// <summary>The latest version of every key.</summary>
    public async Task<IReadOnlyList<DefinitionVersion>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var records = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Version == db.ProcessDefinitions.Where(o => o.Key == d.Key).Max(o => o.Version))
            .OrderBy(d => d.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.Select(ToVersion)];
    }

    /// <exception cref="EngineNotFoundException">No such key or version.</exception>
    public async Task<string> GetXmlAsync(string key, int version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key && d.Version == version).Select(d => d.Xml).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Process definition", $"{key} v{version}");
    }

    /// <summary>
    /// The latest version of <paramref name="key"/>, parsed. A cached one is taken on the expectation, checked when
    /// <paramref name="work"/> writes, that it is still the latest; when it is not, the state change fails with
    /// <see cref="StaleDefinitionException"/> and the cache forgets the key, so that the state change can run again.
    /// </summary>
    /// <exception cref="EngineNotFoundException">No version of that key is published.</exception>
    internal async Task<PublishedDefinition> GetLatestAsync(UnitOfWork work, string key, CancellationToken cancellationToken)
    {
        if (_latestByKey.TryGetValue(key, out var cached))
        {
            work.Expectations.Add(new RowWriter.Expectation(
                "NOT EXISTS (SELECT 1 FROM process_definitions WHERE \"key\" = {0} AND \"version\" > {1})",
                [key, cached.Version],
                () =>
                {
                    _latestByKey.TryRemove(new KeyValuePair<string, PublishedDefinition>(key, cached));
                    return new StaleDefinitionException(key, cached.Version);
                }));
            return cached;
        }

        var id = await EngineQueries.LatestDefinitionIdAsync(work.Db, key, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Process definition", key);
        var latest = await GetAsync(work.Db, id, cancellationToken).ConfigureAwait(false);
        // Read by this state change just now, so as fresh as a read can be; a newer version cached meanwhile stays.
        _latestByKey.AddOrUpdate(key, latest, (_, other) => other.Version > latest.Version ? other : latest);
        return latest;
    }

    internal async Task<PublishedDefinition> GetAsync(ShareFlowDbContext db, long id, CancellationToken cancellationToken)
    {
        if (_byId.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var record = await db.ProcessDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Process definition", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var parsed = new PublishedDefinition(record.Id, record.Key, record.Version, record.Name, record.PublishedAt, record.PublishedBy, Parser.Parse(record.Xml).ExecutableProcess);
        return _byId.GetOrAdd(id, parsed);
    }

    /// <summary>The latest version of every definition that a message with this name starts.</summary>
    internal async Task<IReadOnlyList<PublishedDefinition>> FindMessageStartsAsync(ShareFlowDbContext db, string messageName, CancellationToken cancellationToken)
    {
        var latestIds = await db.ProcessDefinitions
            .Where(d => d.Version == db.ProcessDefinitions.Where(o => o.Key == d.Key).Max(o => o.Version))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<PublishedDefinition>();
        foreach (var id in latestIds)
        {
            var definition = await GetAsync(db, id, cancellationToken).ConfigureAwait(false);
            if (definition.Process.RootScope.StartEvents.Any(s => s.Message?.MessageName == messageName))
            {
                result.Add(definition);
            }
        }

        return result;
    }

    private async Task<HashSet<string>> KnownKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return [.. await db.ProcessDefinitions.Select(d => d.Key).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false)];
    }

    private static DefinitionVersion ToVersion(ProcessDefinitionRecord r) => new(r.Id, r.Key, r.Version, r.Name, r.ContentHash, r.PublishedAt, r.PublishedBy);
}
