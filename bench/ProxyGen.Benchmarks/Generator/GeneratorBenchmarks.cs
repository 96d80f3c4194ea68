using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ProxyGen.Generator;

namespace ProxyGen.Benchmarks.Generator;

/// <summary>
/// The generator against the floor every OpenAPI.NET-based generator pays: the bare parse of the same document by the
/// reader ProxyGen uses (the baseline). A first run (a fresh driver, as a clean build), a re-run after an unrelated C#
/// edit (what every keystroke in the IDE costs), and a re-run after one operation's summary changed.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class GeneratorBenchmarks
{
    private string _path = null!;
    private string _text = null!;
    private string _edited = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _otherCompilation = null!;
    private GeneratorDriver _driver = null!;
    private InMemoryText _current = null!;
    private OpenApi1Reader _openApi1 = null!;
    private bool _flip;

    /// <summary>Our own spec, Twilio's largest, and the two public non-Twilio ones (../shared/specs).</summary>
    [Params("proxy_v1", "twilio_api_v2010", "box_platform", "spotify_web_api")]
    public string Document { get; set; } = "proxy_v1";

    [GlobalSetup]
    public void Setup()
    {
        _path = Documents.PathOf(Document);
        _text = File.ReadAllText(_path);
        _edited = Documents.EditOneSummary(_text);
        _compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("namespace Consumer; public class Before { }")]);
        _otherCompilation = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("namespace Consumer; public class After { public int X; }"));
        _current = new InMemoryText(_path, _text);
        _driver = NewDriver(_current).RunGenerators(_compilation);
        _openApi1 = new OpenApi1Reader();
    }

    [Benchmark(Baseline = true)]
    public OpenApiDocument? Parse()
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        return OpenApiDocument.Parse(_text, _path.EndsWith(".json", StringComparison.Ordinal) ? OpenApiConstants.Json : OpenApiConstants.Yaml, settings).Document;
    }

    /// <summary>The same parse by Microsoft.OpenApi.Readers 1.6.31, the line before the one ProxyGen uses: for the record.</summary>
    [Benchmark]
    public object? ParseWithReaders1_6_31() => _openApi1.Read(_text);

    [Benchmark]
    public GeneratorDriverRunResult FirstRun() => NewDriver(new InMemoryText(_path, _text)).RunGenerators(_compilation).GetRunResult();

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        _flip = !_flip;
        return _driver = _driver.RunGenerators(_flip ? _otherCompilation : _compilation);
    }

    [Benchmark]
    public GeneratorDriver RerunAfterOneOperationEdit()
    {
        _flip = !_flip;
        var next = new InMemoryText(_path, _flip ? _edited : _text);
        _driver = _driver.ReplaceAdditionalText(_current, next).RunGenerators(_compilation);
        _current = next;
        return _driver;
    }

    private static GeneratorDriver NewDriver(AdditionalText spec) => CSharpGeneratorDriver.Create(
        [new ProxyGenGenerator().AsSourceGenerator()],
        [spec],
        optionsProvider: new Options(),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Metadata = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.ProxyGenNamespace"] = "Bench",
        });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Metadata;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}

/// <summary>Where the benchmarked documents are: specs/ in the repository, the rest used in place in ../shared/specs.</summary>
public static class Documents
{
    private static readonly string RepoRoot = typeof(Documents).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProxyGenRepoRoot").Value!;

    public static string PathOf(string document)
    {
        var path = document switch
        {
            "proxy_v1" => Path.Combine(RepoRoot, "specs", "proxy_v1.yaml"),
            "twilio_api_v2010" => Path.Combine(RepoRoot, "..", "shared", "specs", "twilio", "twilio_api_v2010.yaml"),
            "box_platform" => Path.Combine(RepoRoot, "..", "shared", "specs", "public", "box_platform.2026-06-29.json"),
            "spotify_web_api" => Path.Combine(RepoRoot, "..", "shared", "specs", "public", "spotify_web_api.2026-08-21.yaml"),
            _ when File.Exists(document) => document,
            _ => throw new ArgumentOutOfRangeException(nameof(document), document, null),
        };
        return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"{path} is missing: the generator group needs ../shared/specs beside the repository.", path);
    }

    /// <summary>The document with its first operation summary one word longer: a one-operation edit.</summary>
    public static string EditOneSummary(string text)
    {
        foreach (var key in new[] { "summary: ", "\"summary\": \"" })
        {
            var at = text.IndexOf(key, StringComparison.Ordinal);
            if (at >= 0)
            {
                return text.Insert(at + key.Length, "Edited ");
            }
        }

        throw new InvalidOperationException("The document has no operation summary to edit.");
    }
}
