using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Diagnostics;
using SharpYaml.Serialization;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// Maps JSON pointers (<c>#/paths/~1v1~1Services/post</c>) to line and column in the spec file.
/// OpenAPI.NET reports problems as pointers; IDEs need positions. Built only when a diagnostic needs one.
/// </summary>
internal sealed class YamlPositionIndex
{
    private readonly string _path;
    private readonly string _text;
    private readonly Dictionary<string, (int Start, int End)> _spans = new();
    private readonly Dictionary<string, (int Start, int End)> _references = new();
    private readonly Dictionary<string, string> _referenceAt = new();
    private SourceText? _sourceText;

    private YamlPositionIndex(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>Every pointer the index knows (for tests that compare it with <see cref="KeyScan"/>).</summary>
    internal IEnumerable<string> Pointers => _spans.Keys;

    public static YamlPositionIndex Build(string path, string text)
    {
        var index = new YamlPositionIndex(path, text);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0)
            {
                index.Visit(stream.Documents[0].RootNode);
            }
        }
        catch (System.Exception exception) when (exception is SharpYaml.YamlException or System.InvalidOperationException or System.ArgumentException)
        {
            // A document that does not parse has no pointers; Locate falls back to line numbers or the file start.
        }

        return index;
    }

    /// <summary>
    /// The position of <paramref name="pointer"/>, or of its nearest ancestor that exists.
    /// Also understands OpenAPI.NET's <c>#line=N</c> form for YAML syntax errors.
    /// </summary>
    public LocationInfo Locate(string? pointer)
    {
        if (pointer is null)
        {
            return LocationInfo.StartOf(_path);
        }

        if (pointer.StartsWith("#line=", System.StringComparison.Ordinal)
            && int.TryParse(pointer.Substring(6), NumberStyles.Integer, CultureInfo.InvariantCulture, out var line))
        {
            return LineLocation(line);
        }

        var current = pointer.StartsWith("#", System.StringComparison.Ordinal) ? pointer : "#" + pointer;
        while (true)
        {
            if (_spans.TryGetValue(current, out var span))
            {
                return SpanLocation(span.Start, span.End);
            }

            var slash = current.LastIndexOf('/');
            if (slash < 0)
            {
                return LocationInfo.StartOf(_path);
            }

            current = current.Substring(0, slash);
        }
    }

    /// <summary>
    /// The first <c>$ref</c> whose target ends with <paramref name="identifier"/>: OpenAPI.NET reports a broken
    /// reference by its identifier, without a pointer.
    /// </summary>
    public LocationInfo? LocateReference(string identifier)
    {
        foreach (var reference in _references)
        {
            if (reference.Key == identifier || reference.Key.EndsWith("/" + identifier, System.StringComparison.Ordinal))
            {
                return SpanLocation(reference.Value.Start, reference.Value.End);
            }
        }

        return null;
    }

    /// <summary>
    /// A <c>$ref</c> written directly under a map of named components (<c>components/schemas/$ref</c>), where a name
    /// is expected: OpenAPI.NET throws on it instead of reporting it.
    /// </summary>
    public LocationInfo? LocateMisplacedReference()
    {
        foreach (var pointer in _spans.Keys)
        {
            if (pointer.StartsWith("#/components/", System.StringComparison.Ordinal)
                && pointer.EndsWith("/$ref", System.StringComparison.Ordinal)
                && pointer.Split('/').Length == 4)
            {
                return Locate(pointer);
            }
        }

        return null;
    }

    /// <summary>Escapes one pointer segment (RFC 6901).</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>
    /// Records every node's pointer, without recursion (nesting is bounded by <see cref="DocumentBudget"/>, but the
    /// stack is not ours to spend) and without expanding aliases: a node reached again through an alias keeps the
    /// pointer of its first appearance.
    /// </summary>
    private void Visit(YamlNode root)
    {
        var visited = new HashSet<YamlNode>(NodeIdentity.Instance);
        var pending = new Stack<(YamlNode Node, string Pointer, int Start, int End)>();
        pending.Push((root, "#", 0, 0));
        while (pending.Count > 0)
        {
            var (node, pointer, start, end) = pending.Pop();
            if (!_spans.ContainsKey(pointer))
            {
                _spans[pointer] = (start, end);
            }

            if (!visited.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case YamlMappingNode mapping:
                    // Pushed last to first, so that nodes are visited (and $refs found) in document order.
                    for (var i = mapping.Children.Count - 1; i >= 0; i--)
                    {
                        var entry = mapping.Children[i];
                        if (entry.Key is YamlScalarNode key)
                        {
                            if (key.Value == "$ref" && entry.Value is YamlScalarNode { Value: { } target })
                            {
                                _referenceAt[pointer + "/$ref"] = target;
                                if (!_references.ContainsKey(target))
                                {
                                    _references[target] = (entry.Value.Start.Index, entry.Value.End.Index);
                                }
                            }

                            pending.Push((entry.Value, pointer + "/" + Escape(key.Value ?? string.Empty), key.Start.Index, key.End.Index));
                        }
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        var child = sequence.Children[i];
                        pending.Push((child, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), child.Start.Index, child.End.Index));
                    }

                    break;
            }
        }
    }

    /// <summary>The target of the <c>$ref</c> at <paramref name="pointer"/> (which ends in <c>/$ref</c>), if there is one.</summary>
    public string? ReferenceAt(string pointer) => _referenceAt.TryGetValue(pointer, out var target) ? target : null;

    private SourceText Source => _sourceText ??= SourceText.From(_text);

    private LocationInfo SpanLocation(int start, int end)
    {
        var length = Source.Length;
        start = System.Math.Min(System.Math.Max(start, 0), length);
        end = System.Math.Min(System.Math.Max(end, start), length);
        var span = TextSpan.FromBounds(start, end);
        return new LocationInfo(_path, span, Source.Lines.GetLinePositionSpan(span));
    }

    private LocationInfo LineLocation(int zeroBasedLine)
    {
        var lines = Source.Lines;
        var line = lines[System.Math.Min(System.Math.Max(zeroBasedLine, 0), lines.Count - 1)];
        return SpanLocation(line.Start, line.End);
    }

    /// <summary>Compares nodes by identity: an alias is the same node object as its anchor.</summary>
    private sealed class NodeIdentity : IEqualityComparer<YamlNode>
    {
        public static readonly NodeIdentity Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
