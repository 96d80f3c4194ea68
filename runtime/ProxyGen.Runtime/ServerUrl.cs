using System.ComponentModel;
namespace ProxyGen.Runtime;

/// <summary>Fills the variables of a spec's server URL (<c>https://{region}.example.com</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerUrl
{
    /// <summary>
    /// The server address with each variable taken from <see cref="ApiClientOptions.ServerVariables"/>, or else its default.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A variable the spec does not declare, or a value that could move the address elsewhere
    /// (<c>/ ? # @ \</c>, whitespace or control characters).
    /// </exception>
    public static Uri Expand(string template, IReadOnlyDictionary<string, string> defaults, ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var name in options.ServerVariables.Keys)
        {
            if (!defaults.ContainsKey(name))
            {
                throw new ArgumentException(
                    $"The server URL '{template}' has no variable '{name}'; it has {string.Join(", ", defaults.Keys.Select(k => "'" + k + "'"))}.",
                    nameof(options));
            }
        }

        var url = template;
        foreach (var (name, fallback) in defaults)
        {
            var value = options.ServerVariables.TryGetValue(name, out var chosen) ? chosen : fallback;
            if (string.IsNullOrEmpty(value) || value.Any(c => c is '/' or '?' or '#' or '@' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new ArgumentException(
                    $"The server variable '{name}' must be a non-empty value without '/', '?', '#', '@', '\\', spaces or control characters.",
                    nameof(options));
            }

            url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            ? address
            : throw new ArgumentException($"The server variables make '{template}' into '{url}', which is not an absolute http or https address.", nameof(options));
    }
}
