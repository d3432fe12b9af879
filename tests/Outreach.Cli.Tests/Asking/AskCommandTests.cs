using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Outreach.Cli.Tests.Asking;

/// <summary>The CLI as a process, as <c>./outreach ask</c> runs it.</summary>
public sealed class AskCommandTests
{
    private static async Task<BufferedCommandResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        await CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "Outreach.Cli.dll"), .. args])
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(System.Text.Encoding.UTF8, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Ask_Json_TopicEntryAndConfidence()
    {
        var result = await RunAsync(null, "ask", "--json", "số điện thoại ngôi nhà bình yên");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("answer", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("violence", json.RootElement.GetProperty("topic").GetString());
        Assert.Equal("violence-peace-house", json.RootElement.GetProperty("entry").GetString());
        Assert.InRange(json.RootElement.GetProperty("confidence").GetDouble(), 0.45, 1);
    }

    [Fact]
    public async Task Ask_Text_PrintsTheAnswer()
    {
        var result = await RunAsync(null, "ask", "tong dai bao ve tre em so may");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("111", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_InvariantGlobalizationAndDecomposedInput_StillMatches()
    {
        // In invariant mode string.Normalize does nothing, so decomposed (NFD) text would slip past NFC-based folding.
        var decomposed = "S\u00F4\u0301 \u0111ie\u0323\u0302n thoa\u0323i Ngo\u0302i nha\u0300 Bi\u0300nh ye\u0302n";
        var environment = new Dictionary<string, string?> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" };

        var result = await RunAsync(environment, "ask", "--json", decomposed);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("violence-peace-house", json.RootElement.GetProperty("entry").GetString());
    }

    [Fact]
    public async Task Ask_MissingPackFolder_OneVietnameseLineAndExitCode()
    {
        var result = await RunAsync(null, "ask", "--pack", "/nonexistent/pack", "chào em");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Không tìm thấy thư mục nội dung: /nonexistent/pack", result.StandardError.Trim());
    }

    [Fact]
    public async Task Eval_MissingFile_ClearErrorAndExitCode()
    {
        var result = await RunAsync(null, "eval", "/nonexistent/questions.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Không tìm thấy tệp", result.StandardError, StringComparison.Ordinal);
    }
}
