using Dapper;
using Npgsql;
using Outreach.Content.UnitTree;

namespace Outreach.Content.UnitMatching;

/// <summary>What a typed join code found: the unit, or (a typo) the nearest codes of active units to offer back.</summary>
public sealed record JoinCodeMatch(UnitNode? Unit, IReadOnlyList<JoinCodeSuggestion> Suggestions)
{
    public static JoinCodeMatch None { get; } = new(null, []);
}

/// <summary>A unit whose join code is <see cref="Edits"/> edits from what she typed.</summary>
public sealed record JoinCodeSuggestion(UnitNode Unit, int Edits);

/// <summary>
/// Finds the unit of a join code a member typed on Zalo. An exact code finds its unit (a merged unit's code its survivor;
/// the caller refuses a deactivated one); otherwise up to <c>max</c> active units whose codes are one, then two, edits away,
/// within <c>scopeUnitId</c>'s subtree when given (the province of the OA she wrote to).
/// </summary>
public sealed class JoinCodeLookup(NpgsqlDataSource dataSource, UnitTreeStore units)
{
    public async Task<JoinCodeMatch> FindAsync(string? typed, long? scopeUnitId, int max, CancellationToken cancellationToken)
    {
        var code = JoinCode.Normalize(typed);
        if (code is null)
        {
            return JoinCodeMatch.None;
        }

        if (JoinCode.IsValid(code) && await units.FindByJoinCodeAsync(code, cancellationToken) is { } unit)
        {
            return new JoinCodeMatch(unit, []);
        }

        var neighbours = JoinCode.Neighbours(code);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = (await connection.QueryAsync<UnitNode>(new CommandDefinition(
            $"""
            SELECT {UnitNode.Columns} FROM org_units u
            WHERE u.join_code = ANY(@codes) AND u.is_active
              AND (@scopeUnitId::bigint IS NULL OR u.path LIKE (SELECT path FROM org_units WHERE id = @scopeUnitId) || '%')
            """,
            new { codes = neighbours.Select(n => n.Code).ToArray(), scopeUnitId },
            cancellationToken: cancellationToken))).ToDictionary(u => u.JoinCode, StringComparer.Ordinal);
        var suggestions = neighbours.Where(n => found.ContainsKey(n.Code)).Select(n => new JoinCodeSuggestion(found[n.Code], n.Edits)).ToList();
        return suggestions.Count == 0
            ? JoinCodeMatch.None
            : new JoinCodeMatch(null, suggestions.Where(s => s.Edits == suggestions[0].Edits).Take(max).ToList());
    }
}
