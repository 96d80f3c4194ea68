namespace ProxyGen.Generator.Model;

/// <summary>A JSON object, as a C# class.</summary>
/// <param name="Properties">The members this class declares.</param>
/// <param name="BaseName">The model this one extends (<c>allOf: [{$ref: Base}, …]</c>), or null.</param>
/// <param name="InheritedProperties">The members of the base classes, root first: read and written with this class's own.</param>
/// <param name="IsSealed">False when another model extends this one.</param>
internal sealed record ModelSpec(
    string Name,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    string? BaseName,
    EquatableArray<PropertySpec> InheritedProperties,
    bool IsSealed)
{
    /// <summary>Every member of the JSON object, inherited ones first, in the order they are written.</summary>
    public System.Collections.Generic.IEnumerable<PropertySpec> AllProperties => System.Linq.Enumerable.Concat(InheritedProperties, Properties);
}

/// <summary>One member of a model.</summary>
/// <param name="JsonName">The JSON member name, kept exactly.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The C# type; <see cref="TypeRef.Nullable"/> says whether it may be null.</param>
/// <param name="Deprecated">The spec marks the member deprecated: the property is <c>[Obsolete]</c>.</param>
/// <param name="Requirement">Whether the spec requires the member, and what a reader does when it is missing.</param>
internal sealed record PropertySpec(string JsonName, string Name, TypeRef Type, string? Description, bool Deprecated = false, Requirement Requirement = Requirement.Optional)
{
    /// <summary>An object initializer must set the member: the property is <c>required</c>.</summary>
    public bool IsRequired => Requirement != Requirement.Optional;
}

/// <summary>What the spec's <c>required</c> means for one member of a model.</summary>
internal enum Requirement
{
    /// <summary>Not required: the property is nullable, and null when the server leaves the member out.</summary>
    Optional,

    /// <summary>
    /// Required, read tolerantly (the default): an object initializer must set it, yet a server may leave it out, so
    /// its type is nullable unless it is a list or a map, which reads as empty.
    /// </summary>
    Required,

    /// <summary>Required, read strictly (<c>ProxyGenRequiredMembers="Strict"</c>): not nullable, and a response without it is an error.</summary>
    Strict,
}

/// <summary>A string enum, emitted as an open string-backed struct.</summary>
internal sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members);

/// <summary>One known value of an enum.</summary>
internal sealed record EnumMemberSpec(string Name, string Value);
