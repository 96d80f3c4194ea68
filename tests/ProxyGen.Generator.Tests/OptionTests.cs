using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>The AdditionalFiles metadata a project sets: namespace, client name, visibility, opt-out, several specs.</summary>
public class OptionTests
{
    [Fact]
    public void ProxyGenVisibility_internal_makes_every_generated_type_internal()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec, visibility: "internal").Execute();

        run.AssertNoProblems();
        var declarations = run.Sources
            .SelectMany(s => s.SourceText.Lines.Select(l => l.ToString().Trim()))
            .Where(l => l.Contains(" partial class ") || l.Contains(" partial struct ") || l.Contains(" partial interface "))
            .ToList();
        Assert.NotEmpty(declarations);
        Assert.All(declarations, l => Assert.StartsWith("internal ", l));
        var types = run.Result.Results.Single().GeneratedSources.Length;
        Assert.True(types > 50, $"only {types} files");
    }

    [Fact]
    public void An_unknown_visibility_is_PXG0009_and_public_is_used()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec, visibility: "protected").Execute();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0009");
        Assert.Contains("protected", diagnostic.GetMessage());
        Assert.Contains("public partial class ProxyV1Client", run.Source("ProxyV1Client.g.cs"));
    }

    [Fact]
    public void ProxyGenNamespace_and_ProxyGenClientName_name_the_generated_code()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec, @namespace: "Contoso.Telephony", clientName: "MaskedNumbers").Execute();

        run.AssertNoProblems();
        var client = run.Source("MaskedNumbers.g.cs");
        Assert.Contains("namespace Contoso.Telephony;", client);
        Assert.Contains("public partial class MaskedNumbers : IMaskedNumbers", client);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".MaskedNumbers.UpdateShortCode.g.cs", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Two_specs_in_their_own_namespaces_generate_side_by_side()
    {
        var messaging = RepoPaths.Shared("twilio/twilio_messaging_v1.yaml");
        Skip.If(messaging is null, "../shared/specs/twilio/twilio_messaging_v1.yaml is not beside the repository (CI requires it).");

        var run = new GeneratorHarness()
            .AddSpec(RepoPaths.OwnSpec, @namespace: "Acme.Proxy")
            .AddSpec(messaging!, @namespace: "Acme.Messaging")
            .Execute();

        run.AssertNoProblems();
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".ProxyV1Client.g.cs", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".TwilioMessagingV1Client.g.cs", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Two_specs_that_would_declare_the_same_type_in_one_namespace_are_PXG0010_naming_both_files()
    {
        var messaging = RepoPaths.Shared("twilio/twilio_messaging_v1.yaml");
        Skip.If(messaging is null, "../shared/specs/twilio/twilio_messaging_v1.yaml is not beside the repository (CI requires it).");

        var run = new GeneratorHarness()
            .AddSpec(RepoPaths.OwnSpec, @namespace: "Acme")
            .AddSpec(messaging!, @namespace: "Acme")
            .Execute();

        var collisions = run.GeneratorDiagnostics.Where(d => d.Id == "PXG0010").ToList();
        Assert.NotEmpty(collisions);
        Assert.All(collisions, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Contains("proxy_v1.yaml", d.GetMessage());
            Assert.Contains("twilio_messaging_v1.yaml", d.GetMessage());
        });
        Assert.Contains(collisions, d => d.GetMessage().Contains("Acme.Service", StringComparison.Ordinal));
    }
}
