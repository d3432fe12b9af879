using Microsoft.Extensions.Options;
using Outreach.Content.Stats;

namespace Outreach.Content.Tests.Stats;

public sealed class ClickLinksTests
{
    private const string Key = "khoa-ky-lien-ket-thu-nghiem-0123456789";
    private const string OldKey = "khoa-cu-da-xoay-vong-thu-nghiem-9876543210";

    [Fact]
    public void LinkFor_ThenTryRead_GivesBackTheDelivery()
    {
        var links = Links();

        var link = links.LinkFor(42, 1234567)!;
        var ok = links.TryRead(Token(link), out var broadcast, out var contact);

        Assert.StartsWith("https://outreach.example/r/42-1234567-", link, StringComparison.Ordinal);
        Assert.True(ok);
        Assert.Equal((42, 1234567), (broadcast, contact));
    }

    [Fact]
    public void TryRead_AnotherMembersIdsWithThisTag_Refused()
    {
        var links = Links();
        var token = Token(links.LinkFor(42, 1000)!);
        var tag = token.Split('-', 3)[2];

        Assert.False(links.TryRead($"42-1001-{tag}", out _, out _));
        Assert.False(links.TryRead($"43-1000-{tag}", out _, out _));
    }

    [Fact]
    public void TryRead_EveryTagCharacterChanged_Refused()
    {
        var links = Links();
        var token = Token(links.LinkFor(7, 9)!);
        var prefix = "7-9-";
        var tag = token[prefix.Length..];

        for (var i = 0; i < tag.Length; i++)
        {
            var changed = tag[..i] + (tag[i] == 'A' ? 'B' : 'A') + tag[(i + 1)..];
            Assert.False(links.TryRead(prefix + changed, out _, out _), changed);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("42-1000")]
    [InlineData("-1-1000-AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("42-10 0-AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("42-1000-AAAA")]
    [InlineData("42-1000-!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("99999999999999999999-1-AAAAAAAAAAAAAAAAAAAAAA")]
    public void TryRead_Malformed_RefusedWithoutThrowing(string token) => Assert.False(Links().TryRead(token, out _, out _));

    [Fact]
    public void TryRead_SignedWithARotatedOutKey_StillAccepted_ButNotWithAnUnknownKey()
    {
        var old = Links(OldKey);
        var rotated = Links(Key, OldKey);
        var stranger = Links("mot-khoa-hoan-toan-khac-thu-nghiem-55555");
        var token = Token(old.LinkFor(5, 6)!);

        Assert.True(rotated.TryRead(token, out _, out _));
        Assert.False(Links().TryRead(token, out _, out _));
        Assert.False(stranger.TryRead(Token(Links().LinkFor(5, 6)!), out _, out _));
    }

    [Fact]
    public void LinkFor_TrackingOff_IsNull() => Assert.Null(new ClickLinks(Options.Create(new TrackingOptions())).LinkFor(1, 2));

    [Theory]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", true)]
    [InlineData("Mozilla/5.0 (Linux; Android 14) Zalo android/12", false)]
    [InlineData(null, false)]
    public void IsPreviewer_MetasCrawlerOnly(string? userAgent, bool expected) => Assert.Equal(expected, Links().IsPreviewer(userAgent));

    [Fact]
    public void Validator_PublicAddressWithoutStrongKey_FailsAtStart()
    {
        var validator = new TrackingOptionsValidator();

        var weak = validator.Validate(null, new TrackingOptions { PublicBaseUrl = new Uri("https://outreach.example"), SigningKey = "ngan" });
        var ftp = validator.Validate(null, new TrackingOptions { PublicBaseUrl = new Uri("ftp://outreach.example"), SigningKey = Key });
        var off = validator.Validate(null, new TrackingOptions());
        var good = validator.Validate(null, new TrackingOptions { PublicBaseUrl = new Uri("https://outreach.example"), SigningKey = Key });

        Assert.True(weak.Failed);
        Assert.True(ftp.Failed);
        Assert.True(off.Succeeded);
        Assert.True(good.Succeeded);
    }

    private static ClickLinks Links(string key = Key, params string[] previous)
    {
        var options = new TrackingOptions { PublicBaseUrl = new Uri("https://outreach.example/"), SigningKey = key };
        foreach (var old in previous)
        {
            options.PreviousSigningKeys.Add(old);
        }

        return new(Options.Create(options));
    }

    private static string Token(string link) => link[(link.LastIndexOf("/r/", StringComparison.Ordinal) + 3)..];
}
