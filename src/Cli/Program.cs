using System.CommandLine;
using System.Text;
using Outreach.Cli.Asking;
using Outreach.Cli.Evaluation;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
var root = new RootCommand("Outreach: hỏi thử trợ lý và đánh giá câu trả lời")
{
    AskCommand.Create(),
    EvalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
