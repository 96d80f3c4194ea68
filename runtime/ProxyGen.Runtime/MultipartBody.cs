using System.ComponentModel;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// A <c>multipart/form-data</c> body, one part per field in the order added: text fields, JSON fields and files, each
/// with its media type (the spec's <c>encoding.contentType</c>, or OpenAPI's default for its kind). Null is not sent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MultipartBody
{
    private readonly List<(string Name, HttpContent? Text, FileContent? File, string? ContentType)> _parts = new();

    /// <summary>Adds a text part (<c>text/plain</c> unless <paramref name="contentType"/> says otherwise); null is not sent.</summary>
    public void Add(string name, string? value, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is not null)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "text/plain; charset=utf-8");
            _parts.Add((name, content, null, null));
        }
    }

    /// <summary>Adds a JSON part (<c>application/json</c> unless <paramref name="contentType"/> says otherwise); null is not sent.</summary>
    public void AddJson(string name, JsonElement? value, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is { } element)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                element.WriteTo(writer);
            }

            var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
            _parts.Add((name, content, null, null));
        }
    }

    /// <summary>
    /// Adds a file part; its media type is the file's own, else <paramref name="contentType"/> (the spec's), else
    /// <c>application/octet-stream</c>. Null is not sent.
    /// </summary>
    public void Add(string name, FileContent? file, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (file is not null)
        {
            _parts.Add((name, null, file, contentType));
        }
    }

    /// <summary>Adds one file part per file, each under <paramref name="name"/>; a null list sends none.</summary>
    public void AddEach(string name, IEnumerable<FileContent>? files, string? contentType = null)
    {
        foreach (var file in files ?? [])
        {
            Add(name, file, contentType);
        }
    }

    /// <summary>Adds one text part per item, each under <paramref name="name"/>; null items and a null list send none.</summary>
    public void AddEach<T>(string name, IEnumerable<T>? values, Func<T, string?> format, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        foreach (var value in values ?? [])
        {
            Add(name, format(value), contentType);
        }
    }

    internal HttpContent ToContent()
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, text, file, contentType) in _parts)
        {
            // Names are escaped as the HTML standard's multipart/form-data encoding does (" as %22); a file name also goes
            // as filename* (RFC 6266), exactly, which servers prefer: non-ASCII and quotes arrive intact.
            if (file is null)
            {
                content.Add(text!, Escaped(name));
            }
            else
            {
                var part = file.ToContent(contentType);
                var fileName = file.FileName ?? name;
                content.Add(part, Escaped(name), Escaped(fileName));
                part.Headers.ContentDisposition!.FileNameStar = fileName;
            }
        }

        return content;
    }

    private static string Escaped(string name) => name.Any(char.IsControl)
        ? throw new ArgumentException($"A multipart part name cannot contain a line break or another control character: '{ApiException.Printable(name, 100)}'.")
        : name.Replace("\"", "%22");
}
