using System.Globalization;
using ProxyGen.Generator.Emitting;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// The writer every emitter uses writes interpolated lines, templates and doc comments straight into one reused builder:
/// what it writes must be exactly what the string-building version wrote, on any machine.
/// </summary>
public class SourceWriterTests
{
    [Fact]
    public void Interpolated_lines_are_indented_like_plain_ones_and_an_empty_one_gets_no_indentation()
    {
        var writer = new SourceWriter();
        var name = "Thing";
        var empty = string.Empty;
        using (writer.Block($"public sealed class {name}"))
        {
            writer.Line($"public {name}? Next {{ get; init; }}");
            writer.Line($"{empty}");
            writer.Line("public int Count { get; init; }");
        }

        Assert.Equal(
            "public sealed class Thing\n{\n    public Thing? Next { get; init; }\n\n    public int Count { get; init; }\n}\n",
            writer.Finish());
    }

    [Fact]
    public void Numbers_in_interpolated_lines_do_not_depend_on_the_culture_of_the_machine_that_builds()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // Swedish writes a minus as U+2212 and a decimal comma; German a decimal comma.
            foreach (var name in new[] { "sv-SE", "de-DE", "ar-SA" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(name);
                var writer = new SourceWriter();
                var (negative, half) = (-5, 1.5);
                writer.Line($"const int A = {negative}; const double B = {half}; const string C = \"{half:F2}\";");
                Assert.Equal("const int A = -5; const double B = 1.5; const string C = \"1.50\";\n", writer.Finish());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_template_loses_trailing_whitespace_and_CR_and_its_blank_lines_stay_unindented()
    {
        var writer = new SourceWriter();
        var body = "return 1;   \r\n  // and a line from a value";
        using (writer.Block("void M()"))
        {
            writer.Lines($$"""
                int X() {   
                    {{body}}
                }

                """);
            writer.Lines("a \r\n\r\n\tb\t");
        }

        Assert.Equal(
            "void M()\n{\n    int X() {\n        return 1;\n      // and a line from a value\n    }\n\n    a\n\n    \tb\n}\n",
            writer.Finish());
    }

    [Fact]
    public void Every_line_break_in_doc_text_starts_a_new_comment_line()
    {
        // NEL (U+0085) is a control character, which XML cannot hold: escaping drops it before the lines are split.
        var writer = new SourceWriter();
        using (writer.Indent())
        {
            writer.DocText("summary", "one  \r\ntwo\rthree\nfour\u0085five\u2028six\u2029seven\r\n\r\n <b>&\t");
            writer.DocText("remarks", "  single line  ");
            writer.DocXml("param", "multi\nline", "name=\"x\"");
        }

        Assert.Equal(
            "    /// <summary>\n    /// one\n    /// two\n    /// three\n    /// fourfive\n    /// six\n    /// seven\n    ///\n    ///  &lt;b&gt;&amp;\n    /// </summary>\n"
            + "    /// <remarks>single line</remarks>\n"
            + "    /// <param name=\"x\">\n    /// multi\n    /// line\n    /// </param>\n",
            writer.Finish());
    }

    [Fact]
    public void Text_is_escaped_only_where_it_has_to_be()
    {
        Assert.Same("plain words, with\nline breaks\tand tabs", SourceWriter.XmlEscape("plain words, with\nline breaks\tand tabs"));
        Assert.Equal("a &lt; b &amp;&amp; c &gt; d e", SourceWriter.XmlEscape("a < b && c > d\u0001 e"));
        Assert.Equal("\"plain\"", SourceWriter.Literal("plain"));
        Assert.Equal("\"say \\\"hi\\\"\\n\\\\ \\u2028\"", SourceWriter.Literal("say \"hi\"\n\\ \u2028"));
    }

    [Fact]
    public void A_finished_writer_hands_an_empty_builder_to_the_next_file()
    {
        var first = new SourceWriter();
        first.Line(new string('x', 100_000));
        Assert.Equal(100_001, first.Finish().Length);

        var second = new SourceWriter();
        second.Line("b");
        Assert.Equal("b\n", second.Finish());

        // Writers open at the same time (a file written while another is) never share a builder.
        var outer = new SourceWriter();
        outer.Line("outer");
        var inner = new SourceWriter();
        inner.Line("inner");
        Assert.Equal("inner\n", inner.Finish());
        outer.Line("still outer");
        Assert.Equal("outer\nstill outer\n", outer.Finish());
    }
}
