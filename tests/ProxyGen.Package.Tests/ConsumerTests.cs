using ProxyGen.Emulator;
using Xunit;

namespace ProxyGen.Package.Tests;

/// <summary>
/// The packed packages installed into a fresh project, the way a user adds them: one PackageReference, one
/// AdditionalFiles line, then build and run against the emulator on 127.0.0.1.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ConsumerTests(PackagesFixture packages) : IDisposable
{
    // One empty global packages folder per test class run: nothing from the machine's cache is used.
    private readonly string _packagesCache = Path.Combine(Path.GetTempPath(), "proxygen-nuget-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_fresh_consumer_restores_the_packages_builds_and_UpdateShortCode_returns_the_typed_short_code()
    {
        using var consumer = ConsumerProject.Create(packages, _packagesCache);
        await using var emulator = await ProxyEmulator.StartAsync();

        var build = consumer.Build(packages, packages.OwnSpec).EnsureSuccess("building the consumer");
        var run = consumer.Run(emulator.BaseAddress.ToString(), emulator.AccountSid, emulator.AuthToken).EnsureSuccess("running the consumer");

        Assert.Contains(" 0 Warning(s)", build.Output);
        Assert.Matches(@"UpdateShortCode: SC[0-9a-f]{32} IsReserved=True", run.Output);
        var update = emulator.Requests.Last(r => r.Method == "POST" && r.Path.Contains("/ShortCodes/", StringComparison.Ordinal));
        Assert.Equal("IsReserved=true", update.Body);
        Assert.True(Directory.Exists(Path.Combine(_packagesCache, "proxygen.generator", packages.Version)), "the generator was not restored into the fresh packages folder");
        Assert.True(Directory.Exists(Path.Combine(_packagesCache, "proxygen.runtime", packages.Version)), "the runtime did not flow to the consumer as a dependency");
    }

    [SkippableFact]
    public void A_spec_update_that_removes_UpdateShortCode_fails_the_callers_build_with_CS0619_until_the_code_and_the_baseline_are_updated()
    {
        var before = packages.Shared("proxy_v1-history/twilio_proxy_v1.2025-06-12.yaml");
        var after = packages.Shared("proxy_v1-history/twilio_proxy_v1.2026-02-05.yaml");
        Skip.If(before is null || after is null, "../shared/specs/proxy_v1-history is not beside the repository (CI requires it).");
        using var consumer = ConsumerProject.Create(packages, _packagesCache);
        var tools = Path.Combine(consumer.Folder, "tools");
        DotNet.Run(consumer.Folder, "tool", "install", "ProxyGen.Cli", "--tool-path", tools, "--add-source", packages.PackagesFolder, "--version", packages.Version)
            .EnsureSuccess("dotnet tool install ProxyGen.Cli");
        var proxygen = Path.Combine(tools, "proxygen");
        var spec = Path.Combine(consumer.Folder, "spec", "proxy_v1.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(spec)!);

        // The team's baseline of the version it built against, then the vendor's update.
        File.Copy(before!, spec);
        var baseline = DotNet.RunProgram(consumer.Folder, proxygen, "baseline", spec, "--client", "ProxyV1Client");
        Assert.True(baseline.ExitCode == 0, baseline.Output);
        File.Copy(after!, spec, overwrite: true);
        var broken = consumer.Build(packages, spec);

        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("error CS0619: 'ProxyV1Client.UpdateShortCodeAsync(string, string, UpdateShortCodeRequest?, CancellationToken)' is obsolete: 'UpdateShortCodeAsync was removed from proxy_v1.yaml (was POST /v1/Services/{ServiceSid}/ShortCodes/{Sid}); update the code, then the baseline'", broken.Output);
        Assert.Contains("PXG0021: ProxyV1Client.UpdateShortCodeAsync was removed from proxy_v1.yaml (was POST /v1/Services/{ServiceSid}/ShortCodes/{Sid})", broken.Output);
        Assert.DoesNotContain("CS1061", broken.Output);

        // What changed, for the pull request; exit code 1 because it breaks.
        var diff = DotNet.RunProgram(consumer.Folder, proxygen, "diff", before!, after!, "--client", "ProxyV1Client", "--format", "markdown");
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("| PXG0021 | `ProxyV1Client.UpdateShortCodeAsync` | was POST /v1/Services/{ServiceSid}/ShortCodes/{Sid} |", diff.Output);

        // Accepting the update: the baseline moves on and the build reports no drift (the call itself must go).
        Assert.Equal(0, DotNet.RunProgram(consumer.Folder, proxygen, "baseline", spec, "--client", "ProxyV1Client").ExitCode);
        var accepted = consumer.Build(packages, spec);
        Assert.DoesNotContain("PXG002", accepted.Output);
        Assert.Contains("CS1061", accepted.Output);
    }

    [Fact]
    public void The_consumer_builds_as_IsAotCompatible_with_zero_warnings()
    {
        using var consumer = ConsumerProject.Create(packages, _packagesCache);

        var build = consumer.Build(packages, packages.OwnSpec, "IsAotCompatible=true").EnsureSuccess("building the AOT-compatible consumer");

        Assert.Contains(" 0 Warning(s)", build.Output);
        Assert.Contains(" 0 Error(s)", build.Output);
    }

    [SkippableFact]
    public async Task The_consumer_builds_and_runs_from_the_real_Twilio_spec()
    {
        var spec = packages.Shared("proxy_v1-history/twilio_proxy_v1.2025-06-12.yaml");
        Skip.If(spec is null, "../shared/specs/proxy_v1-history/twilio_proxy_v1.2025-06-12.yaml is not beside the repository (CI requires it).");
        using var consumer = ConsumerProject.Create(packages, _packagesCache);
        await using var emulator = await ProxyEmulator.StartAsync();

        var build = consumer.Build(packages, spec!).EnsureSuccess("building the consumer from the real spec");
        var run = consumer.Run(emulator.BaseAddress.ToString(), emulator.AccountSid, emulator.AuthToken).EnsureSuccess("running the consumer");

        Assert.Contains(" 0 Warning(s)", build.Output);
        Assert.Matches(@"UpdateShortCode: SC[0-9a-f]{32} IsReserved=True", run.Output);
    }

    [Fact]
    public async Task A_fresh_consumer_builds_from_an_OpenApi_31_document_and_runs_against_the_emulator()
    {
        // The same Services and ShortCodes API written the 3.1 way: type arrays, const, examples, webhooks, prefixItems.
        var spec = Path.Combine(packages.RepoRoot, "tests", "specs", "proxy_short_codes.openapi31.yaml");
        using var consumer = ConsumerProject.Create(packages, _packagesCache);
        await using var emulator = await ProxyEmulator.StartAsync();

        var build = consumer.Build(packages, spec).EnsureSuccess("building the consumer from the OpenAPI 3.1 document");
        var run = consumer.Run(emulator.BaseAddress.ToString(), emulator.AccountSid, emulator.AuthToken).EnsureSuccess("running the consumer");

        Assert.Contains(" 0 Warning(s)", build.Output);
        Assert.Matches(@"UpdateShortCode: SC[0-9a-f]{32} IsReserved=True", run.Output);
        Assert.Equal("IsReserved=true", emulator.Requests.Last(r => r.Method == "POST" && r.Path.Contains("/ShortCodes/", StringComparison.Ordinal)).Body);
    }

    [Fact]
    public void EmitCompilerGeneratedFiles_writes_the_generated_files_to_disk()
    {
        using var consumer = ConsumerProject.Create(packages, _packagesCache);

        consumer.Build(packages, packages.OwnSpec, "EmitCompilerGeneratedFiles=true", "CompilerGeneratedFilesOutputPath=Generated").EnsureSuccess("building with EmitCompilerGeneratedFiles");

        var folder = Path.Combine(consumer.Folder, "Generated", "ProxyGen.Generator", "ProxyGen.Generator.ProxyGenGenerator");
        Assert.True(File.Exists(Path.Combine(folder, "Acme.Proxy.ProxyV1Client.UpdateShortCode.g.cs")), $"nothing generated in {folder}");
        Assert.Contains("namespace Acme.Proxy;", File.ReadAllText(Path.Combine(folder, "Acme.Proxy.ProxyV1Client.g.cs")));
    }

    [Fact]
    public void Two_specs_named_api_yaml_in_different_folders_and_namespaces_build_side_by_side()
    {
        using var consumer = ConsumerProject.Create(packages, _packagesCache, """
                <AdditionalFiles Include="billing/api.yaml" ProxyGenNamespace="Acme.Billing" />
                <AdditionalFiles Include="shipping/api.yaml" ProxyGenNamespace="Acme.Shipping" />
            """);
        foreach (var folder in new[] { "billing", "shipping" })
        {
            Directory.CreateDirectory(Path.Combine(consumer.Folder, folder));
            File.Copy(packages.OwnSpec, Path.Combine(consumer.Folder, folder, "api.yaml"));
        }

        var build = consumer.Build(packages, packages.OwnSpec, "EmitCompilerGeneratedFiles=true", "CompilerGeneratedFilesOutputPath=Generated");

        build.EnsureSuccess("building two api.yaml");
        Assert.Contains(" 0 Warning(s)", build.Output);
        var generated = Path.Combine(consumer.Folder, "Generated", "ProxyGen.Generator", "ProxyGen.Generator.ProxyGenGenerator");
        Assert.True(File.Exists(Path.Combine(generated, "Acme.Billing.ApiClient.UpdateShortCode.g.cs")));
        Assert.True(File.Exists(Path.Combine(generated, "Acme.Shipping.ApiClient.UpdateShortCode.g.cs")));
    }

    [Fact]
    public void ProxyGenVisibility_reaches_the_generator_through_the_package()
    {
        using var consumer = ConsumerProject.Create(packages, _packagesCache, """
                <AdditionalFiles Update="@(AdditionalFiles)" ProxyGenVisibility="internal" />
            """);

        consumer.Build(packages, packages.OwnSpec, "EmitCompilerGeneratedFiles=true", "CompilerGeneratedFilesOutputPath=Generated").EnsureSuccess("building with ProxyGenVisibility=internal");

        var folder = Path.Combine(consumer.Folder, "Generated", "ProxyGen.Generator", "ProxyGen.Generator.ProxyGenGenerator");
        Assert.Contains("internal partial class ProxyV1Client : IProxyV1Client", File.ReadAllText(Path.Combine(folder, "Acme.Proxy.ProxyV1Client.g.cs")));
        Assert.Contains("internal sealed partial class ShortCode", File.ReadAllText(Path.Combine(folder, "Acme.Proxy.ProxyV1Client.Models.ShortCode.g.cs")));
    }

    [Fact]
    public void Selection_patterns_with_semicolons_and_methods_reach_the_generator_whole_through_the_package()
    {
        // The compiler reads item metadata from an .editorconfig, where ';' and '#' start a comment: unencoded, this
        // selection would arrive as its first path without its method.
        using var consumer = ConsumerProject.Create(packages, _packagesCache, """
                <AdditionalFiles Update="@(AdditionalFiles)" ProxyGenIncludePaths="/v1/Services#POST;/v1/Services/{ServiceSid}/ShortCodes#POST;/v1/Services/{ServiceSid}/ShortCodes/{Sid}#POST,DELETE" />
            """);

        var build = consumer.Build(packages, packages.OwnSpec, "EmitCompilerGeneratedFiles=true", "CompilerGeneratedFilesOutputPath=Generated");

        build.EnsureSuccess("building a subset selected with ';' and '#'");
        Assert.Contains(" 0 Warning(s)", build.Output);
        var folder = Path.Combine(consumer.Folder, "Generated", "ProxyGen.Generator", "ProxyGen.Generator.ProxyGenGenerator");
        var operations = Directory.GetFiles(folder, "Acme.Proxy.ProxyV1Client.*.g.cs").Select(f => Path.GetFileName(f))
            .Where(f => !f.StartsWith("Acme.Proxy.ProxyV1Client.Models.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            // The Proxy callbacks' handler too: CreateService, which declares them, is kept.
            ["Acme.Proxy.ProxyV1Client.CreateService.g.cs", "Acme.Proxy.ProxyV1Client.CreateShortCode.g.cs", "Acme.Proxy.ProxyV1Client.DeleteShortCode.g.cs", "Acme.Proxy.ProxyV1Client.ProxyV1WebhookHandler.g.cs", "Acme.Proxy.ProxyV1Client.UpdateShortCode.g.cs"],
            operations);
    }

    [Fact]
    public void A_compiler_older_than_the_generator_needs_fails_the_build_with_the_minimum_SDK()
    {
        using var consumer = ConsumerProject.Create(packages, _packagesCache);

        // Pretend this SDK's Roslyn is too old by raising the requirement past it.
        var build = consumer.Build(packages, packages.OwnSpec, "ProxyGenRequiredRoslynVersion=99.0");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("PXG1000", build.Output);
        Assert.Contains(".NET SDK 8.0.100 or newer", build.Output);
    }

    [Fact]
    public void ProxyGen_false_opts_a_spec_out_through_the_package()
    {
        using var consumer = ConsumerProject.Create(packages, _packagesCache, """
                <AdditionalFiles Update="@(AdditionalFiles)" ProxyGen="false" />
            """);

        var build = consumer.Build(packages, packages.OwnSpec);

        // Nothing is generated, so the program's `using Acme.Proxy;` cannot resolve.
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches("error CS0246: .*'Acme'", build.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_packagesCache, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
