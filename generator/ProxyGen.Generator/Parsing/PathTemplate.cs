using System.Collections.Generic;
using System.Text;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// A path such as <c>/v1/Services/{ServiceSid}</c>, split once into literal text and parameter names, so the emitters
/// never re-parse it. Literal text is percent-encoded where RFC 3986 does not allow it raw, so a space, <c>?</c> or
/// <c>#</c> written in a spec's path stays in the path.
/// </summary>
internal sealed class PathTemplate
{
    private PathTemplate(List<PathPart> parts, string? problem)
    {
        Parts = parts.ToEquatableArray();
        Problem = problem;
    }

    public EquatableArray<PathPart> Parts { get; }

    /// <summary>Why the path cannot be used, as the end of a sentence; null when it can.</summary>
    public string? Problem { get; }

    public static PathTemplate Parse(string path)
    {
        var parts = new List<PathPart>();
        if (!path.StartsWith("/", System.StringComparison.Ordinal))
        {
            return new PathTemplate(parts, "does not start with '/'");
        }

        var literal = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '}')
            {
                return new PathTemplate(parts, $"has a '}}' with no '{{' before it (at character {i + 1})");
            }

            if (c != '{')
            {
                i += AppendLiteral(literal, path, i) - 1;
                continue;
            }

            var close = path.IndexOf('}', i + 1);
            var nested = path.IndexOf('{', i + 1);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                return new PathTemplate(parts, $"has a '{{' that is not closed (at character {i + 1})");
            }

            var name = path.Substring(i + 1, close - i - 1);
            if (name.Trim().Length == 0)
            {
                return new PathTemplate(parts, $"has a parameter with no name (at character {i + 1})");
            }

            if (literal.Length > 0)
            {
                parts.Add(new PathPart(literal.ToString(), IsParameter: false));
                literal.Clear();
            }

            parts.Add(new PathPart(name, IsParameter: true));
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add(new PathPart(literal.ToString(), IsParameter: false));
        }

        return new PathTemplate(parts, null);
    }

    /// <summary>Keeps what a path segment may hold (RFC 3986 pchar, '/' and existing %XX escapes); encodes the rest.</summary>
    /// <returns>How many characters of <paramref name="path"/> were used.</returns>
    private static int AppendLiteral(StringBuilder literal, string path, int index)
    {
        var c = path[index];
        var isEscape = c == '%' && index + 2 < path.Length && IsHex(path[index + 1]) && IsHex(path[index + 2]);
        if (isEscape || (c < 128 && (char.IsLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".IndexOf(c) >= 0)))
        {
            literal.Append(c);
            return 1;
        }

        var end = char.IsHighSurrogate(c) && index + 1 < path.Length ? 2 : 1;
        foreach (var b in Encoding.UTF8.GetBytes(path.Substring(index, end)))
        {
            literal.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return end;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
