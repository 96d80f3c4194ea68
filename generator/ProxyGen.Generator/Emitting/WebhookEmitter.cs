using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes the webhook handler of a document: an abstract class with one overridable method per webhook or callback,
/// which reads a verified delivery into its event's type — by the payload's one-valued member (<c>type</c>) when the
/// events share a URL, or by name — and an unknown event whole, never as an error.
/// </summary>
internal static class WebhookEmitter
{
    private const string Webhooks = "global::ProxyGen.Runtime.Webhooks";
    private const string Reply = "global::System.Threading.Tasks.ValueTask<" + Webhooks + ".WebhookReply>";
    private const string Request = Webhooks + ".WebhookRequest";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(WebhooksSpec spec)
    {
        var client = spec.Client;
        var webhooks = spec.Webhooks;
        // One event needs no telling apart: every delivery is it.
        var eventMember = webhooks.Count == 1 ? null : webhooks.Where(w => w.EventMember is not null).GroupBy(w => w.EventMember!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        writer.DocText("summary", $"Receives what the {client.Title} API sends you, the {webhooks.Count} webhook and callback events of {client.SpecFileName}: override the On…Async method of each event you handle. An event you do not override goes to OnEventAsync, which accepts it (200, no body).");
        var security = webhooks.SelectMany(w => w.Security).Distinct().ToList();
        var remarks = "Give it to a <see cref=\"" + Webhooks + ".WebhookReceiver\"/> (or to <c>MapWebhooks</c> of ProxyGen.AspNetCore) with the checks each delivery must pass"
            + (security.Count > 0 ? ": the document says deliveries authenticate with " + SourceWriter.XmlEscape(string.Join(", ", security)) + "." : "; the document declares none, so choose the sender's signature scheme.")
            + (eventMember is null ? " Each event is told apart by name (HandleAsync(webhook, …))." : $" Events that share a URL are told apart by the payload's <c>{SourceWriter.XmlEscape(eventMember)}</c> member.");
        writer.DocXml("remarks", remarks);
        // A document that declares HTTP Basic on its deliveries says so in the type: no receiver of it runs without the check.
        var basic = webhooks.Any(w => w.DeclaresBasic) ? $", {Webhooks}.IDeclaresBasicAuthentication" : string.Empty;
        using (writer.Block($"{client.Visibility} abstract partial class {spec.HandlerName} : {Webhooks}.INamedWebhookHandler{basic}"))
        {
            foreach (var webhook in webhooks)
            {
                WriteEventMethod(writer, webhook, eventMember);
                writer.Line();
            }

            writer.DocText("summary", "Every event whose own method is not overridden: accepted (200, no body) unless you override this.");
            writer.DocXml("param", "What the document calls the event (<c>" + SourceWriter.XmlEscape(webhooks[0].Key) + "</c>).", "name=\"webhook\"");
            writer.DocText("param", "The payload, read into its generated type.", "name=\"payload\"");
            writer.DocText("param", "The delivery (URL, headers, raw body), already verified.", "name=\"request\"");
            writer.DocText("param", "Cancelled when the sender goes away.", "name=\"cancellationToken\"");
            writer.Line($"protected virtual {Reply} OnEventAsync(string webhook, object payload, {Request} request, {Token} cancellationToken) => new({Webhooks}.WebhookReply.Accepted);");
            writer.Line();
            writer.DocText("summary", "A delivery the document does not describe (an event added since, or one it cannot tell apart): accepted (200) unless you override this, its JSON kept whole.");
            writer.DocText("param", "The event's name as the payload gives it, and the payload.", "name=\"delivery\"");
            writer.DocText("param", "The delivery (URL, headers, raw body), already verified.", "name=\"request\"");
            writer.DocText("param", "Cancelled when the sender goes away.", "name=\"cancellationToken\"");
            writer.Line($"protected virtual {Reply} OnUnknownAsync({Webhooks}.UnknownWebhook delivery, {Request} request, {Token} cancellationToken) => new({Webhooks}.WebhookReply.Accepted);");
            writer.Line();
            WriteDispatch(writer, client.Namespace, webhooks, eventMember);
            writer.Line();
            WriteDispatchByName(writer, client.Namespace, webhooks);
        }

        return writer.Finish();
    }

    private static void WriteEventMethod(SourceWriter writer, WebhookSpec webhook, string? eventMember)
    {
        writer.Summary(webhook.Summary ?? webhook.Description ?? $"The webhook {webhook.Key}.");
        var remarks = new List<string>();
        if (webhook.Summary is not null && webhook.Description is not null)
        {
            remarks.Add(SourceWriter.XmlEscape(webhook.Description));
        }

        remarks.Add($"<c>{SourceWriter.XmlEscape(webhook.Key)}</c>"
            + (webhook.EventMember is not null && webhook.EventMember == eventMember ? $", told apart by <c>\"{SourceWriter.XmlEscape(webhook.EventMember)}\": \"{SourceWriter.XmlEscape(webhook.EventValue!)}\"</c>" : string.Empty)
            + (webhook.Reply is not null ? $"; the sender expects {SourceWriter.XmlEscape(webhook.Reply)}" : string.Empty) + ".");
        writer.DocXml("remarks", string.Join(" ", remarks));
        writer.DocText("param", "The payload.", "name=\"payload\"");
        writer.DocText("param", "The delivery (URL, headers, raw body), already verified.", "name=\"request\"");
        writer.DocText("param", "Cancelled when the sender goes away.", "name=\"cancellationToken\"");
        writer.Line($"protected virtual {Reply} On{webhook.Name}Async({TypeNames.Of(webhook.Payload)} payload, {Request} request, {Token} cancellationToken) => OnEventAsync({SourceWriter.Literal(webhook.Key)}, payload, request, cancellationToken);");
    }

    private static string Read(WebhookSpec webhook, string @namespace) =>
        $"On{webhook.Name}Async({Webhooks}.WebhookJson.{(webhook.IsForm ? "ReadForm(request" : "Read(request.Body")}, {TypeNames.ItemReader(webhook.Payload, @namespace)}), request, cancellationToken)";

    private static string Unknown(string eventType) =>
        $"OnUnknownAsync(new {Webhooks}.UnknownWebhook({eventType}, {Webhooks}.WebhookJson.Element(request)), request, cancellationToken)";

    /// <summary>One URL for every event: the payload's member says which (a value two events share goes to the first).</summary>
    private static void WriteDispatch(SourceWriter writer, string @namespace, EquatableArray<WebhookSpec> webhooks, string? eventMember)
    {
        writer.DocText("summary", eventMember is null
            ? "Reads a delivery into the type of the document's one event and calls its method; with several events, use the overload that names the event."
            : $"Reads a delivery into the type its \"{eventMember}\" member names and calls that event's method; an event the document does not describe goes to OnUnknownAsync."
                + (webhooks.Count(w => w.EventMember != eventMember) == 1 ? " A payload without the member is the one event that has none." : string.Empty));
        writer.DocText("param", "The delivery, already verified.", "name=\"request\"");
        writer.DocText("param", "Cancelled when the sender goes away.", "name=\"cancellationToken\"");
        using (writer.Block($"public {Reply} HandleAsync({Request} request, {Token} cancellationToken)"))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            if (eventMember is null)
            {
                writer.Line(webhooks.Count == 1 ? $"return {Read(webhooks[0], @namespace)};" : $"return {Unknown("null")};");
                return;
            }

            writer.Line($"var eventType = {Webhooks}.WebhookJson.EventType(request, {SourceWriter.Literal(eventMember)});");
            using (writer.Block("return eventType switch", ";"))
            {
                var seen = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var webhook in webhooks.Where(w => w.EventMember == eventMember && seen.Add(w.EventValue!)))
                {
                    writer.Line($"{SourceWriter.Literal(webhook.EventValue!)} => {Read(webhook, @namespace)},");
                }

                // A payload without the member is the document's one event that has none, when it has exactly one.
                var unmarked = webhooks.Where(w => w.EventMember != eventMember).ToList();
                if (unmarked.Count == 1)
                {
                    writer.Line($"null => {Read(unmarked[0], @namespace)},");
                }

                writer.Line($"_ => {Unknown("eventType")},");
            }
        }
    }

    /// <summary>One URL per event (or the sender names it): the caller says which.</summary>
    private static void WriteDispatchByName(SourceWriter writer, string @namespace, EquatableArray<WebhookSpec> webhooks)
    {
        writer.DocText("summary", "Reads a delivery as the event the document calls webhook (when each event has a URL of its own) and calls its method; a name the document does not have goes to OnUnknownAsync.");
        writer.DocXml("param", "What the document calls the event (<c>" + SourceWriter.XmlEscape(webhooks[0].Key) + "</c>).", "name=\"webhook\"");
        writer.DocText("param", "The delivery, already verified.", "name=\"request\"");
        writer.DocText("param", "Cancelled when the sender goes away.", "name=\"cancellationToken\"");
        using (writer.Block($"public {Reply} HandleAsync(string webhook, {Request} request, {Token} cancellationToken)"))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            using (writer.Block("return webhook switch", ";"))
            {
                var seen = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var webhook in webhooks.Where(w => seen.Add(w.Key)))
                {
                    writer.Line($"{SourceWriter.Literal(webhook.Key)} => {Read(webhook, @namespace)},");
                }

                writer.Line($"_ => {Unknown("null")},");
            }
        }
    }
}
