using System.Buffers;

namespace ProxyGen.Runtime;

/// <summary>
/// Reads response bodies into pooled buffers, never past a byte limit, so a server cannot make the client hold more than
/// the caller allowed. A connection that breaks mid-body (reset, or fewer bytes than Content-Length) is an
/// <see cref="HttpRequestException"/>, as HttpClient's own buffering reports it, never a bare <see cref="IOException"/>.
/// </summary>
internal static class BodyReader
{
    private const int FirstBufferSize = 16 * 1024;

    /// <summary>
    /// The whole body in a buffer rented from <see cref="ArrayPool{T}.Shared"/> (return it), or null when the body is
    /// larger than <paramref name="maxBytes"/> (by its Content-Length, or as it arrives).
    /// </summary>
    public static async Task<(byte[] Buffer, int Length)?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            return null;
        }

        var limit = (int)Math.Min(maxBytes, Array.MaxLength);
        var size = (int)Math.Min(content.Headers.ContentLength is { } known && known > 0 ? known + 1 : FirstBufferSize, Math.Max(1, Math.Min(limit + 1L, Array.MaxLength)));
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await ReadSomeAsync(stream, buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// At most the first <paramref name="maxBytes"/> of an error body; the rest is never read. When the connection breaks
    /// mid-body, what arrived is returned as truncated: the status the server sent still stands.
    /// </summary>
    public static async Task<(byte[] Bytes, int Length, bool Truncated)> ReadPrefixAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var size = content.Headers.ContentLength is { } declared && declared >= 0 && declared < maxBytes ? (int)declared : maxBytes;
        var buffer = new byte[Math.Max(0, size)];
        var length = 0;
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length, false);
                }

                length += read;
            }

            var more = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
            return (buffer, length, more);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return (buffer, length, true);
        }
    }

    /// <summary>One read of the body; a broken connection becomes the <see cref="HttpRequestException"/> HttpClient would throw.</summary>
    private static async ValueTask<int> ReadSomeAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended before its body was read in full: " + exception.Message, exception);
        }
    }
}
