using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// A JSON object lacks a member the spec requires, and the client reads its spec strictly
/// (<c>ProxyGenRequiredMembers="Strict"</c>). A client reading a response turns it into an <see cref="ApiException"/>
/// of kind <see cref="ApiErrorKind.InvalidBody"/> whose message gives the member's JSON path.
/// </summary>
public sealed class MissingRequiredMemberException : JsonException
{
    /// <summary>Creates the error for <paramref name="memberName"/> of <paramref name="typeName"/>.</summary>
    public MissingRequiredMemberException(string typeName, string memberName)
        : base($"The JSON object for {typeName} has no '{memberName}' member (or it is null), which the spec requires.")
    {
        TypeName = typeName;
        MemberName = memberName;
    }

    /// <summary>The generated type being read.</summary>
    public string TypeName { get; }

    /// <summary>The JSON name of the member that is missing.</summary>
    public string MemberName { get; }
}
