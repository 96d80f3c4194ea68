using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProxyGen.Emulator;

/// <summary>The Proxy v1 endpoints: create, fetch, list (paged), update and delete for every resource.</summary>
internal sealed class ProxyRoutes
{
    private static readonly string[] GeoMatchLevels = ["area-code", "overlay", "radius", "country"];
    private static readonly string[] NumberSelectionBehaviors = ["avoid-sticky", "prefer-sticky"];
    private static readonly string[] SessionModes = ["message-only", "voice-only", "voice-and-message"];
    private static readonly string[] SessionStatuses = ["open", "in-progress", "closed", "failed", "unknown"];

    private static readonly FormField[] ServiceFields =
    [
        new("UniqueName", "unique_name", FieldKind.String),
        new("DefaultTtl", "default_ttl", FieldKind.Integer),
        new("CallbackUrl", "callback_url", FieldKind.String),
        new("GeoMatchLevel", "geo_match_level", FieldKind.Enum, GeoMatchLevels),
        new("NumberSelectionBehavior", "number_selection_behavior", FieldKind.Enum, NumberSelectionBehaviors),
        new("InterceptCallbackUrl", "intercept_callback_url", FieldKind.String),
        new("OutOfSessionCallbackUrl", "out_of_session_callback_url", FieldKind.String),
        new("ChatInstanceSid", "chat_instance_sid", FieldKind.String),
    ];

    private static readonly FormField[] ReservationFields = [new("IsReserved", "is_reserved", FieldKind.Boolean)];

    private static readonly FormField[] SessionFields =
    [
        new("UniqueName", "unique_name", FieldKind.String),
        new("DateExpiry", "date_expiry", FieldKind.DateTime),
        new("Ttl", "ttl", FieldKind.Integer),
        new("Mode", "mode", FieldKind.Enum, SessionModes),
        new("Status", "status", FieldKind.Enum, SessionStatuses),
    ];

    private static readonly FormField[] ParticipantFields =
    [
        new("Identifier", "identifier", FieldKind.String),
        new("FriendlyName", "friendly_name", FieldKind.String),
        new("ProxyIdentifier", "proxy_identifier", FieldKind.String),
        new("ProxyIdentifierSid", "proxy_identifier_sid", FieldKind.String),
    ];

    private readonly ResourceStore _store;
    private readonly string _accountSid;
    private readonly InterceptCallbacks _callbacks;

    private ProxyRoutes(ResourceStore store, string accountSid, InterceptCallbacks callbacks)
    {
        _store = store;
        _accountSid = accountSid;
        _callbacks = callbacks;
    }

