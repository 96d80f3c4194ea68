using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ProxyGen.Generator.Diagnostics;

/// <summary>A place in a spec file, as plain equatable data (a <see cref="Location"/> is made only when reporting).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>The start of a file, for problems that belong to the whole document.</summary>
    public static LocationInfo StartOf(string filePath) =>
        new(filePath, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
}
