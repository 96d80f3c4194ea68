namespace ProxyGen.Generator.Model;

/// <summary>A JSON object the server sends, as a C# class.</summary>
internal sealed record ModelSpec(string Name, string? Description, EquatableArray<PropertySpec> Properties);

/// <summary>One member of a model.</summary>
/// <param name="JsonName">The JSON member name, kept exactly.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The C# type; <see cref="TypeRef.Nullable"/> says whether it may be null.</param>
internal sealed record PropertySpec(string JsonName, string Name, TypeRef Type, string? Description);

/// <summary>A string enum, emitted as an open string-backed struct.</summary>
internal sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members);

/// <summary>One known value of an enum.</summary>
internal sealed record EnumMemberSpec(string Name, string Value);