    public static void Map(WebApplication app, ResourceStore store, string accountSid, InterceptCallbacks callbacks)
    {
        var routes = new ProxyRoutes(store, accountSid, callbacks);
        const string Service = "/v1/Services/{ServiceSid}";
        const string Session = Service + "/Sessions/{SessionSid}";
        const string Participant = Session + "/Participants/{ParticipantSid}";

        app.MapGet("/v1/Services", (HttpRequest c) => routes.List(c, "services"));
        app.MapPost("/v1/Services", (HttpRequest c) => routes.CreateAsync(c, "KS", routes.NewService));
        app.MapGet("/v1/Services/{Sid}", routes.Fetch);
        app.MapPost("/v1/Services/{Sid}", (HttpRequest c) => routes.UpdateAsync(c, ServiceFields));
        app.MapDelete("/v1/Services/{Sid}", routes.Delete);

        app.MapGet(Service + "/PhoneNumbers", (HttpRequest c) => routes.List(c, "phone_numbers"));
        app.MapPost(Service + "/PhoneNumbers", (HttpRequest c) => routes.CreateAsync(c, "PN", routes.NewPhoneNumber));
        app.MapGet(Service + "/PhoneNumbers/{Sid}", routes.Fetch);
        app.MapPost(Service + "/PhoneNumbers/{Sid}", (HttpRequest c) => routes.UpdateAsync(c, ReservationFields));
        app.MapDelete(Service + "/PhoneNumbers/{Sid}", routes.Delete);

        app.MapGet(Service + "/ShortCodes", (HttpRequest c) => routes.List(c, "short_codes"));
        app.MapPost(Service + "/ShortCodes", (HttpRequest c) => routes.CreateAsync(c, "SC", routes.NewShortCode));
        app.MapGet(Service + "/ShortCodes/{Sid}", routes.Fetch);
        app.MapPost(Service + "/ShortCodes/{Sid}", (HttpRequest c) => routes.UpdateAsync(c, ReservationFields));
        app.MapDelete(Service + "/ShortCodes/{Sid}", routes.Delete);

        app.MapGet(Service + "/Sessions", (HttpRequest c) => routes.List(c, "sessions"));
        app.MapPost(Service + "/Sessions", (HttpRequest c) => routes.CreateAsync(c, "KC", routes.NewSession));
        app.MapGet(Service + "/Sessions/{Sid}", routes.Fetch);
        app.MapPost(Service + "/Sessions/{Sid}", (HttpRequest c) => routes.UpdateAsync(c, SessionFields.Where(f => f.Form is "DateExpiry" or "Ttl" or "Status").ToArray()));
        app.MapDelete(Service + "/Sessions/{Sid}", routes.Delete);

        app.MapGet(Session + "/Participants", (HttpRequest c) => routes.List(c, "participants"));
        app.MapPost(Session + "/Participants", (HttpRequest c) => routes.CreateAsync(c, "KP", routes.NewParticipant));
        app.MapGet(Session + "/Participants/{Sid}", routes.Fetch);
        app.MapDelete(Session + "/Participants/{Sid}", routes.Delete);

        app.MapGet(Session + "/Interactions", (HttpRequest c) => routes.List(c, "interactions"));
        app.MapGet(Session + "/Interactions/{Sid}", routes.Fetch);
        app.MapDelete(Session + "/Interactions/{Sid}", routes.Delete);

        app.MapGet(Participant + "/MessageInteractions", (HttpRequest c) => routes.List(c, "interactions"));
        app.MapPost(Participant + "/MessageInteractions", (HttpRequest c) => routes.CreateAsync(c, "KI", routes.NewMessageInteraction, created: StatusCodes.Status200OK, intercept: true));
        app.MapGet(Participant + "/MessageInteractions/{Sid}", routes.Fetch);
    }

    /// <summary>Builds a new resource from the form, or returns the error to answer with.</summary>
    private delegate IResult? ResourceFactory(NewResource resource, IFormCollection form);

    private IResult List(HttpRequest request, string key)
    {
        var collection = request.Path.Value!;
        if (!ParentsExist(collection))
        {
            return TwilioError.NotFound(request);
        }

        var query = request.Query;
        var pageSize = int.TryParse(query["PageSize"], CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 1000) : 50;
        var page = int.TryParse(query["Page"], CultureInfo.InvariantCulture, out var number) ? Math.Max(number, 0) : 0;
        var items = _store.List(collection);
        var pageItems = items.Skip(page * pageSize).Take(pageSize).ToList();
        var self = Origin(request) + collection;
        string PageUrl(int n) => $"{self}?PageSize={pageSize}&Page={n}";

        return Results.Json(new JsonObject
        {
            [key] = new JsonArray(pageItems.Cast<JsonNode>().ToArray()),
            ["meta"] = new JsonObject
            {
                ["page"] = page,
                ["page_size"] = pageSize,
                ["first_page_url"] = PageUrl(0),
                ["previous_page_url"] = page > 0 ? PageUrl(page - 1) : null,
                ["url"] = PageUrl(page),
                ["next_page_url"] = (page + 1) * pageSize < items.Count ? PageUrl(page + 1) : null,
                ["key"] = key,
            },
        });
    }

    private IResult Fetch(HttpRequest request)
    {
        var (collection, sid) = Split(request.Path.Value!);
        return _store.Find(collection, sid) is { } resource ? Results.Json(resource) : TwilioError.NotFound(request);
    }

    private IResult Delete(HttpRequest request)
    {
        var (collection, sid) = Split(request.Path.Value!);
        return _store.Remove(collection, sid) ? Results.NoContent() : TwilioError.NotFound(request);
    }

