namespace ProxyGen.Generator.Parsing;

/// <summary>An AdditionalFiles item that looks like an OpenAPI document, with the options that apply to it.</summary>
/// <param name="Path">The file's full path (used for diagnostics).</param>
/// <param name="Text">The file's text.</param>
/// <param name="Namespace">The namespace of the generated types.</param>
/// <param name="ClientName">The generated client's class name.</param>
/// <param name="OpenApiVersion">The version the document declares, as the sniffer found it.</param>
/// <param name="Visibility">The ProxyGenVisibility metadata as written, or null.</param>
/// <param name="RequiredMembers">The ProxyGenRequiredMembers metadata as written (<c>Tolerant</c>, <c>Strict</c>), or null.</param>
internal sealed record SpecInput(string Path, string Text, string OpenApiVersion, string Namespace, string ClientName, string? Visibility, string? RequiredMembers = null)
{
    /// <summary>The client name a spec gets without ProxyGenClientName: <c>proxy_v1.yaml</c> → <c>ProxyV1Client</c>.</summary>
    public static string DefaultClientName(string specPath) => Naming.Pascal(System.IO.Path.GetFileNameWithoutExtension(specPath)) + "Client";

    /// <summary>Where the API baseline of the spec at <paramref name="specPath"/> stands: beside it, <c>{name}.api.txt</c>.</summary>
    public static string BaselinePathOf(string specPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(specPath) ?? string.Empty, System.IO.Path.GetFileNameWithoutExtension(specPath) + ".api.txt");

    /// <summary>The operation selection patterns as the item writes them; none selects every operation.</summary>
    public SelectionOptions Selection { get; init; } = SelectionOptions.None;

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>
    /// True for a <c>.json</c> file holding a JSON object, which OpenAPI.NET reads faster with its JSON reader than as
    /// YAML. A <c>.yaml</c> file is always read as YAML, even one written as a flow mapping (<c>{openapi: 3.0.1, …}</c>).
    /// </summary>
    public bool IsJson => Path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase) && SpecSniffer.IsJson(Text);
}

/// <summary>
/// The <c>ProxyGenInclude…</c>/<c>ProxyGenExclude…</c> metadata of an item, as written (<c>;</c>-separated globs);
/// <see cref="OperationSelection"/> reads them.
/// </summary>
internal sealed record SelectionOptions(string? IncludePaths, string? ExcludePaths, string? IncludeTags, string? ExcludeTags, string? IncludeOperations, string? ExcludeOperations)
{
    public static SelectionOptions None { get; } = new(null, null, null, null, null, null);
}

/// <summary>An API baseline file: its path and text.</summary>
internal sealed record SpecBaseline(string Path, string Text);
