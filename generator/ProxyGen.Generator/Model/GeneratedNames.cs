using System.Collections.Generic;

namespace ProxyGen.Generator.Model;

/// <summary>
/// The names generated code declares for itself, per kind of generated type: the contract between Parsing, which keeps
/// the spec's names off them (renaming with PXG0018), and Emitting, which declares them. A kind reserves only what it
/// declares: a model property may be called <c>Value</c>, since only enums and union variants declare one.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The System.Text.Json converter class nested in every generated model, enum and union.</summary>
    public const string JsonConverter = nameof(JsonConverter);

    /// <summary>The static reader of every generated model, enum and union.</summary>
    public const string ReadJson = nameof(ReadJson);

    /// <summary>The writer of every generated model, enum and union.</summary>
    public const string WriteJson = nameof(WriteJson);

    /// <summary>A model's bag of members the spec does not describe.</summary>
    public const string AdditionalProperties = nameof(AdditionalProperties);

    /// <summary>An enum's wire value, and the wrapped value of a union variant.</summary>
    public const string Value = nameof(Value);

    /// <summary>True when an enum's value is one the spec lists.</summary>
    public const string IsKnown = nameof(IsKnown);

    /// <summary>What C# declares on every class and struct: a member of that name would hide it.</summary>
    private static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone"];

    /// <summary>Names a model class declares beside its properties.</summary>
    public static readonly IReadOnlyCollection<string> ModelMembers = Set(ObjectMembers, AdditionalProperties, ReadJson, WriteJson, JsonConverter);

    /// <summary>Names a request class declares beside its properties: only what every class has.</summary>
    public static readonly IReadOnlyCollection<string> RequestMembers = Set(ObjectMembers);

    /// <summary>Names an enum struct declares beside its static members.</summary>
    public static readonly IReadOnlyCollection<string> EnumMembers = Set(ObjectMembers, Value, IsKnown, ReadJson, WriteJson, JsonConverter, "PrintMembers");

    /// <summary>
    /// The names a generated method declares itself (parameters and locals): a path argument may not take one (CS0136).
    /// </summary>
    public static readonly IReadOnlyCollection<string> MethodLocals = Set(
        [],
        "request", "body", "cancellationToken", "form", "query", "headers", "cookies", "multipart", "apiRequest", "links", "page", "items", "item", "nextPageUrl");

    /// <summary>The interface every operation of client <paramref name="clientName"/> is declared on (<c>IProxyV1Client</c>).</summary>
    public static string InterfaceOf(string clientName) => "I" + clientName;

    /// <summary>The System.Text.Json resolver of client <paramref name="clientName"/>'s types (<c>ProxyV1ClientJsonResolver</c>).</summary>
    public static string JsonResolverOf(string clientName) => clientName + "JsonResolver";

    /// <summary>The credentials class of a client whose spec declares security schemes: <c>BoxClientCredentials</c>.</summary>
    public static string CredentialsOf(string clientName) => clientName + "Credentials";

    /// <summary>
    /// The handler of the webhooks and callbacks of client <paramref name="clientName"/>'s document:
    /// <c>AdyenManagementWebhookHandler</c> for <c>AdyenManagementClient</c>.
    /// </summary>
    public static string WebhookHandlerOf(string clientName) =>
        (clientName.EndsWith("Client", System.StringComparison.Ordinal) && clientName.Length > "Client".Length ? clientName.Substring(0, clientName.Length - "Client".Length) : clientName) + "WebhookHandler";

    /// <summary>
    /// The type names a spec's types may not take: the client, its interface, resolver, credentials and webhook handler,
    /// and <see cref="JsonConverter"/> (every generated type nests one, which would hide a spec type of that name).
    /// </summary>
    public static IEnumerable<string> ReservedTypeNames(string clientName) => [clientName, InterfaceOf(clientName), JsonResolverOf(clientName), CredentialsOf(clientName), WebhookHandlerOf(clientName), JsonConverter];

    private static HashSet<string> Set(string[] inherited, params string[] names)
    {
        var set = new HashSet<string>(inherited, System.StringComparer.Ordinal);
        set.UnionWith(names);
        return set;
    }
}
