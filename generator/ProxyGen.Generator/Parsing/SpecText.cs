namespace ProxyGen.Generator.Parsing;

/// <summary>Text the spec writes for people (summaries, descriptions), as the model keeps it.</summary>
internal static class SpecText
{
    /// <summary>Trims a spec text; empty texts become null so the emitters can skip them.</summary>
    public static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
