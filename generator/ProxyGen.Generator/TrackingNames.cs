namespace ProxyGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert each one is cached.</summary>
internal static class TrackingNames
{
    public const string SpecInputs = nameof(SpecInputs);
    public const string ParsedSpecs = nameof(ParsedSpecs);
    public const string ParseResults = nameof(ParseResults);
    public const string OwnedSpecs = nameof(OwnedSpecs);
    public const string Clients = nameof(Clients);
    public const string JsonTypes = nameof(JsonTypes);
    public const string Webhooks = nameof(Webhooks);
    public const string Operations = nameof(Operations);
    public const string Models = nameof(Models);
    public const string Enums = nameof(Enums);
    public const string Unions = nameof(Unions);
    public const string Diagnostics = nameof(Diagnostics);
    public const string TypeNames = nameof(TypeNames);
    public const string Removed = nameof(Removed);
}
