using System.Text;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// The JSON path (<c>$.data[2].price</c>) of the token at a byte offset, found by reading the document again up to
/// it: a reader that failed needs no bookkeeping while it succeeds, and the caller still learns where it failed.
/// </summary>
internal static class JsonPath
{
    /// <summary>The path of the value whose token starts at <paramref name="offset"/>; for an object's end, the object's path.</summary>
    public static string At(ReadOnlySpan<byte> json, long offset, JsonReaderOptions options)
    {
        var segments = new List<string>();
        var isArray = new List<bool>();
        var indexes = new List<int>();
        string? pendingName = null;
        var reader = new Utf8JsonReader(json, options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingName = reader.GetString();
                    continue;
                }

                var atTarget = reader.TokenStartIndex >= offset;
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    if (atTarget || segments.Count == 0)
                    {
                        break;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    isArray.RemoveAt(isArray.Count - 1);
                    indexes.RemoveAt(indexes.Count - 1);
                    continue;
                }

                // A value: it is named by the member before it, or numbered within its array.
                var segment = Segment(pendingName, isArray, indexes);
                pendingName = null;
                if (atTarget)
                {
                    if (segment is not null)
                    {
                        segments.Add(segment);
                    }

                    break;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    segments.Add(segment ?? string.Empty);
                    isArray.Add(reader.TokenType == JsonTokenType.StartArray);
                    indexes.Add(-1);
                }
            }
        }
        catch (JsonException)
        {
            // The document is broken here: the path so far is the best there is.
        }

        var path = new StringBuilder("$");
        foreach (var segment in segments)
        {
            path.Append(segment);
        }

        return path.ToString();
    }

    /// <summary>The path of member <paramref name="name"/> of the object at <paramref name="objectPath"/>.</summary>
    public static string Member(string objectPath, string name) => objectPath + Name(name);

    private static string? Segment(string? pendingName, List<bool> isArray, List<int> indexes)
    {
        if (pendingName is not null)
        {
            return Name(pendingName);
        }

        if (isArray.Count > 0 && isArray[^1])
        {
            indexes[^1]++;
            return "[" + indexes[^1].ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        }

        return null;
    }

    private static string Name(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }

        return name.Length == 0 ? "['']" : "." + name;
    }
}
