using System.Text;
using System.Text.Json;
using ProxyGen.Runtime;

namespace ProxyGen.Client.Tests;

/// <summary>Reads and writes one value with a generated reader and writer, as text: what the JSON tests compare.</summary>
internal static class JsonText
{
    internal static T Read<T>(string json, JsonValueReader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    internal static string Write<T>(T value, JsonValueWriter<T> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
