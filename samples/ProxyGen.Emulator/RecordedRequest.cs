namespace ProxyGen.Emulator;

/// <summary>One request as it reached the emulator: what tests check the bytes on the wire against.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, percent-encoded as sent.</param>
/// <param name="Query">The query string with its '?', or empty.</param>
/// <param name="Headers">Request headers (names case-insensitive).</param>
/// <param name="Body">The raw body as text.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}{Query}";
}
