using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// A StringBuilder that knows the current indentation. Lines end with '\n' on every platform. <c>Line($"…")</c> and
/// <c>Block($"…")</c> write their interpolations straight into the builder (<see cref="LineText"/>), and one builder
/// serves every file a thread emits (<see cref="Finish"/>): a generator run makes no string but the files themselves.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    /// <summary>Builders larger than this (in characters) are not kept for the next file.</summary>
    private const int LargestKeptBuilder = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? t_spare;

    private readonly StringBuilder _builder;
    private int _indent;

    public SourceWriter()
    {
        _builder = t_spare ?? new StringBuilder(16 * 1024);
        t_spare = null;
    }

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            WriteIndentation();
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>One line from <c>$"…"</c>, written without making a string of it.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineText text)
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and <c>{</c>; disposing the scope writes <c>}</c> + <paramref name="suffix"/>.</summary>
    public Scope Block(string header, string suffix = "")
    {
        Line(header);
        return Open(suffix);
    }

    /// <inheritdoc cref="Block(string, string)"/>
    public Scope Block([InterpolatedStringHandlerArgument("")] ref LineText header, string suffix = "")
    {
        _builder.Append('\n');
        return Open(suffix);
    }

    private Scope Open(string suffix)
    {
        Line("{");
        _indent++;
        return new Scope(this, suffix.Length == 0 ? "}" : "}" + suffix);
    }

    private void WriteIndentation()
    {
        for (var i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }
    }

    /// <summary>One more level of indentation until the scope is disposed (a <c>case</c> body, an initializer's lines).</summary>
    public Scope Indent()
    {
        _indent++;
        return new Scope(this, null);
    }

    /// <summary>Writes <c>/// &lt;summary&gt;</c> (and <c>remarks</c>) from plain spec text, escaped for XML.</summary>
    public SourceWriter Summary(string? summary, string? remarks = null)
    {
        if (summary is null && remarks is null)
        {
            return this;
        }

        DocText("summary", summary ?? remarks!);
        if (summary is not null && remarks is not null && remarks != summary)
        {
            DocText("remarks", remarks);
        }

        return this;
    }

    /// <summary>Writes one XML doc element whose content is plain text (from the spec, or ours): always escaped.</summary>
    public SourceWriter DocText(string element, string text, string? attribute = null) => DocXml(element, XmlEscape(text), attribute);

    /// <summary>
    /// Writes one XML doc element whose content is trusted XML written by the emitter (<c>&lt;see cref=…/&gt;</c>), with
    /// any spec text inside it already escaped. Every kind of line break C# knows (CR, LF, NEL, U+2028, U+2029) starts
    /// a new <c>///</c> line, so text in a comment can never end the comment and become code.
    /// </summary>
    public SourceWriter DocXml(string element, string xml, string? attribute = null)
    {
        if (xml.IndexOfAny(LineBreaks) < 0)
        {
            return attribute is null
                ? Line($"/// <{element}>{xml.Trim()}</{element}>")
                : Line($"/// <{element} {attribute}>{xml.Trim()}</{element}>");
        }

        Line($"/// <{element}{(attribute is null ? string.Empty : " ")}{attribute}>");
        var start = 0;
        while (true)
        {
            // One /// line per line of the text (a CRLF is one break), without its trailing whitespace.
            var newline = xml.IndexOfAny(LineBreaks, start);
            var end = newline < 0 ? xml.Length : newline;
            while (end > start && char.IsWhiteSpace(xml[end - 1]))
            {
                end--;
            }

            WriteIndentation();
            _builder.Append("///");
            if (end > start)
            {
                _builder.Append(' ').Append(xml, start, end - start);
            }

            _builder.Append('\n');
            if (newline < 0)
            {
                return Line($"/// </{element}>");
            }

            start = newline + (xml[newline] == '\r' && newline + 1 < xml.Length && xml[newline + 1] == '\n' ? 2 : 1);
        }
    }

    /// <summary>Writes <paramref name="text"/> (several lines, such as a raw-string template) at the current indentation.</summary>
    public SourceWriter Lines(string text)
    {
        var lines = new LinesText(0, 0, this);
        lines.AppendLiteral(text);
        return Lines(ref lines);
    }

    /// <summary>Several lines from <c>$$"""…"""</c>, written without making a string of them.</summary>
    public SourceWriter Lines([InterpolatedStringHandlerArgument("")] ref LinesText text)
    {
        text.EndLine();
        return this;
    }

    private static readonly char[] LineBreaks = ['\n', '\r', '\u0085', '\u2028', '\u2029'];

    /// <summary>Spec text as XML content: markup characters escaped, characters XML cannot hold at all left out.</summary>
    public static string XmlEscape(string text)
    {
        if (!NeedsXmlEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\t' or '\n' or '\r':
                    builder.Append(c);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (!char.IsControl(c) && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>False when <see cref="XmlEscape"/> would return <paramref name="text"/> as it is: most spec text, line breaks included.</summary>
    private static bool NeedsXmlEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '\uFFFE' or '\uFFFF' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> is the same inside a C# string literal: most wire names and values.</summary>
    private static bool IsPlainText(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\\' or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' || char.IsControl(c) || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value)
    {
        if (IsPlainText(value))
        {
            return "\"" + value + "\"";
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                    {
                        // C# ends a string at U+2028/U+2029 too, and an unpaired surrogate cannot be written as UTF-8.
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public override string ToString() => _builder.ToString();

    /// <summary>The text written, once the file is complete: the writer is done, and its builder serves the next file.</summary>
    public string Finish()
    {
        var text = _builder.ToString();
        if (_builder.Capacity <= LargestKeptBuilder)
        {
            _builder.Clear();
            t_spare = _builder;
        }

        return text;
    }

    /// <summary>
    /// The interpolated-string handler behind <c>Lines($$"""…""")</c>: each line goes into the writer's builder at the
    /// current indentation, without its trailing whitespace (a CRLF's CR included); a line of only whitespace is empty.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct LinesText
    {
        private readonly SourceWriter _writer;

        /// <summary>Where the current line starts in the builder, and where its text starts (after the indentation); -1 before any.</summary>
        private int _lineStart;
        private int _textStart;

        public LinesText(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            _lineStart = writer._builder.Length;
            _textStart = -1;
        }

        public void AppendLiteral(string value) => Append(value);

        public void AppendFormatted(string? value) => Append(value);

        public void AppendFormatted<T>(T value) => Append(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());

        private void Append(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            var builder = _writer._builder;
            var start = 0;
            while (start <= value!.Length)
            {
                var newline = value.IndexOf('\n', start);
                var end = newline < 0 ? value.Length : newline;
                if (end > start)
                {
                    if (_textStart < 0)
                    {
                        _writer.WriteIndentation();
                        _textStart = builder.Length;
                    }

                    builder.Append(value, start, end - start);
                }

                if (newline < 0)
                {
                    return;
                }

                EndLine();
                start = newline + 1;
            }
        }

        /// <summary>Ends the current line: its trailing whitespace goes, and with nothing left, its indentation too.</summary>
        internal void EndLine()
        {
            var builder = _writer._builder;
            if (_textStart >= 0)
            {
                var end = builder.Length;
                while (end > _textStart && char.IsWhiteSpace(builder[end - 1]))
                {
                    end--;
                }

                builder.Length = end > _textStart ? end : _lineStart;
            }

            builder.Append('\n');
            _lineStart = builder.Length;
            _textStart = -1;
        }
    }

    /// <summary>
    /// The interpolated-string handler behind <c>Line($"…")</c>: literals and values go straight into the writer's
    /// builder after the indentation (none for an empty line). Values are formatted with the invariant culture, so
    /// generated code never depends on the culture of the machine that builds it.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct LineText
    {
        private readonly SourceWriter _writer;
        private bool _started;

        public LineText(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            _started = false;
        }

        public void AppendLiteral(string value) => Append(value);

        public void AppendFormatted(string? value) => Append(value);

        public void AppendFormatted<T>(T value) => Append(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());

        public void AppendFormatted<T>(T value, string? format) => Append(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());

        private void Append(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (!_started)
            {
                _writer.WriteIndentation();
                _started = true;
            }

            _writer._builder.Append(value);
        }
    }

    /// <summary>Ends what <see cref="Block"/> or <see cref="Indent"/> began.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string? _closing;

        internal Scope(SourceWriter writer, string? closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._indent--;
            if (_closing is not null)
            {
                _writer.Line(_closing);
            }
        }
    }
}
