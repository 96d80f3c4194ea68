using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ProxyGen.Generator.Model;

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

/// <summary>The kind of a generated type, as a baseline names it.</summary>
internal enum SurfaceTypeKind
{
    /// <summary>A model (<c>class</c>).</summary>
    Class,

    /// <summary>An open enum (<c>enum</c>).</summary>
    Enum,

    /// <summary>A oneOf/anyOf (<c>union</c>).</summary>
    Union,

    /// <summary>An operation's request class (<c>request</c>).</summary>
    Request,
}

/// <summary>Where a member travels: a model's JSON member, a request field's place, or an enum's value.</summary>
internal enum MemberLocation
{
    Json,
    Query,
    Header,
    Cookie,
    Form,
    Multipart,
    EnumValue,
}

/// <summary>A member's origin: <c>json sid</c>, <c>form IsReserved</c>, or an enum value as the wire writes it.</summary>
internal sealed record MemberOrigin(MemberLocation Location, string Name)
{
    public string Text => Location == MemberLocation.EnumValue ? Name : Word(Location) + " " + Name;

    /// <summary>A request field's origin: where it travels, under its wire name.</summary>
    public static MemberOrigin Of(FieldLocation location, string wireName) => new(location switch
    {
        FieldLocation.Query => MemberLocation.Query,
        FieldLocation.Header => MemberLocation.Header,
        FieldLocation.Cookie => MemberLocation.Cookie,
        FieldLocation.Form => MemberLocation.Form,
        _ => MemberLocation.Multipart,
    }, wireName);

    /// <summary>Reads <c>json sid</c>, <c>form IsReserved</c>; anything else is an enum value as written.</summary>
    public static MemberOrigin Parse(string text, bool ownerIsEnum)
    {
        var space = text.IndexOf(' ');
        var word = space > 0 && !ownerIsEnum ? text.Substring(0, space) : null;
        foreach (var location in Locations)
        {
            if (word == Word(location))
            {
                return new MemberOrigin(location, text.Substring(space + 1));
            }
        }

        return new MemberOrigin(MemberLocation.EnumValue, text);
    }

    private static readonly MemberLocation[] Locations =
        [MemberLocation.Json, MemberLocation.Query, MemberLocation.Header, MemberLocation.Cookie, MemberLocation.Form, MemberLocation.Multipart];

    private static string Word(MemberLocation location) => location.ToString().ToLowerInvariant();
}

/// <summary>An operation's HTTP method and path template (<c>POST /v1/Services/{ServiceSid}</c>).</summary>
internal sealed record Endpoint(string HttpMethod, string Path)
{
    public string Text => HttpMethod + " " + Path;
}

/// <summary>What a method parameter is: a path argument, the JSON or binary body, or the request class.</summary>
internal enum ParameterRole
{
    Path,
    Body,
    Request,
}

/// <summary>One parameter of a client method as the baseline records it.</summary>
/// <param name="Type">Its type in <see cref="SurfaceTypes"/>' spelling.</param>
/// <param name="Optional">It has a default (<c>= null</c>).</param>
internal sealed record SurfaceParameter(ParameterRole Role, string Name, string Type, bool Optional)
{
    public string Text => $"{Type} {Name}" + (Optional ? " = null" : string.Empty);

    /// <summary>
    /// True when a caller's code that compiled against <paramref name="other"/> compiles against this too, for what the
    /// parameter itself says: whether the request argument is mandatory follows from its fields (reported for the
    /// field), and an optional body loses its default before a mandatory request (CS1737), so neither counts here.
    /// </summary>
    public bool SameAs(SurfaceParameter other) =>
        Role == other.Role && Name == other.Name
        && (Role == ParameterRole.Request ? Type.TrimEnd('?') == other.Type.TrimEnd('?') : Type == other.Type)
        && (Role != ParameterRole.Path || Optional == other.Optional);
}

