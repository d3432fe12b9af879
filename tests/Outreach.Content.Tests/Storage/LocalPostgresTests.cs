using Npgsql;
using Outreach.Content.Storage;

namespace Outreach.Content.Tests.Storage;

public sealed class LocalPostgresTests
{
    [Fact]
    public async Task StartAsync_SecondStartOnSameFolder_AdoptsRunningCluster()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "outreach-pg-" + Guid.NewGuid().ToString("N")[..12]);
        await using var first = await LocalPostgres.StartAsync(new LocalPostgresOptions(root, Ephemeral: true), ct);

        var second = await LocalPostgres.StartAsync(new LocalPostgresOptions(root, Ephemeral: true), ct);

        Assert.Equal(first.Port, second.Port);
        var connectionString = await second.EnsureDatabaseAsync("outreach", ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        Assert.Equal("outreach", connection.Database);
    }

    [Fact]
    public async Task DisposeAsync_Ephemeral_StopsServerAndDeletesFolder()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "outreach-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions(root, Ephemeral: true), ct);
        var connectionString = cluster.ConnectionString;

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(root));
        await using var connection = new NpgsqlConnection(connectionString + ";Timeout=2");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync(ct));
    }

    [Fact]
    public async Task CleanUpAbandonedAsync_OwnerProcessGone_StopsAndRemovesCluster()
    {
        var ct = TestContext.Current.CancellationToken;
        var parent = Directory.CreateTempSubdirectory("outreach-cleanup-").FullName;
        // As root the cluster runs as another OS user, which must be able to reach the folder.
        File.SetUnixFileMode(parent, (UnixFileMode)0b111_101_101);
        var root = Path.Combine(parent, "outreach-pg-abandoned");
        var cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions(root, Ephemeral: true), ct);
        // A pid that cannot belong to a live process: the owner died without cleaning up.
        await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);

        await LocalPostgres.CleanUpAbandonedAsync(parent, "outreach-pg-", ct);

        Assert.False(Directory.Exists(root));
        await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Timeout=2");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync(ct));
        Directory.Delete(parent, recursive: true);
    }

    [Fact]
    public async Task CleanUpAbandonedAsync_FolderWithoutOwner_IsKeptWhileNewAndRemovedOnceOld()
    {
        var ct = TestContext.Current.CancellationToken;
        var parent = Directory.CreateTempSubdirectory("outreach-cleanup-").FullName;
        var starting = Directory.CreateDirectory(Path.Combine(parent, "outreach-pg-starting")).FullName;
        var leftOver = Directory.CreateDirectory(Path.Combine(parent, "outreach-pg-left-over")).FullName;
        Directory.SetLastWriteTimeUtc(leftOver, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1));

        await LocalPostgres.CleanUpAbandonedAsync(parent, "outreach-pg-", ct);

        Assert.True(Directory.Exists(starting), "a parallel run's cluster folder, created a moment ago, was removed before it was claimed");
        Assert.False(Directory.Exists(leftOver));
        Directory.Delete(parent, recursive: true);
    }

    [Fact]
    public async Task CleanUpAbandonedAsync_OwnerFileNotReadableYet_IsKeptWhileNewAndRemovedOnceOld()
    {
        var ct = TestContext.Current.CancellationToken;
        var parent = Directory.CreateTempSubdirectory("outreach-cleanup-").FullName;
        // An owner file caught empty (its writer between creating and filling it) says nothing about who owns the folder.
        var claiming = Directory.CreateDirectory(Path.Combine(parent, "outreach-pg-claiming")).FullName;
        await File.WriteAllTextAsync(Path.Combine(claiming, "owner.pid"), "", ct);
        var leftOver = Directory.CreateDirectory(Path.Combine(parent, "outreach-pg-left-over")).FullName;
        await File.WriteAllTextAsync(Path.Combine(leftOver, "owner.pid"), "", ct);
        Directory.SetLastWriteTimeUtc(leftOver, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1));

        await LocalPostgres.CleanUpAbandonedAsync(parent, "outreach-pg-", ct);

        Assert.True(Directory.Exists(claiming), "a parallel run's cluster folder, being claimed a moment ago, was removed");
        Assert.False(Directory.Exists(leftOver));
        Directory.Delete(parent, recursive: true);
    }
}
