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
/// <param name="Origins">Where the spec declares each model, enum and union: several places when inline objects became one.</param>
internal sealed record ComposedSpec(
    IReadOnlyDictionary<string, ModelSpec> Models,
    IReadOnlyCollection<string> ComponentModels,
    IReadOnlyDictionary<string, EnumSpec> Enums,
    IReadOnlyList<UnionSpec> Unions,
    IReadOnlyList<OperationSpec> Operations,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Origins)
{
    /// <summary>
    /// This spec with models renamed by <paramref name="renames"/>; of models that become one, only the
    /// <paramref name="representatives"/> stay, with the description in <paramref name="descriptions"/>. The
    /// <see cref="Origins"/> are the caller's to update: only it knows which places became one.
    /// </summary>
    public ComposedSpec Renamed(IReadOnlyDictionary<string, string> renames, ICollection<string> representatives, IReadOnlyDictionary<string, string?> descriptions)
    {
        var model = new ModelRenames(renames);
        return this with
        {
            Models = model.Apply(Models, representatives, descriptions),
            ComponentModels = new HashSet<string>(ComponentModels.Where(name => model.NameOf(name) == name), StringComparer.Ordinal),
            Unions = model.Apply(Unions),
            Operations = model.Apply(Operations),
        };
    }
}
