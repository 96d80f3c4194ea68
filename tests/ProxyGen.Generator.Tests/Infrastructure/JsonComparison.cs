using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProxyGen.Generator.Tests.Infrastructure;

/// <summary>How a value written back compares with the one read.</summary>
internal enum JsonAgreement
{
    /// <summary>Every member is there with the same text (member order aside).</summary>
    Exact,

    /// <summary>Every member is there with the same value, some in another text form (a date-time's offset spelled differently, <c>1.0</c> as <c>1</c>).</summary>
    SameValue,

    /// <summary>A value differs, or a member was added.</summary>
    Changed,

    /// <summary>A member the original had is missing.</summary>
    Lost,
}

/// <summary>Compares JSON semantically: objects as unordered members, numbers by value, date-times by instant.</summary>
internal static class JsonComparison
{
    public static (JsonAgreement Agreement, string? Difference) Compare(JsonNode? expected, JsonNode? actual)
    {
        var state = new State();
        Walk(expected, actual, "$", state);
        return (state.Agreement, state.Difference);
    }

    private sealed class State
    {
        public JsonAgreement Agreement = JsonAgreement.Exact;
        public string? Difference;

        public void Note(JsonAgreement agreement, string difference)
        {
            if (agreement > Agreement)
            {
                Agreement = agreement;
                Difference = difference;
            }
            else if (Difference is null && agreement == Agreement && agreement != JsonAgreement.Exact)
            {
                Difference = difference;
            }
        }
    }

    private static void Walk(JsonNode? expected, JsonNode? actual, string path, State state)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    state.Note(JsonAgreement.Changed, $"{path}: null became {actual.ToJsonString()}");
                }

                return;
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var written))
                    {
                        state.Note(JsonAgreement.Lost, $"{path}.{name} ({Short(value)}) was not written back");
                        continue;
                    }

                    Walk(value, written, path + "." + name, state);
                }

                foreach (var (name, value) in actualObject)
                {
                    if (!expectedObject.ContainsKey(name))
                    {
                        state.Note(JsonAgreement.Changed, $"{path}.{name} was added ({Short(value)})");
                    }
                }

                return;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    state.Note(expectedArray.Count > actualArray.Count ? JsonAgreement.Lost : JsonAgreement.Changed, $"{path}: {expectedArray.Count} items became {actualArray.Count}");
                    return;
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Walk(expectedArray[i], actualArray[i], $"{path}[{i}]", state);
                }

                return;
            case JsonValue expectedValue when actual is JsonValue actualValue:
                CompareValues(expectedValue, actualValue, path, state);
                return;
            default:
                state.Note(actual is null ? JsonAgreement.Lost : JsonAgreement.Changed, $"{path}: {Short(expected)} became {Short(actual)}");
                return;
        }
    }

    private static void CompareValues(JsonValue expected, JsonValue actual, string path, State state)
    {
        var expectedKind = expected.GetValueKind();
        var actualKind = actual.GetValueKind();
        var expectedText = expected.ToJsonString();
        var actualText = actual.ToJsonString();
        if (expectedKind == actualKind && expectedText == actualText)
        {
            return;
        }

        if (expectedKind == JsonValueKind.Number && actualKind == JsonValueKind.Number && SameNumber(expectedText, actualText))
        {
            state.Note(JsonAgreement.SameValue, $"{path}: {expectedText} written as {actualText}");
            return;
        }

        if (expectedKind == JsonValueKind.String && actualKind == JsonValueKind.String
            && SameInstant(expected.GetValue<string>(), actual.GetValue<string>()))
        {
            state.Note(JsonAgreement.SameValue, $"{path}: {expectedText} written as {actualText}");
            return;
        }

        state.Note(JsonAgreement.Changed, $"{path}: {Short(expected)} became {Short(actual)}");
    }

    private static bool SameNumber(string a, string b) =>
        decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x == y
            : double.Parse(a, CultureInfo.InvariantCulture) == double.Parse(b, CultureInfo.InvariantCulture);

    private static bool SameInstant(string a, string b) =>
        DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var x)
        && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var y)
        && x == y && LooksLikeDate(a) && LooksLikeDate(b);

    /// <summary>Only text with a year in it is taken for a date: "1" or "1.5" parse as dates too.</summary>
    private static bool LooksLikeDate(string text) => text.Length >= 8 && text.Count(char.IsDigit) >= 6;

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
