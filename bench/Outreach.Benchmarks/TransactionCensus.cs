using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Outreach.Benchmarks;

/// <summary>
/// What the private cluster's transactions are during a send (issue 17, perf17f: "commits per 1,000" was 67–84 while the
/// engine's own statements were ~21): for a few seconds mid-send PostgreSQL logs every statement with its virtual transaction id
/// (<c>log_statement = all</c>, set with ALTER SYSTEM and a reload, so no restart), and the log is read back grouped by
/// transaction and statement. It sees every client (Hangfire, the roll-up, the bench's own polls, Npgsql's own reset messages,
/// autovacuum's log lines) where the process's Npgsql ActivitySource sees only the commands it traces.
/// Also the tables' row writes over the whole send (pg_stat_user_tables).
/// </summary>
internal static partial class TransactionCensus
{
    /// <summary>Logs every statement for <paramref name="window"/>, starting <paramref name="after"/> from now.</summary>
    public static async Task<(DateTimeOffset From, DateTimeOffset To)> LogWindowAsync(
        NpgsqlDataSource dataSource, TimeSpan after, TimeSpan window, CancellationToken cancellationToken)
    {
        await Task.Delay(after, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("ALTER SYSTEM SET log_line_prefix = 'CENSUS %v|%p|'");
        await connection.ExecuteAsync("ALTER SYSTEM SET log_statement = 'all'");
        await connection.ExecuteAsync("ALTER SYSTEM SET log_autovacuum_min_duration = 0");
        await connection.ExecuteAsync("SELECT pg_reload_conf()");
        var from = DateTimeOffset.UtcNow;
        await Task.Delay(window, cancellationToken);
        await connection.ExecuteAsync("ALTER SYSTEM RESET log_statement");
        await connection.ExecuteAsync("ALTER SYSTEM RESET log_autovacuum_min_duration");
        await connection.ExecuteAsync("ALTER SYSTEM RESET log_line_prefix");
        await connection.ExecuteAsync("SELECT pg_reload_conf()");
        return (from, DateTimeOffset.UtcNow);
    }

    /// <summary>The log's statements grouped: transactions (distinct virtual ids) and statements per kind.</summary>
    public static IReadOnlyList<string> Read(string logFile, double messagesInWindow)
    {
        var transactions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var autovacuum = 0;
        foreach (var line in File.ReadLines(logFile))
        {
            var match = Line().Match(line);
            if (!match.Success)
            {
                if (line.Contains("automatic vacuum", StringComparison.Ordinal) || line.Contains("automatic analyze", StringComparison.Ordinal))
                {
                    autovacuum++;
                }

                continue;
            }

            var text = Shorten(match.Groups["text"].Value);
            if (text.StartsWith("ALTER SYSTEM", StringComparison.Ordinal) || text.StartsWith("SELECT pg_reload_conf", StringComparison.Ordinal))
            {
                continue;
            }

            var id = match.Groups["vxid"].Value + "@" + match.Groups["pid"].Value;
            if (!transactions.TryGetValue(id, out var statements))
            {
                transactions[id] = statements = [];
            }

            statements.Add(text);
        }

        var n = Math.Max(1, messagesInWindow) / 1000.0;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"statement log over {messagesInWindow:N0} messages: {transactions.Count / n:F1} transactions per 1,000 messages, {transactions.Values.Sum(s => s.Count) / n:F1} statements; autovacuum/analyze lines {autovacuum}"),
            "transactions per 1,000 messages, by their first statement:",
        };
        lines.AddRange(transactions.Values
            .GroupBy(s => string.Join(" ; ", s.Select(t => t.Length <= 60 ? t : t[..60] + "…")))
            .Select(g => (Text: g.Key, Count: g.Count(), Statements: g.Average(s => s.Count)))
            .OrderByDescending(g => g.Count)
            .Take(20)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"  {g.Count / n,8:F2}  ({g.Statements:F1} statements)  {g.Text}")));
        return lines;
    }

    /// <summary>Row writes per table since <paramref name="before"/> (read with <see cref="TableWritesAsync"/>), per 1,000 messages.</summary>
    public static IEnumerable<string> TableWrites(IReadOnlyDictionary<string, long[]> before, IReadOnlyDictionary<string, long[]> after, double messages)
    {
        var n = Math.Max(1, messages) / 1000.0;
        yield return "row writes per 1,000 messages by table (inserted, updated, of which HOT, deleted; vacuums, analyzes):";
        foreach (var (table, now) in after.OrderByDescending(kv => kv.Value[0] + kv.Value[1] + kv.Value[3] - (before.TryGetValue(kv.Key, out var b) ? b[0] + b[1] + b[3] : 0)))
        {
            var was = before.TryGetValue(table, out var b) ? b : new long[now.Length];
            var d = now.Zip(was, (x, y) => x - y).ToArray();
            if (d.All(x => x == 0))
            {
                continue;
            }

            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {table,-40} {d[0] / n,9:F2} {d[1] / n,9:F2} {d[2] / n,9:F2} {d[3] / n,9:F2}   {d[4]} {d[5]}");
        }
    }

    public static async Task<IReadOnlyDictionary<string, long[]>> TableWritesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, long Ins, long Upd, long Hot, long Del, long Vac, long Ana)>(
            "SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, autovacuum_count, autoanalyze_count FROM pg_stat_user_tables");
        return rows.ToDictionary(r => r.Name, r => new[] { r.Ins, r.Upd, r.Hot, r.Del, r.Vac, r.Ana }, StringComparer.Ordinal);
    }

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 90 ? flat : flat[..90] + "…";
    }

    [GeneratedRegex(@"CENSUS (?<vxid>[^|]*)\|(?<pid>\d+)\|LOG:\s+(?:statement|execute [^:]*): (?<text>.*)$")]
    private static partial Regex Line();
}
