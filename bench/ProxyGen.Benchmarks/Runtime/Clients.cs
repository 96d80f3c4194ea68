using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Twilio.Clients;

namespace ProxyGen.Benchmarks.Runtime;

/// <summary>
/// The floor: the leanest honest call a careful person writes by hand with nothing but the BCL. HttpClient with its
/// headers set once, the form body encoded straight into a <see cref="ByteArrayContent"/> (pre-encoded where the value
/// is a constant), the response read into a pooled buffer, one pass of Utf8JsonReader into a plain class.
/// </summary>
public sealed class FloorClient(HttpClient http)
{
    public static HttpClient CreateHttpClient(Uri server)
    {
        var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials.User + ":" + Credentials.Password)));
        return http;
    }

    public async Task<FloorService> UpdateServiceAsync(string sid, string uniqueName, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/Services/" + sid)
        {
            Content = Form(Encoding.ASCII.GetBytes("UniqueName=" + Uri.EscapeDataString(uniqueName).Replace("%20", "+"))),
        };
        return await SendAsync(request, static (ref Utf8JsonReader reader) => FloorService.Read(ref reader), cancellationToken);
    }

    public async Task<FloorShortCode> UpdateShortCodeAsync(string serviceSid, string sid, bool isReserved, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/Services/{serviceSid}/ShortCodes/{sid}")
        {
            Content = Form(isReserved ? IsReservedTrue : IsReservedFalse),
        };
        return await SendAsync(request, static (ref Utf8JsonReader reader) => FloorShortCode.Read(ref reader), cancellationToken);
    }

    private static readonly byte[] IsReservedTrue = "IsReserved=true"u8.ToArray();
    private static readonly byte[] IsReservedFalse = "IsReserved=false"u8.ToArray();

    private static ByteArrayContent Form(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        return content;
    }

    private delegate T Reader<T>(ref Utf8JsonReader reader);

    private async Task<T> SendAsync<T>(HttpRequestMessage request, Reader<T> read, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent((int)(response.Content.Headers.ContentLength ?? 4096) + 1);
        try
        {
            var length = 0;
            int count;
            while ((count = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += count;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
            reader.Read();
            return read(ref reader);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>The floor's Service: the same members the generated model has, read by hand.</summary>
public sealed class FloorService
{
    public string? Sid, UniqueName, AccountSid, ChatInstanceSid, NumberSelectionBehavior, GeoMatchLevel;
    public Uri? CallbackUrl, InterceptCallbackUrl, OutOfSessionCallbackUrl, Url;
    public int DefaultTtl;
    public DateTimeOffset? DateCreated, DateUpdated;
    public Dictionary<string, string>? Links;

    public static FloorService Read(ref Utf8JsonReader reader)
    {
        var service = new FloorService();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sid"u8)) { reader.Read(); service.Sid = reader.GetString(); }
            else if (reader.ValueTextEquals("unique_name"u8)) { reader.Read(); service.UniqueName = reader.GetString(); }
            else if (reader.ValueTextEquals("account_sid"u8)) { reader.Read(); service.AccountSid = reader.GetString(); }
            else if (reader.ValueTextEquals("chat_instance_sid"u8)) { reader.Read(); service.ChatInstanceSid = reader.GetString(); }
            else if (reader.ValueTextEquals("callback_url"u8)) { reader.Read(); service.CallbackUrl = Uri(ref reader); }
            else if (reader.ValueTextEquals("default_ttl"u8)) { reader.Read(); service.DefaultTtl = reader.GetInt32(); }
            else if (reader.ValueTextEquals("number_selection_behavior"u8)) { reader.Read(); service.NumberSelectionBehavior = reader.GetString(); }
            else if (reader.ValueTextEquals("geo_match_level"u8)) { reader.Read(); service.GeoMatchLevel = reader.GetString(); }
            else if (reader.ValueTextEquals("intercept_callback_url"u8)) { reader.Read(); service.InterceptCallbackUrl = Uri(ref reader); }
            else if (reader.ValueTextEquals("out_of_session_callback_url"u8)) { reader.Read(); service.OutOfSessionCallbackUrl = Uri(ref reader); }
            else if (reader.ValueTextEquals("date_created"u8)) { reader.Read(); service.DateCreated = reader.GetDateTimeOffset(); }
            else if (reader.ValueTextEquals("date_updated"u8)) { reader.Read(); service.DateUpdated = reader.GetDateTimeOffset(); }
            else if (reader.ValueTextEquals("url"u8)) { reader.Read(); service.Url = Uri(ref reader); }
            else if (reader.ValueTextEquals("links"u8))
            {
                reader.Read();
                service.Links = new Dictionary<string, string>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    service.Links[key] = reader.GetString()!;
                }
            }
            else { reader.Read(); reader.Skip(); }
        }

        return service;
    }

    internal static Uri? Uri(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : new Uri(reader.GetString()!, UriKind.RelativeOrAbsolute);
}

/// <summary>The floor's ShortCode.</summary>
public sealed class FloorShortCode
{
    public string? Sid, AccountSid, ServiceSid, ShortCode, IsoCountry;
    public Uri? Url;
    public DateTimeOffset? DateCreated, DateUpdated;
    public bool? IsReserved, Fax, Mms, Sms, Voice;

    public static FloorShortCode Read(ref Utf8JsonReader reader)
    {
        var code = new FloorShortCode();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sid"u8)) { reader.Read(); code.Sid = reader.GetString(); }
            else if (reader.ValueTextEquals("account_sid"u8)) { reader.Read(); code.AccountSid = reader.GetString(); }
            else if (reader.ValueTextEquals("service_sid"u8)) { reader.Read(); code.ServiceSid = reader.GetString(); }
            else if (reader.ValueTextEquals("date_created"u8)) { reader.Read(); code.DateCreated = reader.GetDateTimeOffset(); }
            else if (reader.ValueTextEquals("date_updated"u8)) { reader.Read(); code.DateUpdated = reader.GetDateTimeOffset(); }
            else if (reader.ValueTextEquals("short_code"u8)) { reader.Read(); code.ShortCode = reader.GetString(); }
            else if (reader.ValueTextEquals("iso_country"u8)) { reader.Read(); code.IsoCountry = reader.GetString(); }
            else if (reader.ValueTextEquals("url"u8)) { reader.Read(); code.Url = FloorService.Uri(ref reader); }
            else if (reader.ValueTextEquals("is_reserved"u8)) { reader.Read(); code.IsReserved = reader.GetBoolean(); }
            else if (reader.ValueTextEquals("capabilities"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("fax"u8)) { reader.Read(); code.Fax = reader.GetBoolean(); }
                    else if (reader.ValueTextEquals("mms"u8)) { reader.Read(); code.Mms = reader.GetBoolean(); }
                    else if (reader.ValueTextEquals("sms"u8)) { reader.Read(); code.Sms = reader.GetBoolean(); }
                    else if (reader.ValueTextEquals("voice"u8)) { reader.Read(); code.Voice = reader.GetBoolean(); }
                    else { reader.Read(); reader.Skip(); }
                }
            }
            else { reader.Read(); reader.Skip(); }
        }

        return code;
    }
}

/// <summary>System.Text.Json source generation: the models a user would write, read by a JsonSerializerContext.</summary>
public sealed class StjClient(HttpClient http)
{
    public async Task<StjService?> UpdateServiceAsync(string sid, string uniqueName, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/Services/" + sid) { Content = new FormUrlEncodedContent([new("UniqueName", uniqueName)]) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(stream, StjContext.Default.StjService, cancellationToken);
    }

    public async Task<StjShortCode?> UpdateShortCodeAsync(string serviceSid, string sid, bool isReserved, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/Services/{serviceSid}/ShortCodes/{sid}") { Content = new FormUrlEncodedContent([new("IsReserved", isReserved ? "true" : "false")]) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(stream, StjContext.Default.StjShortCode, cancellationToken);
    }

    public async IAsyncEnumerable<StjShortCode> ListShortCodeAllAsync(string serviceSid, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? next = $"/v1/Services/{serviceSid}/ShortCodes?PageSize={pageSize}";
        while (next is not null)
        {
            using var response = await http.GetAsync(next, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var page = await JsonSerializer.DeserializeAsync(stream, StjContext.Default.StjShortCodePage, cancellationToken);
            foreach (var item in page?.ShortCodes ?? [])
            {
                yield return item;
            }

            next = page?.Meta?.NextPageUrl;
        }
    }
}

public sealed class StjService
{
    [JsonPropertyName("sid")] public string? Sid { get; set; }
    [JsonPropertyName("unique_name")] public string? UniqueName { get; set; }
    [JsonPropertyName("account_sid")] public string? AccountSid { get; set; }
    [JsonPropertyName("chat_instance_sid")] public string? ChatInstanceSid { get; set; }
    [JsonPropertyName("callback_url")] public Uri? CallbackUrl { get; set; }
    [JsonPropertyName("default_ttl")] public int DefaultTtl { get; set; }
    [JsonPropertyName("number_selection_behavior")] public string? NumberSelectionBehavior { get; set; }
    [JsonPropertyName("geo_match_level")] public string? GeoMatchLevel { get; set; }
    [JsonPropertyName("intercept_callback_url")] public Uri? InterceptCallbackUrl { get; set; }
    [JsonPropertyName("out_of_session_callback_url")] public Uri? OutOfSessionCallbackUrl { get; set; }
    [JsonPropertyName("date_created")] public DateTimeOffset? DateCreated { get; set; }
    [JsonPropertyName("date_updated")] public DateTimeOffset? DateUpdated { get; set; }
    [JsonPropertyName("url")] public Uri? Url { get; set; }
    [JsonPropertyName("links")] public Dictionary<string, string>? Links { get; set; }
}

public sealed class StjCapabilities
{
    [JsonPropertyName("fax")] public bool? Fax { get; set; }
    [JsonPropertyName("mms")] public bool? Mms { get; set; }
    [JsonPropertyName("sms")] public bool? Sms { get; set; }
    [JsonPropertyName("voice")] public bool? Voice { get; set; }
}

public sealed class StjShortCode
{
    [JsonPropertyName("sid")] public string? Sid { get; set; }
    [JsonPropertyName("account_sid")] public string? AccountSid { get; set; }
    [JsonPropertyName("service_sid")] public string? ServiceSid { get; set; }
    [JsonPropertyName("date_created")] public DateTimeOffset? DateCreated { get; set; }
    [JsonPropertyName("date_updated")] public DateTimeOffset? DateUpdated { get; set; }
    [JsonPropertyName("short_code")] public string? ShortCode { get; set; }
    [JsonPropertyName("iso_country")] public string? IsoCountry { get; set; }
    [JsonPropertyName("capabilities")] public StjCapabilities? Capabilities { get; set; }
    [JsonPropertyName("url")] public Uri? Url { get; set; }
    [JsonPropertyName("is_reserved")] public bool? IsReserved { get; set; }
}

public sealed class StjMeta
{
    [JsonPropertyName("page")] public int Page { get; set; }
    [JsonPropertyName("page_size")] public int PageSize { get; set; }
    [JsonPropertyName("first_page_url")] public string? FirstPageUrl { get; set; }
    [JsonPropertyName("previous_page_url")] public string? PreviousPageUrl { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("next_page_url")] public string? NextPageUrl { get; set; }
    [JsonPropertyName("key")] public string? Key { get; set; }
}

public sealed class StjShortCodePage
{
    [JsonPropertyName("short_codes")] public List<StjShortCode>? ShortCodes { get; set; }
    [JsonPropertyName("meta")] public StjMeta? Meta { get; set; }
}

[JsonSerializable(typeof(StjService))]
[JsonSerializable(typeof(StjShortCode))]
[JsonSerializable(typeof(StjShortCodePage))]
public sealed partial class StjContext : JsonSerializerContext;

/// <summary>Made-up credentials (the server checks nothing); never a real account's.</summary>
public static class Credentials
{
    public const string User = "AC00000000000000000000000000000000";
    public const string Password = "not-a-real-token";
}

/// <summary>Sends the Twilio SDK's requests for https://proxy.twilio.com to the local server instead.</summary>
public sealed class RewritingHandler(Uri server) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = server.Scheme, Host = server.Host, Port = server.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }

    public static TwilioRestClient CreateTwilioClient(Uri server) =>
        new(Credentials.User, Credentials.Password, httpClient: new Twilio.Http.SystemNetHttpClient(new HttpClient(new RewritingHandler(server))));
}