    private async Task<IResult> CreateAsync(HttpRequest request, string prefix, ResourceFactory factory, int created = StatusCodes.Status201Created, bool intercept = false)
    {
        var collection = request.Path.Value!;
        if (!ParentsExist(collection))
        {
            return TwilioError.NotFound(request);
        }

        var form = await ReadFormAsync(request).ConfigureAwait(false);
        var now = ResourceStore.Now();
        var resource = new NewResource(
            collection,
            Origin(request),
            new JsonObject { ["sid"] = ResourceStore.NewSid(prefix), ["account_sid"] = _accountSid });
        foreach (var (name, sid, _) in Ancestors(collection))
        {
            resource.Json[name] = sid;
        }

        if (factory(resource, form) is { } error)
        {
            return error;
        }

        if (intercept && await InterceptedAsync(resource, request.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            // The application answered 403: the message is not delivered.
            resource.Json["outbound_resource_sid"] = null;
            resource.Json["outbound_resource_status"] = "undelivered";
        }

        resource.Json["date_created"] = now;
        resource.Json["date_updated"] = now;
        resource.Json["url"] = resource.Url;
        return Results.Json(_store.Add(collection, resource.Json), statusCode: created);
    }

    private async Task<IResult> UpdateAsync(HttpRequest request, FormField[] fields)
    {
        var (collection, sid) = Split(request.Path.Value!);
        if (_store.Find(collection, sid) is null)
        {
            return TwilioError.NotFound(request);
        }

        var form = await ReadFormAsync(request).ConfigureAwait(false);
        var changes = new JsonObject();
        if (Apply(form, changes, fields) is { } error)
        {
            return error;
        }

        var updated = _store.Update(collection, sid, resource =>
        {
            foreach (var (name, value) in changes)
            {
                resource[name] = value?.DeepClone();
            }
        });
        return updated is null ? TwilioError.NotFound(request) : Results.Json(updated);
    }

    private IResult? NewService(NewResource service, IFormCollection form)
    {
        if (string.IsNullOrEmpty(form["UniqueName"]))
        {
            return TwilioError.MissingParameter("UniqueName");
        }

        service.Json["default_ttl"] = 0;
        service.Json["number_selection_behavior"] = "prefer-sticky";
        service.Json["geo_match_level"] = "country";
        service.Json["links"] = service.Links("sessions", "Sessions", "phone_numbers", "PhoneNumbers", "short_codes", "ShortCodes");
        return Apply(form, service.Json, ServiceFields);
    }

    private IResult? NewPhoneNumber(NewResource number, IFormCollection form)
    {
        var sid = form["Sid"].ToString();
        var phoneNumber = form["PhoneNumber"].ToString();
        if (sid.Length == 0 && phoneNumber.Length == 0)
        {
            return TwilioError.MissingParameter("Sid or PhoneNumber");
        }

        if (sid.Length > 0)
        {
            number.Json["sid"] = sid;
        }

        number.Json["phone_number"] = phoneNumber.Length > 0 ? phoneNumber : "+1555" + Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);
        number.Json["friendly_name"] = number.Json["phone_number"]!.GetValue<string>();
        number.Json["iso_country"] = "US";
        number.Json["capabilities"] = new JsonObject { ["fax"] = false, ["mms"] = true, ["sms"] = true, ["voice"] = true };
        number.Json["is_reserved"] = false;
        number.Json["in_use"] = 0;
        return Apply(form, number.Json, ReservationFields);
    }

    private IResult? NewShortCode(NewResource shortCode, IFormCollection form)
    {
        var sid = form["Sid"].ToString();
        if (sid.Length == 0)
        {
            return TwilioError.MissingParameter("Sid");
        }

        if (!sid.StartsWith("SC", StringComparison.Ordinal) || sid.Length != 34)
        {
            return TwilioError.InvalidParameter("Sid", sid);
        }

        shortCode.Json["sid"] = sid;
        shortCode.Json["short_code"] = (12000 + (Math.Abs(sid.GetHashCode(StringComparison.Ordinal)) % 88000)).ToString(CultureInfo.InvariantCulture);
        shortCode.Json["iso_country"] = "US";

        // What Twilio really sends for short codes, not the fax/mms/sms/voice its spec describes.
        shortCode.Json["capabilities"] = new JsonObject { ["sms_outbound"] = true, ["voice_inbound"] = false };
        shortCode.Json["is_reserved"] = false;
        return null;
    }

