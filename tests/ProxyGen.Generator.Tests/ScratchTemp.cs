using System.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ProxyGen.Generator.Parsing;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ProxyGen.Generator.Tests;

public class ScratchTemp(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tests/specs/proxy_short_codes.openapi31.yaml")]
    [InlineData("specs/proxy_v1.yaml")]
    public void Split(string rel)
    {
        var path = Path.Combine(RepoPaths.Root, rel);
        var text = File.ReadAllText(path);
        var input = new SpecInput(path, text, SpecSniffer.OpenApiVersionOf(text)!, "Bench", "BenchClient", null);
        void Time(string label, Action action)
        {
            for (var i = 0; i < 2000; i++) action();
            var before = GC.GetTotalAllocatedBytes(true); var sw = Stopwatch.StartNew();
            for (var i = 0; i < 1000; i++) action();
            output.WriteLine($"{label}: {sw.Elapsed.TotalMilliseconds / 1000:F3} ms {(GC.GetTotalAllocatedBytes(true) - before) / 1000 / 1024.0:F0} KB");
        }
        for (var round = 0; round < 2; round++)
        {
            Time("bare parse", () => { var s = new OpenApiReaderSettings { LoadExternalRefs = false }; s.AddYamlReader(); OpenApiDocument.Parse(text, "yaml", s); });
            Time("OpenApiParser.Parse", () => OpenApiParser.Parse(input, default));
        }
    }
}
