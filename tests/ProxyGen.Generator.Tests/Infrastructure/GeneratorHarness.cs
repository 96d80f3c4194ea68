using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProxyGen.Generator.Tests.Infrastructure;

/// <summary>Runs ProxyGen in-process the way the compiler does, and compiles what it generates.</summary>
internal sealed class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // The test compilation has no assembly-level attributes to document, but the generated files must be fully documented.
            ["CS1591"] = ReportDiagnostic.Error,
        });

    private readonly List<AdditionalText> _texts = new();
    private readonly Dictionary<string, Dictionary<string, string>> _metadata = new();

    public GeneratorHarness AddSpec(string path, string? text = null, string? @namespace = "Acme.Proxy", string? clientName = null, string? proxyGen = null, string? visibility = null, string? requiredMembers = null)
    {
        _texts.Add(new InMemoryText(path, text ?? File.ReadAllText(path)));
        var metadata = new Dictionary<string, string>();
        if (@namespace is not null) metadata["build_metadata.AdditionalFiles.ProxyGenNamespace"] = @namespace;
        if (clientName is not null) metadata["build_metadata.AdditionalFiles.ProxyGenClientName"] = clientName;
        if (proxyGen is not null) metadata["build_metadata.AdditionalFiles.ProxyGen"] = proxyGen;
        if (visibility is not null) metadata["build_metadata.AdditionalFiles.ProxyGenVisibility"] = visibility;
        if (requiredMembers is not null) metadata["build_metadata.AdditionalFiles.ProxyGenRequiredMembers"] = requiredMembers;
        _metadata[path] = metadata;
        return this;
    }

    /// <summary>Sets more metadata on the item added last: <c>WithMetadata("ProxyGenIncludePaths", "/a/**")</c>.</summary>
    public GeneratorHarness WithMetadata(string name, string value)
    {
        _metadata[_texts[^1].Path]["build_metadata.AdditionalFiles." + name] = value;
        return this;
    }

    public IReadOnlyList<AdditionalText> Texts => _texts;

    public static CSharpCompilation NewCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        Basic.Reference.Assemblies.Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(ProxyGen.Runtime.ApiConnection).Assembly.Location)),
        CompilationOptions);

    public GeneratorDriver CreateDriver(bool trackSteps = true) => CSharpGeneratorDriver.Create(
        [new ProxyGenGenerator().AsSourceGenerator()],
        _texts,
        ParseOptions,
        new OptionsProvider(_metadata),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Generates and compiles; returns the driver (for a second run), the result, and every diagnostic.</summary>
    public Run Execute(CSharpCompilation? compilation = null)
    {
        compilation ??= NewCompilation();
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new Run(driver, compilation, driver.GetRunResult(), generatorDiagnostics, output.GetDiagnostics());
    }

    internal sealed record Run(
        GeneratorDriver Driver,
        CSharpCompilation Input,
        GeneratorDriverRunResult Result,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> CompilationDiagnostics)
    {
        public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

        /// <summary>The file whose hint name is <c>{namespace}.</c><paramref name="hintName"/>.</summary>
        public string Source(string hintName) => Sources.Single(s => s.HintName.EndsWith("." + hintName, StringComparison.Ordinal)).SourceText.ToString();

        /// <summary>Fails with every message when the generator or the compiler reported a warning or an error.</summary>
        public void AssertNoProblems() => AssertNone(Problems);

        /// <summary>Fails with every message when the compiler reported a warning or an error in the generated code.</summary>
        public void AssertCompiles() => AssertNone(CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));

        private static void AssertNone(IEnumerable<Diagnostic> diagnostics)
        {
            var list = diagnostics.ToList();
            if (list.Count > 0)
            {
                throw new Xunit.Sdk.XunitException($"{list.Count} diagnostics:\n" + string.Join("\n", list.Take(40)));
            }
        }

        /// <summary>Every diagnostic of severity warning or above, from the generator and the compiler.</summary>
        public IEnumerable<Diagnostic> Problems => GeneratorDiagnostics.Concat(CompilationDiagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(Dictionary<string, Dictionary<string, string>> metadata) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new() { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(metadata.TryGetValue(textFile.Path, out var values) ? values : new());
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