    private IResult? NewSession(NewResource session, IFormCollection form)
    {
        session.Json["status"] = "open";
        session.Json["mode"] = "voice-and-message";
        session.Json["ttl"] = 0;
        session.Json["date_started"] = ResourceStore.Now();
        session.Json["date_ended"] = null;
        session.Json["date_last_interaction"] = null;
        session.Json["date_expiry"] = null;
        session.Json["closed_reason"] = null;
        session.Json["links"] = session.Links("participants", "Participants", "interactions", "Interactions");
        if (Apply(form, session.Json, SessionFields) is { } error)
        {
            return error;
        }

        // Participants travel as one JSON object per form value.
        var participants = new List<JsonObject>();
        foreach (var text in form["Participants"])
        {
            try
            {
                participants.Add(JsonNode.Parse(text ?? string.Empty) as JsonObject ?? throw new JsonException());
            }
            catch (JsonException)
            {
                return TwilioError.InvalidParameter("Participants", text ?? string.Empty);
            }
        }

        var participantCollection = session.Url.Substring(session.Origin.Length) + "/Participants";
        foreach (var participant in participants)
        {
            if (participant["Identifier"] is null)
            {
                return TwilioError.MissingParameter("Participants[].Identifier");
            }

            var created = new NewResource(participantCollection, session.Origin, new JsonObject { ["sid"] = ResourceStore.NewSid("KP"), ["account_sid"] = _accountSid });
            foreach (var (name, sid, _) in Ancestors(participantCollection))
            {
                created.Json[name] = sid;
            }

            FillParticipant(created, participant.ToDictionary(p => p.Key, p => p.Value?.ToString()));
            created.Json["date_created"] = ResourceStore.Now();
            created.Json["date_updated"] = ResourceStore.Now();
            created.Json["url"] = created.Url;
            _store.Add(participantCollection, created.Json);
        }

        return null;
    }

    private IResult? NewParticipant(NewResource participant, IFormCollection form)
    {
        if (string.IsNullOrEmpty(form["Identifier"]))
        {
            return TwilioError.MissingParameter("Identifier");
        }

        FillParticipant(participant, ParticipantFields.ToDictionary(f => f.Form, f => (string?)form[f.Form].ToString()));
        return null;
    }

