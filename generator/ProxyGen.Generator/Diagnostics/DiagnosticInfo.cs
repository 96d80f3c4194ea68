using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Diagnostics;

/// <summary>A diagnostic as plain data, turned into a <see cref="Diagnostic"/> only in the output step.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    /// <summary>An exception as one line for PXG0008: its type, message and the ProxyGen frame it came through.</summary>
    public static string Describe(System.Exception exception)
    {
        var frames = exception.StackTrace?.Split('\n') ?? new string[0];
        var frame = (System.Array.Find(frames, f => f.Contains("ProxyGen.Generator")) ?? (frames.Length > 0 ? frames[0] : null))?.Trim();
        return $"{exception.GetType().Name}: {exception.Message.TrimEnd('.')}" + (frame is null ? string.Empty : $" ({frame})");
    }

    public Diagnostic ToDiagnostic()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
