using System.Security.Cryptography;
using Dapper;
using Npgsql;
using Outreach.Content.Storage;

namespace Outreach.Content.Publishing;

/// <summary>
/// The images of posts: bytes in PostgreSQL, or in <c>folder</c> on disk (named by their SHA-256) when a folder is configured.
/// The content is checked before it gets here (PostImageCheck in the host); this only stores and reads.
/// </summary>
public sealed class PostImageStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Stores a checked image; with <paramref name="folder"/> the bytes go to a file there and the row keeps its path.</summary>
    public async Task<PostImage> SaveAsync(
        byte[] bytes, string contentType, int width, int height, long uploadedBy, string? folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string? path = null;
        if (!string.IsNullOrWhiteSpace(folder))
        {
            Directory.CreateDirectory(folder);
            path = Path.GetFullPath(Path.Combine(folder, sha + (contentType == "image/png" ? ".png" : ".jpg")));
            if (!File.Exists(path))
            {
                await AtomicFile.WriteAsync(path, partial => File.WriteAllBytesAsync(partial, bytes, cancellationToken));
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO post_images (content_type, byte_size, width, height, sha256, data, disk_path, uploaded_by, uploaded_at)
            VALUES (@contentType, @size, @width, @height, @sha, @data, @path, @uploadedBy, @now) RETURNING id
            """,
            new { contentType, size = bytes.Length, width, height, sha, data = path is null ? bytes : null, path, uploadedBy, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        return new PostImage(id, contentType, bytes.Length, width, height, sha);
    }

    public async Task<PostImage?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PostImage>(new CommandDefinition(
            "SELECT id, content_type AS contenttype, byte_size AS bytesize, width, height, sha256 FROM post_images WHERE id = @id",
            new { id },
            cancellationToken: cancellationToken));
    }

    /// <summary>The image's bytes, from the database or its file; null when the row or the file is gone.</summary>
    public async Task<byte[]?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(byte[]? Data, string? Path)>(new CommandDefinition(
            "SELECT data, disk_path FROM post_images WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row.Data ?? (row.Path is { } path && File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null);
    }
}

/// <summary>A stored image's facts (never its bytes).</summary>
public sealed record PostImage(long Id, string ContentType, int ByteSize, int Width, int Height, string Sha256);