    private static void FillParticipant(NewResource participant, Dictionary<string, string?> values)
    {
        string? Value(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        participant.Json["identifier"] = Value("Identifier");
        participant.Json["friendly_name"] = Value("FriendlyName");
        participant.Json["proxy_identifier"] = Value("ProxyIdentifier") ?? "+15005550006";
        participant.Json["proxy_identifier_sid"] = Value("ProxyIdentifierSid") ?? ResourceStore.NewSid("PN");
        participant.Json["date_deleted"] = null;
        participant.Json["links"] = participant.Links("message_interactions", "MessageInteractions");
    }

    private IResult? NewMessageInteraction(NewResource interaction, IFormCollection form)
    {
        var body = form["Body"].ToString();
        var media = form["MediaUrl"].Where(m => !string.IsNullOrEmpty(m)).Select(m => (JsonNode)JsonValue.Create(m!)).ToArray();
        if (body.Length == 0 && media.Length == 0)
        {
            return TwilioError.MissingParameter("Body or MediaUrl");
        }

        var data = new JsonObject { ["body"] = body };
        if (media.Length > 0)
        {
            data["media_urls"] = new JsonArray(media);
        }

        var participantSid = (string)interaction.Json["participant_sid"]!;
        interaction.Json["data"] = data.ToJsonString();
        interaction.Json["type"] = "message";
        interaction.Json["inbound_participant_sid"] = null;
        interaction.Json["inbound_resource_sid"] = null;
        interaction.Json["inbound_resource_status"] = null;
        interaction.Json["inbound_resource_type"] = null;
        interaction.Json["inbound_resource_url"] = null;
        interaction.Json["outbound_participant_sid"] = participantSid;
        interaction.Json["outbound_resource_sid"] = ResourceStore.NewSid("SM");
        interaction.Json["outbound_resource_status"] = "sent";
        interaction.Json["outbound_resource_type"] = "Message";
        interaction.Json["outbound_resource_url"] = null;

        // The same message is an Interaction of the whole Session too.
        var sessionInteractions = interaction.Collection[..interaction.Collection.IndexOf("/Participants/", StringComparison.Ordinal)] + "/Interactions";
        var copy = (JsonObject)interaction.Json.DeepClone();
        copy.Remove("participant_sid");
        copy["date_created"] = ResourceStore.Now();
        copy["date_updated"] = ResourceStore.Now();
        copy["url"] = interaction.Origin + sessionInteractions + "/" + interaction.Sid;
        _store.Add(sessionInteractions, copy);
        return null;
    }

    /// <summary>
    /// When the Interaction's Service has an InterceptCallbackUrl: asks the application (a signed form POST, as Twilio
    /// sends it) and answers whether it blocked the Interaction.
    /// </summary>
    private async Task<bool> InterceptedAsync(NewResource interaction, CancellationToken cancellationToken)
    {
        var serviceSid = (string)interaction.Json["service_sid"]!;
        if (_store.Find("/v1/Services", serviceSid)?["intercept_callback_url"]?.GetValue<string>() is not { Length: > 0 } url)
        {
            return false;
        }

        var participantCollection = interaction.Collection[..interaction.Collection.LastIndexOf('/')];
        var participant = _store.Find(participantCollection[..participantCollection.LastIndexOf('/')], participantCollection[(participantCollection.LastIndexOf('/') + 1)..]);
        KeyValuePair<string, string> Field(string name, string? value) => new(name, value ?? string.Empty);
        var fields = new List<KeyValuePair<string, string>>
        {
            Field("interactionSid", interaction.Sid),
            Field("interactionServiceSid", serviceSid),
            Field("interactionSessionSid", (string?)interaction.Json["session_sid"]),
            Field("interactionAccountSid", _accountSid),
            Field("interactionType", "message"),
            Field("interactionData", (string?)interaction.Json["data"]),
            Field("outboundParticipantSid", (string?)interaction.Json["participant_sid"]),
            Field("outboundParticipantIdentifier", (string?)participant?["identifier"]),
            Field("outboundParticipantProxyIdentifier", (string?)participant?["proxy_identifier"]),
        };
        return await _callbacks.BlocksAsync(url, fields, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies the form fields that are present into <paramref name="target"/>, checking their format.</summary>
    private static IResult? Apply(IFormCollection form, JsonObject target, IEnumerable<FormField> fields)
    {
        foreach (var field in fields)
        {
            if (!form.TryGetValue(field.Form, out var values))
            {
                continue;
            }

            var text = values.ToString();
            switch (field.Kind)
            {
                case FieldKind.String:
                    target[field.Json] = text;
                    break;
                case FieldKind.Integer when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                    target[field.Json] = number;
                    break;
                case FieldKind.Boolean when bool.TryParse(text, out var flag) && text is "true" or "false":
                    target[field.Json] = flag;
                    break;
                case FieldKind.DateTime when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date):
                    target[field.Json] = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    break;
                case FieldKind.Enum when field.Values!.Contains(text):
                    target[field.Json] = text;
                    break;
                default:
                    return TwilioError.InvalidParameter(field.Form, text);
            }
        }

        return null;
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request) =>
        request.HasFormContentType ? await request.ReadFormAsync().ConfigureAwait(false) : FormCollection.Empty;

    private bool ParentsExist(string collection) =>
        Ancestors(collection).All(a => _store.Find(a.Collection, a.Sid) is not null);

    /// <summary>The resources a collection lives under: <c>/v1/Services/KS1/Sessions</c> → (service_sid, KS1).</summary>
    private static IEnumerable<(string Name, string Sid, string Collection)> Ancestors(string collection)
    {
        var segments = collection.Split('/');
        for (var i = 3; i < segments.Length; i += 2)
        {
            var name = segments[i - 1] switch
            {
                "Services" => "service_sid",
                "Sessions" => "session_sid",
                "Participants" => "participant_sid",
                _ => segments[i - 1].ToLowerInvariant() + "_sid",
            };
            yield return (name, segments[i], string.Join('/', segments[..i]));
        }
    }

    private static (string Collection, string Sid) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        return (path[..slash], path[(slash + 1)..]);
    }

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private enum FieldKind
    {
        String,
        Integer,
        Boolean,
        DateTime,
        Enum,
    }

    private sealed record FormField(string Form, string Json, FieldKind Kind, string[]? Values = null);

    /// <summary>A resource being created: its collection, the server's origin and its JSON so far.</summary>
    private sealed record NewResource(string Collection, string Origin, JsonObject Json)
    {
        public string Sid => (string)Json["sid"]!;

        public string Url => Origin + Collection + "/" + Sid;

        public JsonObject Links(params string[] namesAndPaths)
        {
            var links = new JsonObject();
            for (var i = 0; i < namesAndPaths.Length; i += 2)
            {
                links[namesAndPaths[i]] = Url + "/" + namesAndPaths[i + 1];
            }

            return links;
        }
    }
}
