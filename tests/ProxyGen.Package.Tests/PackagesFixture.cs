using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace ProxyGen.Package.Tests;

/// <summary>
/// Packs ProxyGen.Generator and ProxyGen.Runtime into artifacts/packages once per test run, exactly as the README
/// says (<c>dotnet pack -c Release -o artifacts/packages</c>), and knows where the fresh .nupkg files are.
/// </summary>
public sealed class PackagesFixture
{
    public PackagesFixture()
    {
        RepoRoot = typeof(PackagesFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProxyGenRepoRoot").Value!;
        PackagesFolder = Path.Combine(RepoRoot, "artifacts", "packages");
        // Remove earlier packs first: an up-to-date pack writes nothing, and a stale package must never be tested.
        if (Directory.Exists(PackagesFolder))
        {
            foreach (var old in Directory.GetFiles(PackagesFolder, "ProxyGen.*.nupkg"))
            {
                File.Delete(old);
            }
        }

        var created = new List<string>();
        foreach (var project in new[] { "runtime/ProxyGen.Runtime/ProxyGen.Runtime.csproj", "runtime/ProxyGen.AspNetCore/ProxyGen.AspNetCore.csproj", "generator/ProxyGen.Generator/ProxyGen.Generator.csproj", "tools/ProxyGen.Cli/ProxyGen.Cli.csproj" })
        {
            var result = DotNet.Run(RepoRoot, "pack", project, "-c", "Release", "-o", PackagesFolder, "-nodeReuse:false", "-p:UseSharedCompilation=false").EnsureSuccess("dotnet pack " + project);
            created.AddRange(Regex.Matches(result.Output, "Successfully created package '(?<path>[^']+)'").Select(m => m.Groups["path"].Value));
        }

        GeneratorPackage = created.Single(p => Path.GetFileName(p).StartsWith("ProxyGen.Generator.", StringComparison.Ordinal));
        RuntimePackage = created.Single(p => Path.GetFileName(p).StartsWith("ProxyGen.Runtime.", StringComparison.Ordinal));
        AspNetCorePackage = created.Single(p => Path.GetFileName(p).StartsWith("ProxyGen.AspNetCore.", StringComparison.Ordinal));
        CliPackage = created.Single(p => Path.GetFileName(p).StartsWith("ProxyGen.Cli.", StringComparison.Ordinal));
        Version = Path.GetFileNameWithoutExtension(GeneratorPackage)["ProxyGen.Generator.".Length..];
    }

    public string RepoRoot { get; }

    public string PackagesFolder { get; }

    public string GeneratorPackage { get; }

    public string RuntimePackage { get; }

    /// <summary>MapWebhooks for ASP.NET Core.</summary>
    public string AspNetCorePackage { get; }

    /// <summary>The <c>proxygen</c> .NET tool.</summary>
    public string CliPackage { get; }

    public string Version { get; }

    public string OwnSpec => Path.Combine(RepoRoot, "specs", "proxy_v1.yaml");

    /// <summary>A file under ../shared/specs; missing fails in CI, and returns null elsewhere (the test skips).</summary>
    public string? Shared(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "specs", relativePath));
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

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packed ProxyGen";
}
