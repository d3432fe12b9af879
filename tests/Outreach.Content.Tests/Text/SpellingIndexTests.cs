using Outreach.Content.Text;

namespace Outreach.Content.Tests.Text;

public sealed class SpellingIndexTests
{
    private readonly SpellingIndex _index = new(new Dictionary<string, int>
    {
        ["khoi"] = 2, ["nghiep"] = 5, ["nghiem"] = 1, ["thanh"] = 3, ["thach"] = 1, ["vay"] = 4, ["von"] = 4, ["paracetamol"] = 1,
    });

    [Theory]
    [InlineData("nghiepp", "nghiep")] // extra letter
    [InlineData("ngiep", "nghiep")]   // missing letter
    [InlineData("nhgiep", "nghiep")]  // swapped letters
    [InlineData("nghiap", "nghiep")]  // wrong letter
    public void Correct_OneEdit_KnownWord(string typed, string expected)
    {
        Assert.Equal(expected, _index.Correct(typed));
    }

    [Fact]
    public void Correct_TwoCandidates_CommonerWins()
    {
        // "nghien" is one edit from both "nghiep" (5 documents) and "nghiem" (1).
        Assert.Equal("nghiep", _index.Correct("nghien"));
    }

    [Theory]
    [InlineData("ngiap")]  // two edits
    [InlineData("kho")]    // too short to guess
    [InlineData("nghiep")] // already known
    public void Correct_NothingToCorrect_Null(string typed)
    {
        Assert.Null(_index.Correct(typed));
    }

    [Fact]
    public void Correct_LongWordTwoEditsOff_ByCharacterBigrams()
    {
        Assert.Equal("paracetamol", _index.Correct("paracetanoll"));  // two edits: no one-edit neighbour
        Assert.Equal("paracetamol", _index.Correct("parracetamoll"));
    }

    [Fact]
    public void Split_TwoSyllablesTypedAsOne_TheTwoWords()
    {
        Assert.Equal(("vay", "von"), _index.Split("vayvon"));
        Assert.Null(_index.Split("vayxyz"));
    }
}
