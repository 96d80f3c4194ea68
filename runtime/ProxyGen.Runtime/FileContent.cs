using System.Net;
using System.Net.Http.Headers;

namespace ProxyGen.Runtime;

/// <summary>
/// A file to upload: a multipart file part, or a whole binary request body. The stream is read when the request is
/// sent, from its current position; the caller owns it, and ProxyGen never disposes it.
/// </summary>
public sealed class FileContent
{
    /// <summary>Wraps <paramref name="content"/>.</summary>
    /// <param name="content">The bytes to send, read from the current position.</param>
    /// <param name="fileName">The file name a multipart part carries (<c>filename="…"</c>); null sends the part's name.</param>
    /// <param name="contentType">The media type; null sends the one the spec gives, or <c>application/octet-stream</c>.</param>
    /// <exception cref="ArgumentException">The file name holds a control character, or the media type is not one.</exception>
    public FileContent(Stream content, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (fileName is not null && fileName.Any(char.IsControl))
        {
            throw new ArgumentException("A file name cannot contain a line break or another control character.", nameof(fileName));
        }

        // Parsed now, so a media type that could break the header fails here, not halfway through sending.
        ContentType = contentType is null ? null
            : MediaTypeHeaderValue.TryParse(contentType, out var parsed) && !contentType.Any(char.IsControl) ? parsed.ToString()
            : throw new ArgumentException($"'{ApiException.Printable(contentType, 100)}' is not a media type.", nameof(contentType));
        Content = content;
        FileName = fileName;
    }

    /// <summary>The bytes to send.</summary>
    public Stream Content { get; }

    /// <summary>The file name a multipart part carries, or null.</summary>
    public string? FileName { get; }

    /// <summary>The media type, or null for the spec's.</summary>
    public string? ContentType { get; }

    internal HttpContent ToContent(string? defaultContentType)
    {
        var content = new CallerStreamContent(Content);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType ?? defaultContentType ?? "application/octet-stream");
        return content;
    }

    /// <summary>Like StreamContent, but leaves the caller's stream open when the request is disposed.</summary>
    private sealed class CallerStreamContent(Stream stream) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) => SerializeToStreamAsync(target, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken cancellationToken) =>
            stream.CopyToAsync(target, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : 0;
            return stream.CanSeek;
        }
    }
}
