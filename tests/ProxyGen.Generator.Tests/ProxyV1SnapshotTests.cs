using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>Everything generated from specs/proxy_v1.yaml, reviewed as snapshot files.</summary>
public class ProxyV1SnapshotTests
{
    [Fact]
    public void Every_generated_file_matches_its_reviewed_snapshot_and_a_second_run_is_fully_cached()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute();

        Snapshot.Verify("ProxyV1", run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
        var second = run.Driver.RunGenerators(run.Input.Clone()).GetRunResult().Results.Single();
        Cacheability.AssertAllCached(second);
        Cacheability.AssertPlainData(run.Result.Results.Single());
    }

    [Fact]
    public void Generated_code_compiles_with_zero_diagnostics_under_nullable_and_warnings_as_errors()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute();

        run.AssertNoProblems();
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Info).Select(d => d.ToString()));
    }

    [Fact]
    public void One_file_per_operation_and_per_model_with_the_namespace_and_client_name_as_prefix()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute();
        Assert.All(run.Sources, s => Assert.StartsWith("Acme.Proxy.ProxyV1Client", s.HintName, StringComparison.Ordinal));
        var hints = run.Sources.Select(s => s.HintName.Substring("Acme.Proxy.".Length)).ToList();

        Assert.Equal(30, hints.Count(h => !h.StartsWith("ProxyV1Client.Models.", StringComparison.Ordinal) && h is not "ProxyV1Client.g.cs" and not "ProxyV1ClientJsonResolver.g.cs" and not "ProxyV1Client.ProxyV1WebhookHandler.g.cs"));
        Assert.Contains("ProxyV1Client.ProxyV1WebhookHandler.g.cs", hints);
        Assert.Contains("ProxyV1Client.g.cs", hints);
        Assert.Contains("ProxyV1ClientJsonResolver.g.cs", hints);
        Assert.Contains("ProxyV1Client.UpdateShortCode.g.cs", hints);
        Assert.Contains("ProxyV1Client.Models.ShortCode.g.cs", hints);
        // Short codes and phone numbers describe the same inline capabilities object: one type for both.
        Assert.Contains("ProxyV1Client.Models.Capabilities.g.cs", hints);
        Assert.DoesNotContain("ProxyV1Client.Models.ShortCodeCapabilities.g.cs", hints);
        Assert.Contains("ProxyV1Client.Models.SessionStatus.g.cs", hints);
        Assert.Contains("ProxyV1Client.Models.ListShortCodeResponse.g.cs", hints);
    }

    [Fact]
    public void UpdateShortCode_takes_path_parameters_in_order_then_an_optional_request_then_cancellation()
    {
        var source = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute().Source("ProxyV1Client.UpdateShortCode.g.cs");

        Assert.Contains(
            "Task<ShortCode> UpdateShortCodeAsync(string serviceSid, string sid, UpdateShortCodeRequest? request = null, global::System.Threading.CancellationToken cancellationToken = default);",
            source);
        Assert.Contains("public bool? IsReserved { get; set; }", source);
    }

    [Fact]
    public void A_request_with_a_required_field_is_a_mandatory_argument_with_a_required_member()
    {
        var source = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute().Source("ProxyV1Client.CreateService.g.cs");

        Assert.Contains("Task<Service> CreateServiceAsync(CreateServiceRequest request, global::System.Threading.CancellationToken cancellationToken = default);", source);
        Assert.Contains("public required string UniqueName { get; set; }", source);
    }

    [Fact]
    public void Output_is_identical_across_runs()
    {
        var first = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute().Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        var second = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute().Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

        Assert.Equal(first, second);
    }
}
