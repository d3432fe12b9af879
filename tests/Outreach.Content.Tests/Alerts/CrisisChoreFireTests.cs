using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// A fire that starts from a chore (cooking, burning straw) and spreads is a fire (114 first), found on the lead's walk of
/// round 16: "lan ra" (spreads) typed like "lăn ra" (collapsed) had put 115 first, and "đốt rơm sau nhà" matched the
/// threat "đốt * * nhà" (113). A chore with no fire spreading stays quiet, and a real collapse or threat keeps its number.
/// </summary>
public sealed class CrisisChoreFireTests
{
    [Theory]
    [InlineData("dang nau an thi lua ben len rem cua, chay lan ra ca gian bep roi chi oi", "114")]
    [InlineData("lửa bén lên rèm cửa, cháy lan ra cả gian bếp rồi chị ơi", "114")]
    [InlineData("mẹ em đốt rơm sau nhà, lửa lan sang đống củi sát vách, khói đen kịt", "114")]
    [InlineData("Đang nướng cá ngoài hiên, gió thổi tàn lửa bén vào mái lá, cháy lan sang nhà bên rồi", "114")]
    [InlineData("mẹ em đang ăn cơm tự nhiên lăn ra, gọi không dậy", "115")]
    [InlineData("me em dang an com tu nhien lan ra bat tinh", "115")]
    [InlineData("thằng đó dọa đốt cả cái nhà em tối nay", "113")]
    public async Task RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("lan ra cả")]
    [InlineData("dịch sốt xuất huyết lan ra cả xóm rồi, có đợt phun thuốc không chị")]
    [InlineData("mẹ em hay đốt rơm sau nhà, khói bay sang nhà hàng xóm, có bị phạt không")]
    [InlineData("nồi cơm bị khét quá chị ơi, có cách nào khử mùi không")]
    public async Task Everyday_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
