using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Diagnostics;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// Finds the key a pointer ends at by reading the text of block YAML or pretty-printed JSON, without parsing it: each
/// segment is a key line (<c>  name:</c>, <c>  "name":</c>) at the indentation of its block's first line, before the
/// block ends (a line indented no deeper than the parent's). Each block it walks is indexed once, so a document's many
/// diagnostics cost about one pass over its text, and lines are counted on the way. Null when a segment is a list index
/// or is not written on a line of its own: the caller builds the full <see cref="YamlPositionIndex"/> then.
/// </summary>
internal sealed class KeyScan(string path, string text)
{
    /// <summary>The keys of each block walked so far, by where the block's lines start.</summary>
    private readonly Dictionary<int, Dictionary<string, KeyLine>> _blocks = new();

    /// <summary>Line breaks other than LF (a CRLF's CR aside), which Roslyn counts too: with one, lines are counted by a SourceText.</summary>
    private static readonly char[] OtherBreaks = ['\r', '\u0085', '\u2028', '\u2029'];

    private bool _otherBreaks;
    private SourceText? _source;

    public LocationInfo? Find(string? pointer)
    {
        if (pointer is null || !pointer.StartsWith("#/", StringComparison.Ordinal) || pointer.IndexOf("#line=", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var found = new KeyLine(Start: -1, End: -1, Next: 0, Column: -1, Line: -1);
        foreach (var raw in pointer.Substring(2).Split('/'))
        {
            var key = raw.Replace("~1", "/").Replace("~0", "~");
            if (key.Length == 0 || char.IsDigit(key[0]) && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return null;
            }

            if (!BlockAt(found.Next, found.Column, found.Line + 1).TryGetValue(key, out found))
            {
                return null;
            }
        }

        var span = TextSpan.FromBounds(found.Start, found.End);
        if (_otherBreaks)
        {
            _source ??= SourceText.From(text);
            return new LocationInfo(path, span, _source.Lines.GetLinePositionSpan(span));
        }

        // Indentation is spaces only, so a key's character on its line is its column.
        return new LocationInfo(path, span, new LinePositionSpan(
            new LinePosition(found.Line, found.Column),
            new LinePosition(found.Line, found.Column + span.Length)));
    }

    /// <summary>
    /// The keys of the block whose lines start at <paramref name="start"/> (line <paramref name="line"/>), under a key at
    /// <paramref name="parentColumn"/>.
    /// </summary>
    private Dictionary<string, KeyLine> BlockAt(int start, int parentColumn, int line)
    {
        if (_blocks.TryGetValue(start, out var keys))
        {
            return keys;
        }

        keys = new Dictionary<string, KeyLine>(StringComparer.Ordinal);
        _blocks[start] = keys;
        var childColumn = -1;
        for (var position = start; position < text.Length; line++)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var other = text.IndexOfAny(OtherBreaks, position, lineEnd - position);
            _otherBreaks |= other >= 0 && !(other == lineEnd - 1 && text[other] == '\r');

            var indent = position;
            while (indent < lineEnd && text[indent] == ' ')
            {
                indent++;
            }

            var column = indent - position;

            // Blank lines, comments, and a line that only opens an object or list (pretty-printed JSON's first "{").
            var blank = indent >= lineEnd || text[indent] is '#' or '\r'
                || (text[indent] is '{' or '[' && IsWhiteSpace(indent + 1, lineEnd));
            if (!blank)
            {
                if (column <= parentColumn)
                {
                    break;
                }

                childColumn = childColumn < 0 ? column : childColumn;
                if (column == childColumn && KeyAt(indent, lineEnd) is { } key)
                {
                    // The first line with a key stands for it, as a parser reading top down would find it.
                    if (!keys.ContainsKey(key.Name))
                    {
                        keys[key.Name] = new KeyLine(indent, key.Colon, lineEnd + 1, column, line);
                    }
                }
            }

            position = lineEnd + 1;
        }

        return keys;
    }

    /// <summary>The key of the line at <paramref name="start"/> when it is <c>key:</c>, <c>'key':</c> or <c>"key":</c> (then a space or the line's end).</summary>
    private (string Name, int Colon)? KeyAt(int start, int lineEnd)
    {
        int nameStart, nameEnd, colon;
        if (text[start] is '\'' or '"')
        {
            nameStart = start + 1;
            nameEnd = text.IndexOf(text[start], nameStart, lineEnd - nameStart);
            colon = nameEnd + 1;
            if (nameEnd < 0 || colon >= lineEnd || text[colon] != ':' || !EndsKey(colon + 1, lineEnd))
            {
                return null;
            }
        }
        else
        {
            nameStart = start;
            colon = text.IndexOf(':', start, lineEnd - start);
            while (colon >= 0 && !EndsKey(colon + 1, lineEnd))
            {
                colon = colon + 1 < lineEnd ? text.IndexOf(':', colon + 1, lineEnd - colon - 1) : -1;
            }

            if (colon < 0)
            {
                return null;
            }

            nameEnd = colon;
        }

        return (text.Substring(nameStart, nameEnd - nameStart), colon);
    }

    private bool EndsKey(int next, int lineEnd) => next == lineEnd || text[next] is ' ' or '\r' or '\n';

    /// <summary>True when the text from <paramref name="start"/> to <paramref name="end"/> is all whitespace (a minified document is one long line: no copy of it).</summary>
    private bool IsWhiteSpace(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where a key starts (after its line's indentation), where its colon is, where the next line starts, its column and line.</summary>
    private readonly record struct KeyLine(int Start, int End, int Next, int Column, int Line);
}
