using Outreach.Content.Tests.UnitTree;
using Outreach.Content.UnitMatching;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitMatching;

public sealed class JoinCodeLookupTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TreeWorld _world = null!;
    private JoinCodeLookup _lookup = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _world = await TreeWorld.CreateAsync(_database, Ct);
        _lookup = new JoinCodeLookup(_database.DataSource, _world.Store);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task FindAsync_TheCodeAsTyped_FindsTheUnit()
    {
        var code = _world.CommuneA.JoinCode;

        var match = await _lookup.FindAsync($"mã {code[..3]} {code[3..]}", _world.Province.Id, 3, Ct);

        Assert.Equal(_world.CommuneA.Id, match.Unit!.Id);
        Assert.Empty(match.Suggestions);
    }

    [Fact]
    public async Task FindAsync_OneDigitWrongOrSwappedOrMissing_OffersTheUnitAsTheNearest()
    {
        var code = _world.ChiHoiA1.JoinCode;
        var wrong = code[..2] + (code[2] == '9' ? '0' : (char)(code[2] + 1)) + code[3..];
        var swapped = code[..3] + code[4] + code[3] + code[5..];

        foreach (var typo in new[] { wrong, code[..5], code[4] == code[3] ? wrong : swapped })
        {
            var match = await _lookup.FindAsync(typo, null, 3, Ct);

            Assert.Null(match.Unit);
            Assert.Contains(match.Suggestions, s => s.Unit.Id == _world.ChiHoiA1.Id && s.Edits == 1);
        }
    }

    [Fact]
    public async Task FindAsync_MergedUnitsCode_LeadsToTheSurvivor_AndDeactivatedUnitsAreNotSuggested()
    {
        await _world.Store.MergeAsync(_world.Admin, _world.CommuneB.Id, _world.CommuneA.Id, Ct);
        await _world.Store.DeactivateAsync(_world.Admin, _world.ChiHoiA1.Id, Ct);

        var merged = await _lookup.FindAsync(_world.CommuneB.JoinCode, null, 3, Ct);
        var typo = await _lookup.FindAsync(_world.ChiHoiA1.JoinCode[..5], null, 3, Ct);

        Assert.Equal(_world.CommuneA.Id, merged.Unit!.Id);
        Assert.DoesNotContain(typo.Suggestions, s => s.Unit.Id == _world.ChiHoiA1.Id);
    }

    [Fact]
    public async Task FindAsync_ScopedToAProvince_DoesNotSuggestAnotherProvincesUnits()
    {
        var typo = _world.OtherProvince.JoinCode[..5];

        var match = await _lookup.FindAsync(typo, _world.Province.Id, 3, Ct);

        Assert.DoesNotContain(match.Suggestions, s => s.Unit.Id == _world.OtherProvince.Id);
        Assert.Same(JoinCodeMatch.None, await _lookup.FindAsync("chào chị", null, 3, Ct));
    }
}
