using System.IO.Compression;
using System.Net;
using System.Text;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Knowledge;

/// <summary>
/// Export and import in the pack's format (issue 14.4): the export of what a province's members get imports back as "nothing
/// changed"; an edited answer becomes one draft; a broken file or an unknown field is refused in Vietnamese and writes nothing.
/// </summary>
public sealed class KnowledgeSharingTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Bot.Hosting.OutreachHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        var seed = new Seed(_database);
        var province = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Lai Châu", "lai-chau", Ct);
        await seed.StaffAsync("bientap.tinh", province.Id, "editor", Ct);
        _host = await TestHost.StartAsync(_database, new Dictionary<string, string?> { ["Outreach:Scheduler:RunServer"] = "false" }, cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ExportImportsBackUnchanged_AnEditedAnswerBecomesOneDraft()
    {
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.tinh", ct: Ct);
        var (status, zip, type) = await editor.GetBytesAsync("/staff/api/knowledge/export", Ct);

        var (sameStatus, same) = await editor.PostFileAsync("/staff/api/knowledge/import", zip, "kien-thuc.zip", Ct);
        var edited = Rewrite(zip, "faq/membership.yaml", text => text.Replace("Chị hỏi chi hội trưởng nơi mình sinh hoạt nhé.", "Hội phí tỉnh: 12.000 đồng/năm.", StringComparison.Ordinal));
        var (editedStatus, changed) = await editor.PostFileAsync("/staff/api/knowledge/import", edited, "kien-thuc.zip", Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/zip", type);
        Assert.True(sameStatus == HttpStatusCode.OK, same.ToString());
        Assert.Equal(0, same.GetProperty("drafts").GetInt32());
        Assert.True(same.GetProperty("unchanged").GetInt32() > 80);
        Assert.True(editedStatus == HttpStatusCode.OK, changed.ToString());
        Assert.Equal(1, changed.GetProperty("drafts").GetInt32());
        Assert.Equal("membership-dues", await ScalarAsync("SELECT string_agg(item_key, ',') FROM kb_items"));
    }

    [Fact]
    public async Task BrokenFileOrUnknownField_RefusedInVietnamese_NothingImported()
    {
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.tinh", ct: Ct);
        var (_, zip, _) = await editor.GetBytesAsync("/staff/api/knowledge/export", Ct);
        var edited = Rewrite(zip, "faq/membership.yaml", text => text.Replace("Chị hỏi chi hội trưởng nơi mình sinh hoạt nhé.", "Đã sửa.", StringComparison.Ordinal));
        var unknown = Rewrite(edited, "faq/loan.yaml", text => text.Replace("  topic: loan", "  topic: loan\n  mau_sac: do", StringComparison.Ordinal));

        var (brokenStatus, broken) = await editor.PostFileAsync("/staff/api/knowledge/import", Encoding.UTF8.GetBytes("không phải tệp zip"), "x.zip", Ct);
        var (unknownStatus, refused) = await editor.PostFileAsync("/staff/api/knowledge/import", unknown, "kien-thuc.zip", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, brokenStatus);
        Assert.Contains("Không đọc được tệp", broken.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Contains("Tệp faq/loan.yaml", refused.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("trường 'mau_sac' không có trong định dạng gói nội dung", refused.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await ScalarAsync("SELECT string_agg(item_key, ',') FROM kb_items"));
    }

    private static byte[] Rewrite(byte[] zip, string path, Func<string, string> change)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(entry.FullName == path ? change(text) : text);
            }
        }

        return output.ToArray();
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct) as string;
    }
}
