using ProxyGen.Generator.Parsing;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>The text scan that places most diagnostics agrees with the full index wherever it answers, in YAML and in JSON.</summary>
public class PositionTests
{
    public static TheoryData<string> Documents() => ["specs/proxy_v1.yaml", "twilio/twilio_api_v2010.yaml", "public/spotify_web_api.2026-08-21.yaml", "public/box_platform.2026-06-29.json"];

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void Every_key_the_text_scan_finds_is_on_the_line_the_full_index_gives(string document)
    {
        var path = document.StartsWith("specs/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Root, document) : RepoPaths.Shared(document);
        Skip.If(path is null, $"{document} is not in ../shared/specs (CI requires it).");
        var text = File.ReadAllText(path!);
        var index = YamlPositionIndex.Build(path!, text);
        var scan = new KeyScan(path!, text);

        // Every pointer of the document: the scan indexes each block once, so asking for all of them is one pass or so.
        var pointers = index.Pointers.ToList();
        var found = 0;
        foreach (var pointer in pointers)
        {
            if (scan.Find(pointer) is { } scanned)
            {
                found++;
                var indexed = index.Locate(pointer).LineSpan;
                Assert.True(indexed.Start == scanned.LineSpan.Start, $"{pointer}: index {indexed.Start}, scan {scanned.LineSpan.Start}");
            }
        }

        // Keys on lines of their own; the rest are list items (parameters, enum values, required) and flow mappings,
        // which the full index places (the scan answers 37–43 % of all pointers in proxy_v1, api_v2010 and Box).
        Assert.True(found * 3 > pointers.Count, $"the scan found {found} of {pointers.Count} pointers");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Lines_are_counted_as_the_compiler_counts_them_whatever_breaks_the_text_has(string newline)
    {
        // A lone CR in a comment and a LINE SEPARATOR in a quoted title are line breaks to Roslyn, not to the scan's LF
        // split: the scan then counts lines the compiler's way.
        foreach (var odd in new[] { string.Empty, " # a lone\rCR", " # a line\u2028separator", " # a next\u0085line" })
        {
            var text = string.Join(newline, "openapi: 3.0.3", "info:", "  title: Odd" + odd, "  version: '1'", "paths:", "  /x:", "    get:", "      summary: s", string.Empty);
            var found = new KeyScan("/specs/odd.yaml", text).Find("#/paths/~1x/get/summary");
            Assert.NotNull(found);
            Assert.Equal(Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines.GetLinePositionSpan(found!.Span), found.LineSpan);
            Assert.Equal("summary", text.Substring(found.Span.Start, found.Span.Length));
        }
    }
}
