using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator;
using ProxyGen.Generator.Drift;
using ProxyGen.Generator.Parsing;

namespace ProxyGen.Cli;

/// <summary>
/// <c>proxygen baseline|diff|generate</c>. Every command reads specs with the generator's own parser, so what it says is
/// what the build says. Exit codes: 0 done (no breaking change), 1 breaking changes or generator errors, 2 bad usage
/// or unreadable input.
/// </summary>
public static class Commands
{
    public const int Ok = 0;
    public const int Breaking = 1;
    public const int Usage = 2;

    private const string Help = """
        proxygen baseline <spec> [--client Name]
            Writes <spec name>.api.txt beside the spec: the generated public API, one line per member. With it beside the
            spec, the build reports what a new version of the spec breaks (PXG0021-PXG0029).
        proxygen diff <old spec> <new spec> [--format text|markdown|json] [--client Name]
            Prints what changed between two versions, breaking changes first. Exit code 1 when any change is breaking.
        proxygen generate <spec> -o <dir> [--namespace Ns] [--client Name] [--include-path P] [--exclude-path P]
                 [--include-tag T] [--exclude-tag T] [--include-operation Id] [--exclude-operation Id]
            Writes the generated files to <dir>, for review outside a build. The --include/--exclude options select
            operations as the ProxyGenInclude…/ProxyGenExclude… metadata does (each may be repeated, or ';'-separated).
            Exit code 1 when the generator reports an error.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return Task.FromResult(args switch
            {
                ["baseline", var spec, .. var rest] => Baseline(spec, Options(rest), output, error),
                ["diff", var old, var @new, .. var rest] => Diff(old, @new, Options(rest), output, error),
                ["generate", var spec, .. var rest] => Generate(spec, Options(rest), output, error),
                ["--help" or "-h" or "help"] => Print(output, Help, Ok),
                _ => Print(error, Help, Usage),
            });
        }
        catch (UsageException exception)
        {
            return Task.FromResult(Print(error, exception.Message + "\n\n" + Help, Usage));
        }
    }

    private static int Baseline(string specPath, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (Read(specPath, options, error) is not { } result)
        {
            return Usage;
        }

        var baselinePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath))!, Path.GetFileNameWithoutExtension(specPath) + ".api.txt");
        var text = SpecSurface.Baseline(Path.GetFileName(specPath), result);
        var changes = File.Exists(baselinePath) ? ApiChange.Compare(ApiSurface.Read(File.ReadAllText(baselinePath)).Select(e => e.Entry), result.Surface) : null;
        File.WriteAllText(baselinePath, text);
        output.WriteLine($"Wrote {baselinePath}: {result.Surface.Count} members" + (changes is null ? "." : $", {changes.Count} changes since the previous baseline ({changes.Count(c => c.IsBreaking)} breaking)."));
        return Ok;
    }

    private static int Diff(string oldPath, string newPath, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var format = options.GetValueOrDefault("--format", "text");
        if (format is not ("text" or "markdown" or "json"))
        {
            throw new UsageException($"Unknown format '{format}': use text, markdown or json.");
        }

        if (ReadText(oldPath, error) is not { } oldText || ReadText(newPath, error) is not { } newText)
        {
            return Usage;
        }

        var client = options.GetValueOrDefault("--client") ?? DefaultClientName(newPath);
        if (SpecSurface.Compare(oldPath, oldText, newPath, newText, client) is not { } changes)
        {
            error.WriteLine("Not an OpenAPI document: " + (SpecSurface.Read(oldPath, oldText) is null ? oldPath : newPath));
            return Usage;
        }

        output.Write(ChangeReport.Format(changes, Path.GetFileName(oldPath), Path.GetFileName(newPath), format));
        return changes.Any(c => c.IsBreaking) ? Breaking : Ok;
    }

    private static int Generate(string specPath, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var directory = options.GetValueOrDefault("-o") ?? options.GetValueOrDefault("--output") ?? throw new UsageException("generate needs -o <dir>.");
        if (ReadText(specPath, error) is not { } text)
        {
            return Usage;
        }

        var metadata = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.ProxyGenNamespace"] = options.GetValueOrDefault("--namespace", "ProxyGen.Generated"),
            ["build_metadata.AdditionalFiles.ProxyGenClientName"] = options.GetValueOrDefault("--client") ?? DefaultClientName(specPath),
        };
        foreach (var (option, name) in Selection)
        {
            if (options.TryGetValue(option, out var patterns))
            {
                metadata["build_metadata.AdditionalFiles." + name] = patterns;
            }
        }

        var path = Path.GetFullPath(specPath);
        var texts = new List<AdditionalText> { new FileText(path, text) };
        var baselinePath = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".api.txt");
        if (File.Exists(baselinePath))
        {
            texts.Add(new FileText(baselinePath, File.ReadAllText(baselinePath)));
        }

        var driver = CSharpGeneratorDriver.Create(
            [new ProxyGenGenerator().AsSourceGenerator()],
            texts,
            optionsProvider: new MetadataOptions(metadata));
        var result = driver.RunGenerators(CSharpCompilation.Create("ProxyGen.Cli")).GetRunResult();

        Directory.CreateDirectory(directory);
        var sources = result.Results.SelectMany(r => r.GeneratedSources).ToList();
        foreach (var source in sources)
        {
            File.WriteAllText(Path.Combine(directory, source.HintName), source.SourceText.ToString());
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        output.WriteLine($"Wrote {sources.Count} files to {Path.GetFullPath(directory)}.");
        return result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? Breaking : Ok;
    }

    private static ParseResult? Read(string path, Dictionary<string, string> options, TextWriter error)
    {
        if (ReadText(path, error) is not { } text)
        {
            return null;
        }

        var result = SpecSurface.Read(path, text, clientName: options.GetValueOrDefault("--client") ?? DefaultClientName(path));
        if (result?.Spec is null)
        {
            error.WriteLine($"{path} is not an OpenAPI 3.0 or 3.1 document ProxyGen can read.");
            foreach (var diagnostic in result?.Diagnostics ?? default)
            {
                error.WriteLine(diagnostic.ToDiagnostic().ToString());
            }

            return null;
        }

        return result;
    }

    private static string? ReadText(string path, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"No such file: {path}");
            return null;
        }

        return File.ReadAllText(path);
    }

    /// <summary>The client name the build gives a spec without ProxyGenClientName: <c>proxy_v1.yaml</c> → <c>ProxyV1Client</c>.</summary>
    private static string DefaultClientName(string specPath) => ProxyGen.Generator.Parsing.SpecInput.DefaultClientName(specPath);

    /// <summary>The selection options of <c>generate</c> and the item metadata each stands for.</summary>
    private static readonly (string Option, string Metadata)[] Selection =
    [
        ("--include-path", "ProxyGenIncludePaths"), ("--exclude-path", "ProxyGenExcludePaths"),
        ("--include-tag", "ProxyGenIncludeTags"), ("--exclude-tag", "ProxyGenExcludeTags"),
        ("--include-operation", "ProxyGenIncludeOperations"), ("--exclude-operation", "ProxyGenExcludeOperations"),
    ];

    private static Dictionary<string, string> Options(string[] rest)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Length; i++)
        {
            if (!rest[i].StartsWith('-') || i + 1 >= rest.Length)
            {
                throw new UsageException($"Unexpected argument '{rest[i]}'.");
            }

            // A selection option may be given several times: its patterns add up.
            var key = rest[i];
            var value = rest[++i];
            options[key] = options.TryGetValue(key, out var earlier) && key.StartsWith("--include-", StringComparison.Ordinal) | key.StartsWith("--exclude-", StringComparison.Ordinal)
                ? earlier + ";" + value
                : value;
        }

        return options;
    }

    private static int Print(TextWriter writer, string text, int code)
    {
        writer.WriteLine(text);
        return code;
    }

    private sealed class UsageException(string message) : Exception(message);

    private sealed class FileText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class MetadataOptions(Dictionary<string, string> metadata) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(metadata);

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
