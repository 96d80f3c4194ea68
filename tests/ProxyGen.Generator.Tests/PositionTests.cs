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
        Microsoft.CodeAnalysis.Text.SourceText? source = null;

        var found = 0;
        // Each scan walks the text from the top, so a large document is sampled: every 97th pointer.
        var pointers = index.Pointers.ToList();
        var step = pointers.Count > 5_000 ? 97 : 1;
        foreach (var pointer in pointers.Where((_, i) => i % step == 0))
        {
            if (YamlPositionIndex.FindKey(path!, text, ref source, pointer) is { } scanned)
            {
                found++;
                Assert.True(index.Locate(pointer).LineSpan.Start.Line == scanned.LineSpan.Start.Line, $"{pointer}: index line {index.Locate(pointer).LineSpan.Start.Line}, scan line {scanned.LineSpan.Start.Line}");
            }
        }

        Assert.True(found > 20, $"the scan found only {found} pointers");
    }
}
