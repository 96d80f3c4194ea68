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

    public SourceWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>Writes <c>/// &lt;summary&gt;</c> (and <c>remarks</c>) from plain spec text, escaped for XML.</summary>
    public SourceWriter Summary(string? summary, string? remarks = null)
    {
        if (summary is null && remarks is null)
        {
            return this;
        }

        DocElement("summary", XmlEscape(summary ?? remarks!));
        if (summary is not null && remarks is not null && remarks != summary)
        {
            DocElement("remarks", XmlEscape(remarks));
        }

        return this;
    }

    /// <summary>Writes one XML doc element; <paramref name="xml"/> is already XML (escape spec text first).</summary>
    public SourceWriter DocElement(string element, string xml, string? attribute = null)
    {
        var open = attribute is null ? element : element + " " + attribute;
        var lines = xml.Replace("\r\n", "\n").Split('\n');
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

    public static string XmlEscape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
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
}
