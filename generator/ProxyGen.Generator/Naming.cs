using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ProxyGen.Generator;

/// <summary>How names in a spec become C# names.</summary>
internal static class Naming
{
    /// <summary>
    /// <c>account_sid</c> → <c>AccountSid</c>, <c>in-progress</c> → <c>InProgress</c>, <c>IsReserved</c> stays.
    /// Words are split at every character that cannot be in an identifier; the rest of each word is kept as written.
    /// Range suffixes become words: <c>StartTime&lt;</c> → <c>StartTimeBefore</c>.
    /// </summary>
    public static string Pascal(string text)
    {
        if (IsPascal(text))
        {
            return text;
        }

        // Twilio's range filters: StartTime< → StartTimeBefore, DateCreated>= → DateCreatedOnOrAfter.
        if (text.IndexOfAny(RangeSigns) >= 0)
        {
            text = text.Replace("<=", "_OnOrBefore").Replace(">=", "_OnOrAfter").Replace("<", "_Before").Replace(">", "_After");
        }

        var buffer = new char[text.Length + 1];
        var length = 1;
        var startOfWord = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            buffer[length++] = startOfWord ? char.ToUpperInvariant(c) : c;
            startOfWord = false;
        }

        if (length == 1)
        {
            return "Value";
        }

        // A leading digit gets a '_' in the slot kept free for it.
        buffer[0] = '_';
        return char.IsDigit(buffer[1]) ? new string(buffer, 0, length) : new string(buffer, 1, length - 1);
    }

    private static readonly char[] RangeSigns = ['<', '>'];

    /// <summary>True when <see cref="Pascal"/> would return <paramref name="text"/> as it is (most names it is given).</summary>
    private static bool IsPascal(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0]) || char.ToUpperInvariant(text[0]) != text[0])
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>ServiceSid</c> → <c>serviceSid</c>; C# keywords are escaped (<c>@class</c>).</summary>
    public static string Camel(string text)
    {
        var pascal = Pascal(text);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) is SyntaxKind.AwaitKeyword
            ? "@" + camel
            : camel;
    }

    /// <summary>
    /// The words of a component key: <c>proxy.v1.service.short_code</c> → [proxy, v1, service, short_code];
    /// <c>session_enum_status</c> → [session_status] (Twilio's enum infix is dropped).
    /// </summary>
    public static string[] ComponentSegments(string key) => key.Replace("_enum_", "_").Split('.');

    /// <summary>
    /// Names every component: PascalCase of its last dotted segment, lengthened with parent segments
    /// only for the keys that would otherwise collide.
    /// </summary>
    public static Dictionary<string, string> ComponentNames(IEnumerable<string> keys)
    {
        var segments = new Dictionary<string, string[]>();
        var depth = new Dictionary<string, int>();
        foreach (var key in keys)
        {
            segments[key] = ComponentSegments(key);
            depth[key] = 1;
        }

        while (true)
        {
            var byName = new Dictionary<string, List<string>>();
            foreach (var key in segments.Keys)
            {
                var name = NameAtDepth(segments[key], depth[key]);
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = new List<string>();
                }

                list.Add(key);
            }

            var lengthened = false;
            foreach (var group in byName.Values)
            {
                if (group.Count < 2)
                {
                    continue;
                }

                foreach (var key in group)
                {
                    if (depth[key] < segments[key].Length)
                    {
                        depth[key]++;
                        lengthened = true;
                    }
                }
            }

            if (!lengthened)
            {
                var names = new Dictionary<string, string>();
                foreach (var key in segments.Keys)
                {
                    names[key] = NameAtDepth(segments[key], depth[key]);
                }

                return names;
            }
        }
    }

    private static string NameAtDepth(string[] segments, int depth)
    {
        var builder = new StringBuilder();
        for (var i = segments.Length - depth; i < segments.Length; i++)
        {
            builder.Append(Pascal(segments[i]));
        }

        return builder.ToString();
    }

    /// <summary>The longest name ProxyGen generates: well inside C#'s 512, and short enough for file names.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// <paramref name="name"/> itself when it is short enough; otherwise its first characters and a hash of the whole,
    /// so two long names that start alike stay apart and the result is the same on every build.
    /// </summary>
    public static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        // FNV-1a: string.GetHashCode is randomized per process, and output must be deterministic.
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return name.Substring(0, MaxLength - 9) + "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Returns <paramref name="name"/>, or it with a number appended, so that it is not yet in <paramref name="taken"/>; records the result.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
