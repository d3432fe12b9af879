using System.CommandLine;
using System.Text;
using Outreach.Cli.Asking;
using Outreach.Cli.Evaluation;
using Outreach.Content.ContentPacks;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
var root = new RootCommand("Outreach: hỏi thử trợ lý và đánh giá câu trả lời")
{
    AskCommand.Create(),
    EvalCommand.Create(),
    CrisisLearningCommands.Data(),
    CrisisLearningCommands.Eval(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is ContentPackException or InvalidDataException)
{
    // A bad pack or eval file: one Vietnamese line naming the file and the line, no stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
