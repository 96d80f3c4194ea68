using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProxyGen.Generator.Parsing;

/// <summary>Picks the AdditionalFiles that are OpenAPI documents and reads their ProxyGen metadata.</summary>
internal static class SpecInputReader
{
    public static SpecInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        if (!SpecSniffer.HasSpecExtension(file.Path))
        {
            return null;
        }

        var options = optionsProvider.GetOptions(file);
        if (options.TryGetValue("build_metadata.AdditionalFiles.ProxyGen", out var enabled)
            && string.Equals(enabled.Trim(), "false", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString();
        if (text is null || SpecSniffer.OpenApiVersionOf(text) is not { } version)
        {
            return null;
        }

        var @namespace = Option(options, "build_metadata.AdditionalFiles.ProxyGenNamespace")
            ?? Option(optionsProvider.GlobalOptions, "build_property.RootNamespace")
            ?? "ProxyGen.Generated";
        var clientName = Option(options, "build_metadata.AdditionalFiles.ProxyGenClientName")
            ?? SpecInput.DefaultClientName(file.Path);
        return new SpecInput(
            file.Path,
            text,
            version,
            @namespace,
            clientName,
            Option(options, "build_metadata.AdditionalFiles.ProxyGenVisibility"),
            Option(options, "build_metadata.AdditionalFiles.ProxyGenRequiredMembers"))
        {
            Selection = new SelectionOptions(
                Pattern(options, "build_metadata.AdditionalFiles.ProxyGenIncludePaths"),
                Pattern(options, "build_metadata.AdditionalFiles.ProxyGenExcludePaths"),
                Pattern(options, "build_metadata.AdditionalFiles.ProxyGenIncludeTags"),
                Pattern(options, "build_metadata.AdditionalFiles.ProxyGenExcludeTags"),
                Pattern(options, "build_metadata.AdditionalFiles.ProxyGenIncludeOperations"),
                Pattern(options, "build_metadata.AdditionalFiles.ProxyGenExcludeOperations")),
        };
    }

    /// <summary>The API baseline that stands beside the spec at <paramref name="specPath"/>, if <paramref name="baselines"/> has one.</summary>
    public static SpecBaseline? BaselineOf(string specPath, System.Collections.Immutable.ImmutableArray<SpecBaseline> baselines)
    {
        var path = SpecInput.BaselinePathOf(specPath);
        foreach (var baseline in baselines)
        {
            if (string.Equals(baseline.Path.Replace('\\', '/'), path.Replace('\\', '/'), System.StringComparison.OrdinalIgnoreCase))
            {
                return baseline;
            }
        }

        return null;
    }

    /// <summary>
    /// A selection value. The compiler reads item metadata from an .editorconfig, where <c>;</c> and <c>#</c> start a
    /// comment and cut the value short (dotnet/roslyn#43970), so ProxyGen's build props hand it over percent-encoded
    /// (<c>ProxyGenEncodeSelection</c>); a value set some other way has no <c>%</c> and reads as it is.
    /// </summary>
    private static string? Pattern(AnalyzerConfigOptions options, string key) =>
        Option(options, key) is { } value ? System.Uri.UnescapeDataString(value).Trim() : null;

    private static string? Option(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
