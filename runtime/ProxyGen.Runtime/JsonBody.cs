using System.ComponentModel;
using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>A JSON request body: a value, the generated code that writes it, and the media type the spec gives it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonBody
{
    private protected JsonBody(string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        // Parsed now, so a media type that could break the header fails here, not halfway through sending.
        MediaType = MediaTypeHeaderValue.Parse(mediaType).MediaType!;
    }

    /// <summary>The body's media type, <c>application/json</c> or a <c>+json</c> type.</summary>
    public string MediaType { get; }

    /// <summary>A body holding <paramref name="value"/>, written by <paramref name="write"/> when the request is sent.</summary>
    public static JsonBody Create<T>(T value, JsonValueWriter<T> write, string mediaType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(write);
        return new Typed<T>(value, write, mediaType);
    }

    /// <summary>
    /// This body with its top-level member <paramref name="name"/> set to <paramref name="value"/> (replaced where it
    /// is, or added last): how a streaming method sends <c>"stream": true</c>. A body that is not an object is unchanged.
    /// </summary>
    public JsonBody With(string name, bool value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new WithMember(this, name, value);
    }

    /// <summary>Writes the body as one JSON value.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    internal HttpContent ToContent()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        return content;
    }

    private sealed class WithMember(JsonBody inner, string name, bool value) : JsonBody(inner.MediaType)
    {
        public override void WriteTo(Utf8JsonWriter writer)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var innerWriter = new Utf8JsonWriter(buffer))
            {
                inner.WriteTo(innerWriter);
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.RootElement.WriteTo(writer);
                return;
            }

            writer.WriteStartObject();
            var written = false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!property.NameEquals(name))
                {
                    property.WriteTo(writer);
                }
                else if (!written)
                {
                    writer.WriteBoolean(name, value);
                    written = true;
                }
            }

            if (!written)
            {
                writer.WriteBoolean(name, value);
            }

            writer.WriteEndObject();
        }
    }

    private sealed class Typed<T>(T value, JsonValueWriter<T> write, string mediaType) : JsonBody(mediaType)
    {
        public override void WriteTo(Utf8JsonWriter writer) => write(writer, value);
    }
}
