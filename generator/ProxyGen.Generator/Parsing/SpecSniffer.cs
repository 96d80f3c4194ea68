using System;
using System.Text.RegularExpressions;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// Decides cheaply, from the text alone, whether an AdditionalFiles item is an OpenAPI document,
/// so that other YAML and JSON files in a project are never parsed.
/// </summary>
internal static class SpecSniffer
{
    // YAML: a top-level (column 0) `openapi:` key. JSON: an "openapi" member (documents put it at the top level).
    private static readonly Regex OpenApiVersion = new(
        @"(?:^openapi|""openapi"")[ \t]*:[ \t]*[""']?(?<version>[0-9][0-9A-Za-z.\-]*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public static bool HasSpecExtension(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The declared OpenAPI version, or null when the text is not an OpenAPI 3 document at all.</summary>
    public static string? OpenApiVersionOf(string text)
    {
        var match = OpenApiVersion.Match(text);
        return match.Success ? match.Groups["version"].Value : null;
    }

    /// <summary>ProxyGen reads 3.0.x documents.</summary>
    public static bool IsSupported(string version) => version.StartsWith("3.0", StringComparison.Ordinal);
}
