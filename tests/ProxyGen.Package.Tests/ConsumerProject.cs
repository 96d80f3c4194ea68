namespace ProxyGen.Package.Tests;

/// <summary>
/// A brand-new console project in a temporary folder outside the repository (so none of our Directory.Build.props
/// or central package versions apply), restoring from artifacts/packages and nuget.org into its own empty packages
/// folder, so that no cached copy of ProxyGen can hide a broken package.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string folder) => Folder = folder;

    public string Folder { get; }

    public string ProjectFile => Path.Combine(Folder, "Consumer.csproj");

    public static ConsumerProject Create(PackagesFixture packages, string packagesCache, string? extraItems = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "proxygen-consumer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var template = Path.Combine(AppContext.BaseDirectory, "Consumer");
        var project = File.ReadAllText(Path.Combine(template, "Consumer.csproj.template"));
        if (extraItems is not null)
        {
            project = project.Replace("  </ItemGroup>\n</Project>", extraItems + "\n  </ItemGroup>\n</Project>");
        }

        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), project);
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(folder, "Program.cs"));

        // Stop MSBuild from walking up into whatever folder the temp directory sits in.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="proxygen-local" value="{packages.PackagesFolder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{packagesCache}" />
              </config>
            </configuration>
            """);
        return new ConsumerProject(folder);
    }

    public DotNet.Result Build(PackagesFixture packages, string spec, params string[] properties) =>
        DotNet.Run(Folder, ["build", ProjectFile, "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", $"-p:ProxyGenVersion={packages.Version}", $"-p:ProxyGenSpec={spec}", .. properties.Select(p => "-p:" + p)]);

    public DotNet.Result Run(params string[] arguments) =>
        DotNet.Run(Folder, ["bin/Release/net10.0/Consumer.dll", .. arguments]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is in the temp directory anyway.
        }
    }
}
