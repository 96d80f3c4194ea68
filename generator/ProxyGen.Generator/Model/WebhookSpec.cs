namespace ProxyGen.Generator.Model;

/// <summary>
/// A request the API sends to the user: an OpenAPI 3.1 <c>webhooks</c> entry or an operation's <c>callbacks</c> entry.
/// Its payload is read like a response, into a generated type; the handler has one method for it.
/// </summary>
/// <param name="Key">What the document calls it: the webhook's name (<c>merchant.created</c>), or for a callback the operation and callback names.</param>
/// <param name="Name">The C# name of the event (<c>MerchantCreated</c>): the handler's method is <c>On{Name}Async</c>.</param>
/// <param name="Payload">The type of the JSON body.</param>
/// <param name="EventMember">The payload member whose one value tells this event apart from the others (<c>type</c>), or null.</param>
/// <param name="EventValue">That member's value for this event (<c>merchant.created</c>), or null.</param>
/// <param name="Security">The schemes the document says the sender authenticates deliveries with, described (<c>BasicAuth (HTTP Basic)</c>).</param>
/// <param name="Reply">What the document says the sender expects back, described; null when it says nothing.</param>
internal sealed record WebhookSpec(
    string Key,
    string Name,
    string? Summary,
    string? Description,
    TypeRef Payload,
    string? EventMember,
    string? EventValue,
    EquatableArray<string> Security,
    string? Reply)
{
    /// <summary>The payload is a form (<c>application/x-www-form-urlencoded</c>): each field is read as a JSON string.</summary>
    public bool IsForm { get; init; }

    /// <summary>The document says the sender authenticates this webhook's deliveries with HTTP Basic.</summary>
    public bool DeclaresBasic { get; init; }
}

/// <summary>What the webhook handler's emitter needs: the client's context, the handler's name and every webhook.</summary>
internal sealed record WebhooksSpec(EmitContext Client, string HandlerName, EquatableArray<WebhookSpec> Webhooks);
