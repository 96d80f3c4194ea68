using System;
using System.Text.RegularExpressions;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// Decides cheaply, from the text alone, whether an AdditionalFiles item is an OpenAPI document,
/// so that other YAML and JSON files in a project are never parsed.
/// </summary>
internal static class SpecSniffer
{
    /// <summary>What <see cref="OpenApiVersionOf"/> returns for a Swagger 2.0 document, as the diagnostic shows it.</summary>
    public const string SwaggerVersionPrefix = "Swagger ";

    // YAML: a top-level (column 0, or first in a flow mapping) `openapi:` or `swagger:` key. JSON: such a member
    // (documents put it at the top level).
    private static readonly Regex OpenApiVersion = new(
        @"(?:^(?:\{[ \t]*)?(?<key>openapi|swagger)|""(?<key>openapi|swagger)"")[ \t]*:[ \t]*[""']?(?<version>[0-9][0-9A-Za-z.\-]*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public static bool HasSpecExtension(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The declared version (<c>3.1.0</c>; <c>Swagger 2.0</c> for an OpenAPI 2.0 document), or null when the text
    /// is not an OpenAPI document at all.
    /// </summary>
    public static string? OpenApiVersionOf(string text)
    {
        var match = OpenApiVersion.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var version = match.Groups["version"].Value;
        return match.Groups["key"].Value == "swagger" ? SwaggerVersionPrefix + version : version;
    }

    /// <summary>ProxyGen reads 3.0.x and 3.1.x documents.</summary>
    public static bool IsSupported(string version) =>
        version.StartsWith("3.0", StringComparison.Ordinal) || version.StartsWith("3.1", StringComparison.Ordinal);

    /// <summary>A JSON document starts with <c>{</c>; anything else is read as YAML (of which JSON is a subset anyway).</summary>
    public static bool IsJson(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c == '{';
            }
        }

        return false;
    }
}
