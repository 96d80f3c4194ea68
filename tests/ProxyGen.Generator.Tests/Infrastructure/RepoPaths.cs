using System.Reflection;

namespace ProxyGen.Generator.Tests.Infrastructure;

/// <summary>Where the repository, its specs and the real specs in ../shared are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProxyGenRepoRoot").Value!;

    public static string OwnSpec => Path.Combine(Root, "specs", "proxy_v1.yaml");

    /// <summary>Our OpenAPI 3.1 test document: the Services and ShortCodes part of the Proxy API, said the 3.1 way.</summary>
    public static string OpenApi31Spec => Path.Combine(Root, "tests", "specs", "proxy_short_codes.openapi31.yaml");

    /// <summary>Every format, and members required or not, nullable or not: tests/specs/formats_and_nulls.yaml.</summary>
    public static string FormatsSpec => Path.Combine(Root, "tests", "specs", "formats_and_nulls.yaml");

    public static string ParameterStylesSpec => Path.Combine(Root, "tests", "specs", "parameter_styles.yaml");

    public static string SnapshotRoot => Path.Combine(Root, "tests", "ProxyGen.Generator.Tests", "Snapshots");

    public static string SharedSpecs => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs"));

    /// <summary>
    /// A file under ../shared/specs. In CI (CI=true) a missing file fails the test; elsewhere the test is skipped
    /// by returning null, and the caller reports why.
    /// </summary>
    public static string? Shared(string relativePath)
    {
        var path = Path.Combine(SharedSpecs, relativePath);
        if (File.Exists(path))
        {
            return path;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileNotFoundException($"CI needs the real specs beside the repository, but {path} is missing.", path);
        }

        return null;
    }
}
