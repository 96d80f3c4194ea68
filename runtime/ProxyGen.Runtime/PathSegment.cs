using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>Formats and percent-encodes a path parameter as one URL path segment.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PathSegment
{
    /// <summary>Encodes a string; '/', '?', '#', '%', spaces and line breaks cannot escape their segment.</summary>
    /// <exception cref="ArgumentException">
    /// The value is empty, <c>.</c> or <c>..</c>: System.Uri removes such segments (even percent-encoded), so the request
    /// would go to another resource than the one named.
    /// </exception>
    public static string Encode(string value, [CallerArgumentExpression(nameof(value))] string? argumentName = null)
    {
        ArgumentNullException.ThrowIfNull(value, argumentName);
        if (value.Length == 0 || value == "." || value == "..")
        {
            throw new ArgumentException($"A path segment cannot be '{value}': it would not name one resource.", argumentName);
        }

        return Uri.EscapeDataString(value);
    }

    // Every other value is written by ParameterText, as in a query, form or header, then percent-encoded.

    /// <summary>Encodes an integer in the invariant culture.</summary>
    public static string Encode(long value) => Uri.EscapeDataString(ParameterText.Of(value));

    /// <summary>Encodes a number in its shortest round-trip form.</summary>
    public static string Encode(double value) => Uri.EscapeDataString(ParameterText.Of(value));

    /// <summary>Encodes a decimal number in the invariant culture.</summary>
    public static string Encode(decimal value) => Uri.EscapeDataString(ParameterText.Of(value));

    /// <summary>Encodes a boolean as <c>true</c> or <c>false</c>.</summary>
    public static string Encode(bool value) => ParameterText.Of(value);

    /// <summary>Encodes a date-time as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Encode(DateTimeOffset value) => Uri.EscapeDataString(ParameterText.Of(value));

    /// <summary>Encodes a date as <c>yyyy-MM-dd</c>.</summary>
    public static string Encode(DateOnly value) => Uri.EscapeDataString(ParameterText.Of(value));

    /// <summary>
    /// Writes a path value in the <c>label</c> (<c>.blue</c>) or <c>matrix</c> (<c>;color=blue</c>) style, or, for
    /// <c>simple</c>, percent-encodes it as <see cref="Encode(string, string?)"/> does.
    /// </summary>
    /// <exception cref="ArgumentException">The result would not name one resource (see <see cref="Encode(string, string?)"/>).</exception>
    public static string Styled(string name, string? value, ParameterStyle style, [CallerArgumentExpression(nameof(value))] string? argumentName = null)
    {
        ArgumentNullException.ThrowIfNull(value, argumentName);
        ArgumentNullException.ThrowIfNull(name);
        return Checked(style switch
        {
            ParameterStyle.Label => "." + Uri.EscapeDataString(value),
            ParameterStyle.Matrix => ";" + Uri.EscapeDataString(name) + (value.Length == 0 ? string.Empty : "=" + Uri.EscapeDataString(value)),
            _ => Uri.EscapeDataString(value),
        }, argumentName);
    }

    /// <summary>
    /// Writes a list or an object as one path value in the <c>simple</c>, <c>label</c> or <c>matrix</c> style, each
    /// item percent-encoded and each delimiter as the style writes it (see <see cref="ParameterStyle"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty, or would make the segment <c>.</c> or <c>..</c>.</exception>
    public static string Styled(string name, JsonElement value, ParameterStyle style, bool explode, [CallerArgumentExpression(nameof(value))] string? argumentName = null) =>
        Checked(ParameterText.Styled(name, value, style, explode, Uri.EscapeDataString), argumentName);

    private static string Checked(string segment, string? argumentName) => segment.Length == 0 || segment == "." || segment == ".."
        ? throw new ArgumentException($"A path value cannot be written as '{segment}': it would not name one resource.", argumentName)
        : segment;

    /// <summary>Encodes a URI's text.</summary>
    public static string Encode(Uri value, [CallerArgumentExpression(nameof(value))] string? argumentName = null) =>
        Encode((value ?? throw new ArgumentNullException(argumentName)).OriginalString, argumentName);
}