/// <summary>
/// One line of an API baseline (<c>proxy_v1.api.txt</c>): one member of the generated public surface, keyed by its
/// C# name. The parts are typed; <see cref="Line"/> is what the file holds.
/// </summary>
/// <param name="Key">The C# name: <c>ShortCode</c>, <c>ShortCode.Sid</c>, <c>ProxyV1Client.UpdateShortCodeAsync</c>.</param>
/// <param name="TypeKind">For a type: what kind of type it is.</param>
/// <param name="Type">For a property or field: its C# type; for a method: its return type; for a class: its base.</param>
/// <param name="Required">For a request field: whether the request must set it.</param>
/// <param name="Parameters">For a method: its parameters before the cancellation token.</param>
/// <param name="Pointers">For a model, enum or union: where the spec declares its schema (several for merged inline objects).</param>
/// <param name="OperationId">For a request class: its operation.</param>
/// <param name="Member">For a member: where it travels.</param>
/// <param name="Endpoint">For a method: its HTTP method and path.</param>
/// <param name="Deprecated">The spec marks it deprecated.</param>
internal sealed record SurfaceEntry(
    SurfaceKind Kind,
    string Key,
    SurfaceTypeKind? TypeKind = null,
    string? Type = null,
    bool Required = false,
    EquatableArray<SurfaceParameter> Parameters = default,
    EquatableArray<string> Pointers = default,
    string? OperationId = null,
    MemberOrigin? Member = null,
    Endpoint? Endpoint = null,
    bool Deprecated = false)
{
    private const string DeprecatedMark = " [deprecated]";

    private static readonly Regex TypeLine = new(@"^(?<keyword>class|enum|union|request) (?<name>[\w@]+)(?: : (?<base>[\w@]+))? \[(?<where>[^\]]*)\]$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex MethodLine = new(@"^(?<key>[\w@]+\.[\w@]+)\((?<parameters>.*)\) -> (?<type>.+) \[(?<method>[^\] ]+) (?<path>[^\]]*)\]$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex MemberLine = new(@"^(?<key>[\w@]+\.[\w@]+)(?:: (?<required>required )?(?<type>.+?))? \[(?<where>[^\]]*)\]$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The owning type of a member or method (<c>ShortCode</c> of <c>ShortCode.Sid</c>); the type itself for a type.</summary>
    public string Owner => Kind == SurfaceKind.Type ? Key : Key.Substring(0, Key.IndexOf('.'));

    /// <summary>The member's own name (<c>Sid</c>, <c>UpdateShortCodeAsync</c>).</summary>
    public string Name => Kind == SurfaceKind.Type ? Key : Key.Substring(Key.IndexOf('.') + 1);

    /// <summary>A type the spec names (<c>#/components/schemas/X</c>), not one the generator named after where it stands.</summary>
    public bool IsComponent =>
        Kind == SurfaceKind.Type && Pointers.Count == 1 && Pointers[0].StartsWith(ComponentPrefix, StringComparison.Ordinal) && Pointers[0].IndexOf('/', ComponentPrefix.Length) < 0;

    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>The parameters as C# writes them: <c>string serviceSid, UpdateShortCodeRequest? request = null</c>.</summary>
    public string ParameterText => string.Join(", ", Parameters.Select(p => p.Text));

    /// <summary>Where it comes from, as the baseline writes it between brackets.</summary>
    public string Origin => Kind switch
    {
        SurfaceKind.Method => Endpoint!.Text,
        SurfaceKind.Member => Member!.Text,
        _ when TypeKind == SurfaceTypeKind.Request => "operation " + OperationId,
        _ => string.Join(" ", Pointers),
    };

    /// <summary>The baseline line.</summary>
    public string Line
    {
        get
        {
            var line = Kind switch
            {
                SurfaceKind.Type => $"{TypeKind.ToString()!.ToLowerInvariant()} {Key}{(Type is null ? string.Empty : " : " + Type)} [{Origin}]",
                SurfaceKind.Method => $"{Key}({ParameterText}) -> {Type} [{Origin}]",
                _ => Type is null ? $"{Key} [{Origin}]" : $"{Key}: {(Required ? "required " : string.Empty)}{Type} [{Origin}]",
            };
            return Deprecated ? line + DeprecatedMark : line;
        }
    }

    /// <summary>
    /// Reads one baseline line; null for a line that is not one (a comment, a blank line, a hand edit gone wrong).
    /// </summary>
    /// <param name="ownerKind">The kind of a member's owning type, which says how its origin reads.</param>
    public static SurfaceEntry? Parse(string line, Func<string, SurfaceTypeKind?> ownerKind)
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
            var kind = (SurfaceTypeKind)Enum.Parse(typeof(SurfaceTypeKind), type.Groups["keyword"].Value, ignoreCase: true);
            var where = type.Groups["where"].Value;
            return new SurfaceEntry(
                SurfaceKind.Type,
                type.Groups["name"].Value,
                kind,
                type.Groups["base"].Success ? type.Groups["base"].Value : null,
                Pointers: kind == SurfaceTypeKind.Request || where.Length == 0 ? EquatableArray<string>.Empty : where.Split(' ').ToEquatableArray(),
                OperationId: kind == SurfaceTypeKind.Request && where.StartsWith("operation ", StringComparison.Ordinal) ? where.Substring("operation ".Length) : null,
                Deprecated: deprecated);
        }

        if (MethodLine.Match(line) is { Success: true } method)
        {
            return new SurfaceEntry(
                SurfaceKind.Method,
                method.Groups["key"].Value,
                Type: method.Groups["type"].Value,
                Parameters: ParseParameters(method.Groups["parameters"].Value),
                Endpoint: new Endpoint(method.Groups["method"].Value, method.Groups["path"].Value),
                Deprecated: deprecated);
        }

        if (MemberLine.Match(line) is { Success: true } member)
        {
            var key = member.Groups["key"].Value;
            return new SurfaceEntry(
                SurfaceKind.Member,
                key,
                Type: member.Groups["type"].Success ? member.Groups["type"].Value : null,
                Required: member.Groups["required"].Success,
                Member: MemberOrigin.Parse(member.Groups["where"].Value, ownerKind(key.Substring(0, key.IndexOf('.'))) == SurfaceTypeKind.Enum),
                Deprecated: deprecated);
        }

        return null;
    }

    /// <summary>
    /// <c>string serviceSid, IReadOnlyDictionary&lt;string, int&gt; body = null</c> → its parameters. A part that is not
    /// <c>Type name</c> keeps its text as the type, so that the stubs' check (which parses it as C#) refuses it.
    /// </summary>
    private static EquatableArray<SurfaceParameter> ParseParameters(string text)
    {
        var parameters = new List<SurfaceParameter>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is '<' or '(' or '[')
            {
                depth++;
            }
            else if (i < text.Length && text[i] is '>' or ')' or ']')
            {
                depth--;
            }
            else if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var part = text.Substring(start, i - start).Trim();
                start = i + 1;
                if (part.Length == 0)
                {
                    continue;
                }

                var optional = part.EndsWith(" = null", StringComparison.Ordinal);
                if (optional)
                {
                    part = part.Substring(0, part.Length - " = null".Length);
                }

                var space = part.LastIndexOf(' ');
                var name = space < 0 ? string.Empty : part.Substring(space + 1);
                var role = name switch { "body" => ParameterRole.Body, "request" => ParameterRole.Request, _ => ParameterRole.Path };
                parameters.Add(new SurfaceParameter(role, name, space < 0 ? part : part.Substring(0, space), optional));
            }
        }

        return parameters.ToEquatableArray();
    }

    /// <summary>Orders a baseline: by key, so that a type's line comes just before its members' (ordinal, so every machine agrees).</summary>
    public static readonly IComparer<SurfaceEntry> ByKey = Comparer<SurfaceEntry>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key));
}
