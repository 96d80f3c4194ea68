using System;
using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// The spec's types and operations as the passes after <see cref="ModelComposer"/> hand them on: each pass takes one
/// and returns a new one, never changing the one it was given.
/// </summary>
/// <param name="Models">Every model by name, in the order they were read (merging keeps that order).</param>
/// <param name="ComponentModels">The models the spec names (components): never merged away, nor renamed by a baseline.</param>
/// <param name="Schemas">What <see cref="SchemaResolver"/> read: where each draft, enum and union stands.</param>
/// <param name="Merged">Where the spec declares each model that several inline objects became: every place of each.</param>
internal sealed record ComposedSpec(
    IReadOnlyDictionary<string, ModelSpec> Models,
    IReadOnlyCollection<string> ComponentModels,
    IReadOnlyDictionary<string, EnumSpec> Enums,
    IReadOnlyList<UnionSpec> Unions,
    IReadOnlyList<OperationSpec> Operations,
    ResolvedSchemas Schemas,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Merged)
{
    /// <summary>The webhooks and callbacks, in document order.</summary>
    public IReadOnlyList<WebhookSpec> Webhooks { get; init; } = Array.Empty<WebhookSpec>();

    /// <summary>
    /// This spec with models renamed by <paramref name="renames"/>; of models that become one, only the
    /// <paramref name="representatives"/> stay, with the description in <paramref name="descriptions"/>. The
    /// <see cref="Merged"/> places are the caller's to update: only it knows which places became one.
    /// </summary>
    public ComposedSpec Renamed(IReadOnlyDictionary<string, string> renames, ICollection<string> representatives, IReadOnlyDictionary<string, string?> descriptions)
    {
        var model = new ModelRenames(renames);
        return this with
        {
            Models = model.Apply(Models, representatives, descriptions),
            Unions = model.Apply(Unions),
            Operations = model.Apply(Operations),
            Webhooks = model.Apply(Webhooks),
        };
    }

    /// <summary>Where the spec declares type <paramref name="name"/>: the places merged into it, or its own.</summary>
    public IReadOnlyList<string> PointersOf(string name) =>
        Merged.TryGetValue(name, out var merged) ? merged
        : Schemas.Drafts.TryGetValue(name, out var draft) ? new[] { draft.Pointer }
        : Schemas.TypePointers.TryGetValue(name, out var pointer) ? new[] { pointer }
        : Array.Empty<string>();

    /// <summary><see cref="PointersOf"/> as the baseline writes them: one pointer, or several separated by spaces.</summary>
    public string PointerText(string name) =>
        Merged.TryGetValue(name, out var merged) ? string.Join(" ", merged)
        : Schemas.Drafts.TryGetValue(name, out var draft) ? draft.Pointer
        : Schemas.TypePointers.TryGetValue(name, out var pointer) ? pointer
        : string.Empty;
}
