namespace ProxyGen.Client.Tests;

/// <summary>Where the repository and the real documents beside it (<c>../shared/specs</c>) are, from the test's output folder.</summary>
internal static class TestPaths
{
    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "ProxyGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }

    /// <summary>A document of <c>../shared/specs</c> (<c>public/adyen_….yaml</c>).</summary>
    public static string SharedSpec(string relativePath) => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "specs", relativePath));
}
