using System.Globalization;
using System.Runtime.CompilerServices;

namespace ProxyGen.Runtime;

/// <summary>Formats and percent-encodes a path parameter as one URL path segment.</summary>
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

    /// <summary>Encodes an integer in the invariant culture.</summary>
    public static string Encode(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Encodes a number in the invariant culture.</summary>
    public static string Encode(double value) => Uri.EscapeDataString(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Encodes a decimal number in the invariant culture.</summary>
    public static string Encode(decimal value) => Uri.EscapeDataString(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Encodes a boolean as <c>true</c> or <c>false</c>.</summary>
    public static string Encode(bool value) => value ? "true" : "false";

    /// <summary>Encodes a date-time as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Encode(DateTimeOffset value) => Uri.EscapeDataString(ParameterList.Format(value));

    /// <summary>Encodes a date as <c>yyyy-MM-dd</c>.</summary>
    public static string Encode(DateOnly value) => ParameterList.Format(value);

    /// <summary>Encodes a URI's text.</summary>
    public static string Encode(Uri value, [CallerArgumentExpression(nameof(value))] string? argumentName = null) =>
        Encode((value ?? throw new ArgumentNullException(argumentName)).OriginalString, argumentName);
}
