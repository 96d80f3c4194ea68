using System.Globalization;
using System.Xml;

namespace ProxyGen.Runtime;

/// <summary>
/// The text forms of the string formats whose C# type has no single obvious spelling: RFC 2822 date-times (as Twilio
/// sends them), RFC 3339 partial-times, ISO 8601 durations and seconds since the Unix epoch. Parsing is exact: a value
/// in any other form is a <see cref="FormatException"/> naming what was expected.
/// </summary>
internal static class WireFormats
{
    private static readonly string[] Rfc2822Forms =
    [
        "ddd, d MMM yyyy HH':'mm':'ss zzz",
        "d MMM yyyy HH':'mm':'ss zzz",
        "ddd, d MMM yyyy HH':'mm zzz",
        "ddd, d MMM yyyy HH':'mm':'ss 'GMT'",
        "ddd, d MMM yyyy HH':'mm':'ss 'UT'",
    ];

    /// <summary>Reads <c>Thu, 30 Jul 2015 20:00:00 +0000</c> (RFC 2822 §3.3; <c>GMT</c> and <c>UT</c> as zone too), keeping its offset.</summary>
    public static DateTimeOffset ParseRfc2822(string text)
    {
        var trimmed = text.Trim();

        // .NET spells a numeric zone "+00:00"; RFC 2822 spells it "+0000".
        if (trimmed.Length > 5 && trimmed[^5] is '+' or '-' && IsDigits(trimmed.AsSpan(trimmed.Length - 4)))
        {
            trimmed = trimmed[..^2] + ":" + trimmed[^2..];
        }

        if (DateTimeOffset.TryParseExact(trimmed, Rfc2822Forms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var value))
        {
            return value;
        }

        throw new FormatException($"'{Clip(text)}' is not an RFC 2822 date-time (such as 'Thu, 30 Jul 2015 20:00:00 +0000').");
    }

    /// <summary>Writes a date-time as RFC 2822 with its own offset: <c>Thu, 30 Jul 2015 20:00:00 +0000</c>.</summary>
    public static string FormatRfc2822(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return value.ToString("ddd, dd MMM yyyy HH':'mm':'ss ", CultureInfo.InvariantCulture)
            + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads an RFC 3339 partial-time: <c>HH:mm:ss</c> with an optional fraction.</summary>
    public static TimeOnly ParseTime(string text)
    {
        if (TimeOnly.TryParseExact(text, ["HH':'mm':'ss", "HH':'mm':'ss'.'FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        throw new FormatException($"'{Clip(text)}' is not a time of day (HH:mm:ss, as RFC 3339 partial-time).");
    }

    /// <summary>Writes a time of day as <c>HH:mm:ss</c>, with the fraction only when there is one.</summary>
    public static string FormatTime(TimeOnly value) => value.ToString("HH':'mm':'ss'.'FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    /// <summary>
    /// Reads an ISO 8601 duration (<c>P3DT4H5M6.5S</c>). Years and months have no fixed length, so a duration that
    /// counts them is refused rather than guessed.
    /// </summary>
    public static TimeSpan ParseDuration(string text)
    {
        var date = text.Split('T')[0];
        if (date.Contains('Y', StringComparison.Ordinal) || date.Contains('M', StringComparison.Ordinal))
        {
            throw new FormatException($"'{Clip(text)}' counts years or months, which have no fixed length: read it as a string.");
        }

        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"'{Clip(text)}' is not an ISO 8601 duration (such as 'PT1H30M').");
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{Clip(text)}' is longer than a TimeSpan can hold.");
        }
    }

    /// <summary>Writes an ISO 8601 duration (<c>PT1H30M</c>).</summary>
    public static string FormatDuration(TimeSpan value) => XmlConvert.ToString(value);

    /// <summary>Seconds since 1970-01-01T00:00:00Z as a UTC date-time; a fraction keeps its milliseconds.</summary>
    public static DateTimeOffset FromUnixSeconds(decimal seconds)
    {
        if (seconds < -62135596800m || seconds > 253402300799m)
        {
            throw new FormatException($"{seconds.ToString(CultureInfo.InvariantCulture)} seconds since the Unix epoch is outside the dates .NET can hold.");
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>A date-time as seconds since the Unix epoch: whole seconds, or with a fraction when it has one.</summary>
    public static decimal ToUnixSeconds(DateTimeOffset value) =>
        (decimal)(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerSecond;

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
