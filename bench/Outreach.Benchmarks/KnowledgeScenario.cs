using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Hosting;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Knowledge;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Storage;

namespace Outreach.Benchmarks;

/// <summary>
/// Staff-managed knowledge at 5,000 entries: the shipped pack plus 55 communes' own versions of every national entry, approved
/// in PostgreSQL. Two gateways share the database (its private cluster). Measured: (1) from a province approver's approval
/// (POST /staff/api/knowledge/{id}/approve on host A) to the new entry being the one matching uses, on host A (it refreshes
/// inside the request) and on host B (woken by NOTIFY), --approvals times; (2) the answer engine's latency per question for a
/// member of a commune with its own entries and one without, every eval question --rounds times.
/// </summary>
public sealed class KnowledgeScenario : ILoadScenario
{
    private const int Communes = 55;

    public string Name => "knowledge";

    public string Description => "Approval → use time on two hosts and matching p99 with 5,000 entries (--approvals 10 --rounds 20)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var approvals = BenchArgs.Int(args, "--approvals", 10);
        var rounds = BenchArgs.Int(args, "--rounds", 20);
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:LocalPostgres:Directory"] = directory,
            ["Outreach:Scheduler:RunServer"] = "false",
            ["Outreach:Inbox:RunWorkers"] = "false",
            ["Outreach:Knowledge:ReloadIntervalSeconds"] = "3600",
        };
        try
        {
            await using var a = await OutreachHost.StartAsync(Args(settings), cancellationToken: cancellationToken);
            var connectionString = a.Services.GetRequiredService<OutreachDatabase>().ConnectionString;
            settings["ConnectionStrings:Outreach"] = connectionString;
            await using var b = await OutreachHost.StartAsync(Args(settings), cancellationToken: cancellationToken);
            var knowledgeA = a.Services.GetRequiredService<CurrentKnowledge>();
            var knowledgeB = b.Services.GetRequiredService<CurrentKnowledge>();
            var seeded = Stopwatch.StartNew();
            await SeedAsync(a, connectionString, cancellationToken);
            await WaitAsync(() => knowledgeA.Current?.Revision >= 1 && knowledgeB.Current?.Revision >= 1, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{knowledgeA.Current!.Pack.Entries.Count} entries in the snapshot (seeded and in use on both hosts in {seeded.Elapsed.TotalSeconds:F1} s); {Environment.ProcessorCount} cores"));
            var build = Stopwatch.StartNew();
            KnowledgeSnapshot.Build(knowledgeA.Current.Pack, knowledgeA.Current.Version);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One snapshot build (index of every entry): {build.Elapsed.TotalMilliseconds:F0} ms"));
            IncrementalBuilds(knowledgeA.Current, 20);

            using var editor = await StaffPages.SignInAsync(a.BaseAddress, "bientap.xa", cancellationToken);
            using var approver = await StaffPages.SignInAsync(a.BaseAddress, "duyet.tinh", cancellationToken);
            var onA = new List<double>();
            var onB = new List<double>();
            for (var i = 0; i < approvals; i++)
            {
                var answer = $"Bản riêng số {i} của xã 1.";
                using var created = await editor.PostAsJsonAsync(new Uri("/staff/api/knowledge", UriKind.Relative), new
                {
                    kind = "entry", orgUnitId = 2, content = new { entryId = $"bench-new-{i}", topic = "bench", title = $"Mục mới {i}", questions = new[] { $"câu hỏi thử nghiệm số {i}" }, answer },
                }, cancellationToken);
                created.EnsureSuccessStatusCode();
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("itemId").GetInt64();
                var started = Stopwatch.GetTimestamp();
                var approve = approver.PostAsJsonAsync(new Uri($"/staff/api/knowledge/{id}/approve", UriKind.Relative), new { version = 1, revision = 1 }, cancellationToken);
                await WaitAsync(() => Has(knowledgeB, answer), cancellationToken);
                onB.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                using var approved = await approve;
                approved.EnsureSuccessStatusCode();
                onA.Add(Has(knowledgeA, answer) ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : double.NaN);
            }

            Console.WriteLine("| approvals | host A (approving; in use when the response returns) median / max | host B (NOTIFY) median / max |");
            Console.WriteLine("|---:|---:|---:|");
            onA.Sort();
            onB.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {approvals} | {onA[onA.Count / 2]:F0} / {onA[^1]:F0} ms | {onB[onB.Count / 2]:F0} / {onB[^1]:F0} ms |"));

            Match(knowledgeA.Current!, rounds, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Match(KnowledgeSnapshot snapshot, int rounds, CancellationToken cancellationToken)
    {
        var questions = MatchingPack.Questions();
        var today = VietnamClock.Today(TimeProvider.System);
        Console.WriteLine("| member | questions × rounds | p50 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (who, path) in new[] { ("commune with its own 90 entries", new long[] { 2, 1 }), ("commune without", new long[] { Communes + 2, 1 }) })
        {
            foreach (var question in questions)
            {
                AnswerEngine.Decide(snapshot, new AnswerRequest(question, null, today) { UnitPath = path });
            }

            var samples = new List<double>(questions.Count * rounds);
            for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
            {
                foreach (var question in questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    AnswerEngine.Decide(snapshot, new AnswerRequest(question, null, today) { UnitPath = path });
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }

            samples.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {who} | {questions.Count} × {rounds} | {samples[samples.Count / 2]:0} µs | {samples[(int)Math.Ceiling(0.99 * samples.Count) - 1]:0} µs | {samples[^1]:0} µs |"));
        }
    }

    // The snapshot after one commune entry's answer changed, built from the one in use (what an approval costs a host once the
    // version is read): the merge over the pack, the index sharing every other entry, and the snapshot around them.
    private static void IncrementalBuilds(KnowledgeSnapshot current, int times)
    {
        var entries = current.Pack.Entries.ToList();
        var at = entries.FindIndex(e => e.OrgUnitId is not null);
        var index = new List<double>();
        var snapshot = new List<double>();
        var previous = current;
        for (var i = 0; i < times; i++)
        {
            entries[at] = entries[at] with { Answer = $"{entries[at].Answer} ({i})" };
            var pack = current.Pack with { Entries = [.. entries] };
            var started = Stopwatch.GetTimestamp();
            KnowledgeIndex.Build(pack.Entries, null, previous.Index);
            index.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            previous = KnowledgeSnapshot.Build(pack, current.Version, null, previous);
            snapshot.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        index.Sort();
        snapshot.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Incremental build after one entry changed ({times} times): index median {index[times / 2]:F0} ms (min {index[0]:F0}), snapshot median {snapshot[times / 2]:F0} ms (min {snapshot[0]:F0}); {previous.Index.ReusedEntries} of {previous.Pack.Entries.Count} entries shared"));
    }

    private static bool Has(CurrentKnowledge knowledge, string answer) =>
        knowledge.Current is { } snapshot && snapshot.Pack.Entries.Any(e => e.Answer == answer);

    private static string[] Args(Dictionary<string, string?> settings) => settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();

    private static async Task WaitAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (300 * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                throw new TimeoutException("The snapshot never showed the change.");
            }

            await Task.Delay(1, cancellationToken);
        }
    }

    // A province (id 1), communes 2…57, a commune editor and a province approver; communes 2…56 get their own approved
    // version of every national entry (all in one statement), then kb_revision is bumped and NOTIFY sent.
    private static async Task SeedAsync(OutreachHost host, string connectionString, CancellationToken cancellationToken)
    {
        var national = host.Services.GetRequiredService<CurrentKnowledge>().Current!.Pack.Entries.Where(e => e.Province is null).ToList();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var units = new List<long>();
        var keys = new List<string>();
        var contents = new List<string>();
        for (var commune = 2; commune < 2 + Communes; commune++)
        {
            foreach (var e in national)
            {
                units.Add(commune);
                keys.Add(e.Id);
                contents.Add(JsonSerializer.Serialize(new KnowledgeContent
                {
                    EntryId = e.Id, Topic = e.Topic, Title = e.Title, Questions = [.. e.Questions.Reverse()], Keywords = e.Keywords,
                    Answer = $"{e.Answer} (xã {commune})",
                }, json));
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO org_units (level, name) VALUES ('tinh', 'Hội LHPN tỉnh Bench');
            INSERT INTO org_units (parent_id, level, name) SELECT 1, 'xa', 'Hội LHPN xã ' || g FROM generate_series(1, {Communes + 1}) g;
            INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash) VALUES
                ('duyet.tinh', 'Duyệt tỉnh', 1, 'approver', @hash), ('bientap.xa', 'Biên tập xã 1', 2, 'editor', @hash);
            WITH r AS (SELECT * FROM unnest(@units, @keys, @contents) AS r(unit, key, content)),
                 i AS (INSERT INTO kb_items (org_unit_id, kind, item_key, current_version, revision, created_by, created_at)
                       SELECT unit, 'entry', key, 1, 1, 2, now() FROM r RETURNING id, org_unit_id, item_key)
            INSERT INTO kb_item_versions (item_id, version, content, status, written_by, written_at, decided_by, decided_at)
            SELECT i.id, 1, r.content::jsonb, 'approved', 2, now(), 1, now() FROM i JOIN r ON r.unit = i.org_unit_id AND r.key = i.item_key;
            UPDATE kb_revision SET revision = revision + 1 WHERE id = 1;
            NOTIFY {KnowledgeItemStore.ChangedChannel};
            """,
            connection);
        command.Parameters.AddWithValue("hash", new StaffPasswords().Hash(StaffPages.Password));
        command.Parameters.AddWithValue("units", units.ToArray());
        command.Parameters.AddWithValue("keys", keys.ToArray());
        command.Parameters.AddWithValue("contents", contents.ToArray());
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
