namespace Outreach.Content.Storage;

/// <summary>
/// Writes a file so that readers see either the old file or the whole new one: the content goes to a partial file beside it,
/// which then replaces the target in one rename. A write that fails (disk full, cancelled, a crash of the writer's code)
/// deletes its partial file and leaves the target as it was.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on a partial path and moves the result to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, Func<string, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await write(partial);
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>The synchronous form of <see cref="WriteAsync(string, Func{string, Task})"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteAsync(path, partial =>
        {
            write(partial);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    private static void TryDelete(string partial)
    {
        try
        {
            File.Delete(partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the target is untouched either way.
        }
    }
}
