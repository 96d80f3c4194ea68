using ProxyGen.Generator.Drift;
using ProxyGen.Generator.Parsing;

namespace ProxyGen.Cli;

/// <summary>
/// Reads one spec file the way the build does (same parser, same passes, same model) for what works outside a build:
/// the CLI's <c>baseline</c> and <c>diff</c>, and the tests.
/// </summary>
internal static class SpecSurface
{
    /// <summary>The parse of <paramref name="path"/>: model, diagnostics and surface. Null when the file is not an OpenAPI document.</summary>
    /// <param name="baseline">The API baseline to read it against, as the build does with the file beside the spec.</param>
    public static ParseResult? Read(string path, string text, string? @namespace = null, string? clientName = null, string? baseline = null, CancellationToken cancellationToken = default)
    {
        if (SpecSniffer.OpenApiVersionOf(text) is not { } version)
        {
            return null;
        }

        var input = new SpecInput(path, text, version, @namespace ?? "ProxyGen.Generated", clientName ?? SpecInput.DefaultClientName(path), Visibility: null);
        var parsed = SpecParser.Parse(input, cancellationToken);
        return BaselinePass.Apply(parsed, baseline is null ? null : new SpecBaseline(SpecInput.BaselinePathOf(path), baseline), withSurface: true);
    }

    /// <summary>
    /// The changes from one version of a spec to the next, as the build reports them when the old version's baseline
    /// stands beside the new one (so inline types keep their names across the versions, as they do in the build).
    /// </summary>
    public static List<ApiChange>? Compare(string oldPath, string oldText, string newPath, string newText, string clientName)
    {
        if (Read(oldPath, oldText, clientName: clientName) is not { } old
            || Read(newPath, newText, clientName: clientName, baseline: ApiSurface.Write(Path.GetFileName(oldPath), old.Surface)) is not { } @new)
        {
            return null;
        }

        return ApiChange.Compare(old.Surface, @new.Surface);
    }

    /// <summary>The API baseline text of a parsed spec.</summary>
    public static string Baseline(string specFileName, ParseResult result) => ApiSurface.Write(specFileName, result.Surface);
}
