using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Drift;

/// <summary>
/// How an API baseline spells a C# type: the type the generated code declares, fully qualified without <c>global::</c>
/// (<c>System.Collections.Generic.IReadOnlyList&lt;ShortCode&gt;?</c>), from the Model's <see cref="TypeSpelling"/>,
/// never from emitted text: how an emitter formats code never changes what counts as an API change.
/// </summary>
internal static class SurfaceTypes
{
    public static string Of(TypeRef type) => TypeSpelling.Of(type, global: string.Empty);

    /// <summary>A type text from a baseline made safe to compile again: every BCL and runtime name qualified with <c>global::</c>.</summary>
    public static string Compilable(string typeText) =>
        System.Text.RegularExpressions.Regex.Replace(typeText, @"(?<![\w.:])(System|ProxyGen\.Runtime)\.", "global::$1.");
}
