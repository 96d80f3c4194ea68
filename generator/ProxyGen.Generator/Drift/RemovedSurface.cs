using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Drift;

/// <summary>
/// What the baseline lists and the spec no longer generates: kept as <c>[Obsolete(error: true)]</c> stubs until the
/// baseline is updated, so a caller's code fails with CS0619 saying what happened instead of CS1061.
/// </summary>
/// <param name="SpecFileName">The spec the members were removed from, for the message.</param>
/// <param name="Entries">The removed types, members and methods.</param>
/// <param name="KeptOwners">The types that lost members but are still generated: the stubs extend them.</param>
internal sealed record RemovedSurface(string SpecFileName, EquatableArray<SurfaceEntry> Entries, EquatableArray<SurfaceEntry> KeptOwners);
