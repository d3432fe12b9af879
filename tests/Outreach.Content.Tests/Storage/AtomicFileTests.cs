using Outreach.Content.Storage;

namespace Outreach.Content.Tests.Storage;

/// <summary>A file written through <see cref="AtomicFile"/> is the old one or the whole new one, and a failed write leaves no partial file.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outreach-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Write_ReplacesTheTargetWhole()
    {
        var path = Path.Combine(_folder, "model.zip");
        await File.WriteAllTextAsync(path, "cũ", TestContext.Current.CancellationToken);

        await AtomicFile.WriteAsync(path, partial => File.WriteAllTextAsync(partial, "mới", TestContext.Current.CancellationToken));

        Assert.Equal("mới", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task FailedWrite_KeepsTheTargetAndLeavesNoPartialFile()
    {
        var path = Path.Combine(_folder, "model.zip");
        await File.WriteAllTextAsync(path, "cũ", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, async partial =>
        {
            await File.WriteAllTextAsync(partial, "một nửa", TestContext.Current.CancellationToken);
            throw new IOException("No space left on device");
        }));

        Assert.Equal("cũ", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void FailedSynchronousWrite_OfANewFile_LeavesNothing()
    {
        var path = Path.Combine(_folder, "image.jpg");

        Assert.Throws<InvalidDataException>(() => AtomicFile.Write(path, partial =>
        {
            File.WriteAllBytes(partial, [1, 2, 3]);
            throw new InvalidDataException("bad model");
        }));

        Assert.Empty(Directory.GetFiles(_folder));
    }
}
