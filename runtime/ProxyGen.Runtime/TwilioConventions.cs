using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// What the runtime knows of Twilio's conventions, in one place: the error body (<c>code</c>, <c>message</c>,
/// <c>more_info</c>) and the <c>Twilio-Request-Id</c> header that <see cref="ApiException"/> carries. (Twilio's paging,
/// <c>meta.next_page_url</c>, is recognised by the generator; the runtime only follows the link, with
/// <see cref="PageLinks"/>.) Other APIs' error bodies still arrive whole in <see cref="ApiException.ResponseBody"/>;
/// a <c>message</c> or an RFC 9457 <c>detail</c> member is read from them too.
/// </summary>
internal static class TwilioConventions
{
    /// <summary>The response header Twilio identifies each request by, for support requests.</summary>
    public const string RequestIdHeader = "Twilio-Request-Id";

    /// <summary>Twilio's error code, its link to the error's documentation, and the server's message, when the body is a JSON object holding them.</summary>
    public static (int? Code, string? MoreInfo, string? Message) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            var root = document.RootElement;
            int? code = root.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.Number && codeElement.TryGetInt32(out var parsed) ? parsed : null;
            return (code, StringMember(root, "more_info"), StringMember(root, "message") ?? StringMember(root, "detail"));
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, plain text): the raw body still travels in ResponseBody.
            return default;
        }
    }

    private static string? StringMember(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
}
