using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ProxyGen.Generator.Drift;

/// <summary>What a line of an API baseline declares.</summary>
internal enum SurfaceKind
{
    /// <summary>A generated type: <c>class ShortCode [#/components/schemas/…]</c>, <c>enum …</c>, <c>union …</c>, <c>request …</c>.</summary>
    Type,

    /// <summary>A property, request field or enum value: <c>ShortCode.Sid: string? [json sid]</c>, <c>Status.Open [open]</c>.</summary>
    Member,

    /// <summary>A client method: <c>ProxyV1Client.UpdateShortCodeAsync(…) -> System.Threading.Tasks.Task&lt;ShortCode&gt; [POST /v1/…]</c>.</summary>
    Method,
}

/// <summary>
/// One line of an API baseline (<c>proxy_v1.api.txt</c>): one member of the generated public surface, keyed by its
/// C# name. The line is what the file holds; the parts are what the drift check and the stubs of removed members read.
/// </summary>
/// <param name="Key">The C# name: <c>ShortCode</c>, <c>ShortCode.Sid</c>, <c>ProxyV1Client.UpdateShortCodeAsync</c>.</param>
/// <param name="TypeKeyword">For a type: <c>class</c>, <c>enum</c>, <c>union</c> or <c>request</c>.</param>
/// <param name="Type">For a property or field: its C# type (without <c>global::</c>); for a method: its return type; for a class: its base.</param>
/// <param name="Required">For a request field: whether the request must set it.</param>
/// <param name="Parameters">For a method: its parameters before the cancellation token, as C# writes them.</param>
/// <param name="Where">Where it comes from: a pointer (types), <c>json sid</c> / <c>form IsReserved</c> (members), the enum value, or <c>POST /path</c> (methods).</param>
/// <param name="Deprecated">The spec marks it deprecated.</param>
internal sealed record SurfaceEntry(
    SurfaceKind Kind,
    string Key,
    string? TypeKeyword,
    string? Type,
    bool Required,
    string? Parameters,
    string Where,
    bool Deprecated)
{
    private const string DeprecatedMark = " [deprecated]";

    private static readonly Regex TypeLine = new(@"^(?<keyword>class|enum|union|request) (?<name>[\w@]+)(?: : (?<base>[\w@]+))? \[(?<where>[^\]]*)\]$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex MethodLine = new(@"^(?<key>[\w@]+\.[\w@]+)\((?<parameters>.*)\) -> (?<type>.+) \[(?<where>[^\]]*)\]$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex MemberLine = new(@"^(?<key>[\w@]+\.[\w@]+)(?:: (?<required>required )?(?<type>.+?))? \[(?<where>[^\]]*)\]$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The owning type of a member or method (<c>ShortCode</c> of <c>ShortCode.Sid</c>); the type itself for a type.</summary>
    public string Owner => Kind == SurfaceKind.Type ? Key : Key.Substring(0, Key.IndexOf('.'));

    /// <summary>The member's own name (<c>Sid</c>, <c>UpdateShortCodeAsync</c>).</summary>
    public string Name => Kind == SurfaceKind.Type ? Key : Key.Substring(Key.IndexOf('.') + 1);

    /// <summary>For a method: the HTTP method and path (<c>POST /v1/Services/{ServiceSid}</c>).</summary>
    public string Operation => Where;

    /// <summary>The baseline line.</summary>
    public string Line
    {
        get
        {
            var line = Kind switch
            {
                SurfaceKind.Type => $"{TypeKeyword} {Key}{(Type is null ? string.Empty : " : " + Type)} [{Where}]",
                SurfaceKind.Method => $"{Key}({Parameters}) -> {Type} [{Where}]",
                _ => Type is null ? $"{Key} [{Where}]" : $"{Key}: {(Required ? "required " : string.Empty)}{Type} [{Where}]",
            };
            return Deprecated ? line + DeprecatedMark : line;
        }
    }

    /// <summary>Reads one baseline line; null for a line that is not one (a comment, a blank line, a hand edit gone wrong).</summary>
    public static SurfaceEntry? Parse(string line)
    {
        line = line.Trim();
        var deprecated = line.EndsWith(DeprecatedMark, StringComparison.Ordinal);
        if (deprecated)
        {
            line = line.Substring(0, line.Length - DeprecatedMark.Length);
        }

        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        if (TypeLine.Match(line) is { Success: true } type)
        {
            return new SurfaceEntry(SurfaceKind.Type, type.Groups["name"].Value, type.Groups["keyword"].Value, type.Groups["base"].Success ? type.Groups["base"].Value : null, false, null, type.Groups["where"].Value, deprecated);
        }

        if (MethodLine.Match(line) is { Success: true } method)
        {
            return new SurfaceEntry(SurfaceKind.Method, method.Groups["key"].Value, null, method.Groups["type"].Value, false, method.Groups["parameters"].Value, method.Groups["where"].Value, deprecated);
        }

        if (MemberLine.Match(line) is { Success: true } member)
        {
            return new SurfaceEntry(SurfaceKind.Member, member.Groups["key"].Value, null, member.Groups["type"].Success ? member.Groups["type"].Value : null, member.Groups["required"].Success, null, member.Groups["where"].Value, deprecated);
        }

        return null;
    }

    /// <summary>Orders a baseline: by key, so that a type's line comes just before its members' (ordinal, so every machine agrees).</summary>
    public static readonly IComparer<SurfaceEntry> ByKey = Comparer<SurfaceEntry>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key));
}
