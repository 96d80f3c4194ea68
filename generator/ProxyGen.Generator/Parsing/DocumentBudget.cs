using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using SharpYaml;
using SharpYaml.Events;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// The most a document may cost: OpenAPI.NET builds a tree recursively and expands every YAML alias. Its YAML reader is
/// given these limits and stops at once on a document over them; this one streaming pass over the parser's events,
/// without building anything, then says which limit and where (a nine-level alias bomb of a few hundred bytes is
/// refused at its first alias past the budget). JSON, which has no aliases, is checked by counting brackets up front.
/// </summary>
internal static class DocumentBudget
{
    /// <summary>Characters in one document (the largest Twilio spec has 1.5 million).</summary>
    public const int MaxCharacters = 32 * 1024 * 1024;

    /// <summary>
    /// Nesting of mappings and sequences. Real specs stay under 30; SharpYaml, which OpenAPI.NET reads with,
    /// gives up at 64 with a bare syntax error, so ProxyGen stops a little before and says why.
    /// </summary>
    public const int MaxDepth = 60;

    /// <summary>Nodes, counting each alias as the nodes it stands for (the largest Twilio spec has about 120,000).</summary>
    public const long MaxNodes = 2_000_000;

    /// <summary>Why a document is over budget, and where.</summary>
    public sealed record Excess(string Reason, int Start, int End);

    /// <summary>Null when the document is within budget, or when it is not valid YAML (the reader reports that itself).</summary>
    /// <param name="isJson">
    /// The document goes to the JSON reader: JSON has no aliases, so counting brackets and separators in one pass over
    /// the characters is the whole check, much cheaper than walking YAML events.
    /// </param>
    public static Excess? Check(string text, CancellationToken cancellationToken, bool isJson = false)
    {
        if (text.Length > MaxCharacters)
        {
            return new Excess(
                $"it has {text.Length.ToString(CultureInfo.InvariantCulture)} characters, more than the {MaxCharacters.ToString(CultureInfo.InvariantCulture)} ProxyGen reads",
                0,
                0);
        }

        if (isJson)
        {
            return CheckJson(text);
        }

        // Each open collection: the anchor it defines (if any) and the nodes counted inside it so far.
        var open = new Stack<(string? Anchor, long Nodes)>();
        var anchorSizes = new Dictionary<string, long>(System.StringComparer.Ordinal);
        var openAnchors = new HashSet<string>(System.StringComparer.Ordinal);
        long total = 0;
        var events = 0;
        try
        {
            var parser = Parser.CreateParser(new StringReader(text));
            while (parser.MoveNext())
            {
                if ((++events & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var current = parser.Current;
                long added;
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth)
                        {
                            return new Excess($"it nests deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels", current.Start.Index, current.End.Index);
                        }

                        var anchor = ((NodeEvent)current).Anchor;
                        if (!string.IsNullOrEmpty(anchor))
                        {
                            openAnchors.Add(anchor!);
                        }

                        open.Push((anchor, 1));
                        added = 1;
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        var closed = open.Pop();
                        if (!string.IsNullOrEmpty(closed.Anchor))
                        {
                            anchorSizes[closed.Anchor!] = closed.Nodes;
                            openAnchors.Remove(closed.Anchor!);
                        }

                        AddToParent(open, closed.Nodes);
                        continue;
                    case Scalar scalar:
                        if (!string.IsNullOrEmpty(scalar.Anchor))
                        {
                            anchorSizes[scalar.Anchor!] = 1;
                        }

                        added = 1;
                        AddToParent(open, 1);
                        break;
                    case AnchorAlias alias:
                        if (openAnchors.Contains(alias.Value))
                        {
                            return new Excess($"the alias *{alias.Value} refers to the node that contains it, so it never ends", current.Start.Index, current.End.Index);
                        }

                        added = anchorSizes.TryGetValue(alias.Value, out var size) ? size : 1;
                        AddToParent(open, added);
                        break;
                    default:
                        continue;
                }

                total += added;
                if (total > MaxNodes)
                {
                    var what = current is AnchorAlias ? "with its aliases expanded, it" : "it";
                    return new Excess(
                        $"{what} has more than {MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} nodes",
                        current.Start.Index,
                        current.End.Index);
                }
            }
        }
        catch (YamlException)
        {
            // Not valid YAML: OpenAPI.NET reports the syntax error at its line.
        }

        return null;
    }

    /// <summary>Depth and nodes of JSON text, outside strings: each object, array and value separator counts one node.</summary>
    private static Excess? CheckJson(string text)
    {
        var depth = 0;
        long nodes = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    if (++depth > MaxDepth)
                    {
                        return new Excess($"it nests deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels", i, i + 1);
                    }

                    nodes++;
                    break;
                case '}' or ']':
                    depth--;
                    break;
                case ',' or ':':
                    nodes++;
                    break;
                default:
                    continue;
            }

            if (nodes > MaxNodes)
            {
                return new Excess($"it has more than {MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} nodes", i, i + 1);
            }
        }

        return null;
    }

    private static void AddToParent(Stack<(string? Anchor, long Nodes)> open, long nodes)
    {
        if (open.Count > 0)
        {
            var parent = open.Pop();
            open.Push((parent.Anchor, parent.Nodes + nodes));
        }
    }
}
