using Microsoft.CodeAnalysis;
using ProxyGen.Cli;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// In a project with several specs, adding, renaming or removing one re-runs nothing of the others, and editing a
/// spec's API baseline never re-reads the spec.
/// </summary>
public class MultiSpecIncrementalTests
{
    private static readonly string[] EveryOutputStep = ["ParsedSpecs", "ParseResults", "OwnedSpecs", "Clients", "JsonTypes", "Operations", "Models", "Enums", "Unions", "Removed"];

    private static (string Path, string Text) Real(string name)
    {
        var path = RepoPaths.Shared("twilio/" + name);
        Skip.If(path is null, "../shared/specs/twilio is not beside the repository (CI requires it).");
        return (path!, File.ReadAllText(path!));
    }

    /// <summary>Every output of every step of spec <paramref name="clientName"/>'s pipeline, with why it was produced.</summary>
    private static List<(string Step, IncrementalStepRunReason Reason)> OutputsOf(GeneratorRunResult result, string clientName) =>
        EveryOutputStep.Where(result.TrackedSteps.ContainsKey)
            .SelectMany(step => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => (Step: step, o.Reason, Text: o.Value.ToString() ?? string.Empty)))
            .Where(o => o.Text.Contains("Name = " + clientName + ",", StringComparison.Ordinal) || o.Text.Contains("ClientName = " + clientName + ",", StringComparison.Ordinal))
            .Select(o => (o.Step, o.Reason))
            .ToList();

    [SkippableFact]
    public void Adding_renaming_and_removing_a_second_real_spec_reruns_nothing_of_the_first()
    {
        var proxy = Real("twilio_proxy_v1.yaml");
        var accounts = Real("twilio_accounts_v1.yaml");
        var harness = new GeneratorHarness()
            .AddSpec(proxy.Path, proxy.Text, @namespace: "Acme.Proxy", clientName: "ProxyClient")
            .AddSpec("/project/accounts.yaml", accounts.Text, @namespace: "Acme.Accounts", clientName: "AccountsClient")
            .AddSpec("/project/renamed.yaml", accounts.Text, @namespace: "Acme.Accounts", clientName: "AccountsClient");
        var compilation = GeneratorHarness.NewCompilation();
        var driver = harness.CreateDriver().RemoveAdditionalTexts([harness.Texts[1], harness.Texts[2]]).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.NotEmpty(OutputsOf(first, "ProxyClient"));
        Assert.Empty(OutputsOf(first, "AccountsClient"));

        // Added: every step of the proxy spec is cached, and the accounts spec's files are new.
        driver = driver.AddAdditionalTexts([harness.Texts[1]]).RunGenerators(compilation);
        AssertUntouched(driver.GetRunResult().Results.Single(), "ProxyClient");
        var added = OutputsOf(driver.GetRunResult().Results.Single(), "AccountsClient");
        Assert.Contains(added, o => o.Step == "Models" && o.Reason == IncrementalStepRunReason.New);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.Contains("Acme.Accounts.AccountsClient.g.cs", StringComparison.Ordinal));

        // Renamed (the file moves): the proxy spec's outputs are still cached.
        driver = driver.ReplaceAdditionalText(harness.Texts[1], harness.Texts[2]).RunGenerators(compilation);
        AssertUntouched(driver.GetRunResult().Results.Single(), "ProxyClient");

        // Removed: the same, and the accounts files are gone.
        driver = driver.RemoveAdditionalTexts([harness.Texts[2]]).RunGenerators(compilation);
        AssertUntouched(driver.GetRunResult().Results.Single(), "ProxyClient");
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.FilePath.Contains("Acme.Accounts", StringComparison.Ordinal));
    }

    private static void AssertUntouched(GeneratorRunResult result, string clientName)
    {
        var outputs = OutputsOf(result, clientName);
        Assert.Contains(outputs, o => o.Step == "Operations");
        Assert.Contains(outputs, o => o.Step == "ParsedSpecs");
        Assert.All(outputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{clientName}: step {o.Step} produced {o.Reason} output"));

        // What reaches AddSource: each output step's input must be cached too (a list of every spec combined into the
        // outputs would make it modified whenever another spec comes or goes).
        var sourceInputs = result.TrackedOutputSteps["SourceOutput"]
            .SelectMany(step => step.Inputs)
            .Select(input => input.Source.Outputs[input.OutputIndex])
            .Where(o => (o.Value.ToString() ?? string.Empty).Contains("Name = " + clientName + ",", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sourceInputs);
        Assert.All(sourceInputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an AddSource input of {clientName} was {o.Reason}"));
    }

    [Fact]
    public void Editing_the_baseline_applies_it_without_reparsing_the_spec()
    {
        var text = File.ReadAllText(RepoPaths.OwnSpec);
        var baseline = SpecSurface.Baseline("proxy_v1.yaml", SpecSurface.Read(RepoPaths.OwnSpec, text, clientName: "ProxyV1Client")!);
        var baselinePath = Path.ChangeExtension(RepoPaths.OwnSpec, null) + ".api.txt";

        // The edited baseline lists a short-code member the spec does not have: the build reports it, and stubs it.
        var edited = baseline + "ShortCode.Retired: bool? [json retired]\n";
        var harness = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec, text, clientName: "ProxyV1Client").AddSpec(baselinePath, baseline);
        var replacement = new GeneratorHarness().AddSpec(baselinePath, edited);
        var compilation = GeneratorHarness.NewCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        Assert.DoesNotContain(driver.GetRunResult().Diagnostics, d => string.CompareOrdinal(d.Id, "PXG0021") >= 0);

        driver = driver.ReplaceAdditionalText(harness.Texts[1], replacement.Texts[0]).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.All(result.TrackedSteps["ParsedSpecs"].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(result.TrackedSteps["ParseResults"].SelectMany(s => s.Outputs)).Reason);
        var removed = Assert.Single(result.Diagnostics, d => d.Id == "PXG0025");
        Assert.Contains("ShortCode.Retired", removed.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(result.GeneratedSources, s => s.HintName.EndsWith("Removed.g.cs", StringComparison.Ordinal));
    }
}
