namespace ProxyGen.Runtime;

/// <summary>What HTTP allows in a header or cookie name.</summary>
internal static class HttpToken
{
    /// <summary>An HTTP token (RFC 9110 §5.6.2): the characters a header name may have.</summary>
    public static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c > 126 || !(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
            {
                return false;
            }
        }

        return true;
    }
}
