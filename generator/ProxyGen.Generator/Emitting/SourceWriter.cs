using System;
using System.Text;

namespace ProxyGen.Generator.Emitting;

/// <summary>A StringBuilder that knows the current indentation. Lines end with '\n' on every platform.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and <c>{</c>; disposing the scope writes <c>}</c> + <paramref name="suffix"/>.</summary>
    public Scope Block(string header, string suffix = "")
    {
        Line(header);
        Line("{");
        _indent++;
        return new Scope(this, "}" + suffix);
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
        var open = attribute is null ? element : element + " " + attribute;
        var lines = xml.Replace("\r\n", "\n").Split(LineBreaks);
        if (lines.Length == 1)
        {
            return Line($"/// <{open}>{lines[0].Trim()}</{element}>");
        }

        Line($"/// <{open}>");
        foreach (var line in lines)
        {
            Line(("/// " + line.TrimEnd()).TrimEnd());
        }

        return Line($"/// </{element}>");
    }

    /// <summary>Writes <paramref name="text"/> (several lines, such as a raw-string template) at the current indentation.</summary>
    public SourceWriter Lines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line.TrimEnd());
        }

        return this;
    }

    private static readonly char[] LineBreaks = ['\n', '\r', '\u0085', '\u2028', '\u2029'];

    /// <summary>Spec text as XML content: markup characters escaped, characters XML cannot hold at all left out.</summary>
    public static string XmlEscape(string text)
    {
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

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value)
    {
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
