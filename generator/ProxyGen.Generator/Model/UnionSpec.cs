namespace ProxyGen.Generator.Model;

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> schema as a C# type. With a discriminator: an abstract class with one variant per
/// alternative and an <c>Unknown…</c> variant that keeps whatever else the server sends. Without one: a class over the
/// raw JSON with a <c>TryGet…</c> per alternative.
/// </summary>
/// <param name="DiscriminatorProperty">The JSON member whose value picks the alternative, or null.</param>
/// <param name="UnknownName">The class of the variant that keeps an unknown discriminator value; null without a discriminator.</param>
internal sealed record UnionSpec(
    string Name,
    string? Description,
    string? DiscriminatorProperty,
    string? UnknownName,
    EquatableArray<UnionAlternativeSpec> Alternatives);

/// <summary>One alternative of a union.</summary>
/// <param name="Name">The C# name of the alternative within the union (<c>TrackObject</c>, <c>String</c>).</param>
/// <param name="Type">Its type, never nullable.</param>
/// <param name="VariantName">With a discriminator, the class of this alternative's variant (<c>PlayableItemTrackObject</c>).</param>
/// <param name="DiscriminatorValues">The discriminator values that select it (a mapping key, its schema name, its one enum value).</param>
/// <param name="RequiredMembers">For an object alternative, the JSON members it cannot do without: a value lacking one is not this alternative.</param>
internal sealed record UnionAlternativeSpec(
    string Name,
    TypeRef Type,
    string? VariantName,
    EquatableArray<string> DiscriminatorValues,
    EquatableArray<string> RequiredMembers);
