using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// The real Twilio documents in ../shared/specs, used where they are (never copied). Missing documents fail in CI
/// and are skipped, with the reason, elsewhere.
/// </summary>
public class RealSpecTests
{
    public static TheoryData<string> ProxyHistory() => new(
        "proxy_v1-history/twilio_proxy_v1.2023-01-25.yaml",
        "proxy_v1-history/twilio_proxy_v1.2023-09-07.yaml",
        "proxy_v1-history/twilio_proxy_v1.2023-09-21.yaml",
        "proxy_v1-history/twilio_proxy_v1.2025-06-12.yaml",
        "proxy_v1-history/twilio_proxy_v1.2026-02-05.yaml");

    public static TheoryData<string> AllTwilioSpecs()
    {
        var data = new TheoryData<string>();
        var folder = Path.Combine(RepoPaths.SharedSpecs, "twilio");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            data.Add("twilio/twilio_proxy_v1.yaml");
        }

        foreach (var file in files)
        {
            data.Add("twilio/" + file);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(ProxyHistory))]
    public void Every_historical_Proxy_spec_generates_code_that_compiles_with_zero_diagnostics(string relativePath)
    {
        var path = RepoPaths.Shared(relativePath);
        Skip.If(path is null, $"{relativePath} is not in ../shared/specs beside the repository (CI requires it).");

        var run = new GeneratorHarness().AddSpec(path!, clientName: "ProxyV1Client").Execute();

        run.AssertNoProblems();
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".ProxyV1Client.FetchService.g.cs", StringComparison.Ordinal));
        Assert.Equal(!relativePath.Contains("2026-02", StringComparison.Ordinal), run.Sources.Any(s => s.HintName.EndsWith(".ProxyV1Client.UpdateShortCode.g.cs", StringComparison.Ordinal)));
    }

    [SkippableTheory]
    [MemberData(nameof(AllTwilioSpecs))]
    public void Every_current_Twilio_spec_generates_code_that_compiles(string relativePath)
    {
        var path = RepoPaths.Shared(relativePath);
        Skip.If(path is null, $"{relativePath} is not in ../shared/specs beside the repository (CI requires it).");

        var run = new GeneratorHarness().AddSpec(path!).Execute();

        run.AssertNoProblems();
        Assert.NotEmpty(run.Sources);
    }

    public static TheoryData<string> EveryRealDocument()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.Exists(RepoPaths.SharedSpecs)
            ? Directory.GetFiles(RepoPaths.SharedSpecs, "*.*", SearchOption.AllDirectories).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal))
            : [])
        {
            data.Add(Path.GetRelativePath(RepoPaths.SharedSpecs, path));
        }

        if (data.Count == 0)
        {
            data.Add("public/spotify_web_api.2026-08-21.yaml");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(EveryRealDocument))]
    public void Every_real_document_is_within_the_document_budget(string relativePath)
    {
        var path = RepoPaths.Shared(relativePath);
        Skip.If(path is null, $"{relativePath} is not in ../shared/specs.");

        Assert.Null(ProxyGen.Generator.Parsing.DocumentBudget.Check(File.ReadAllText(path!), CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData("public/box_platform.2026-06-29.json")]
    [InlineData("public/spotify_web_api.2026-08-21.yaml")]
    public void The_public_non_Twilio_documents_generate_code_that_compiles(string relativePath)
    {
        var path = RepoPaths.Shared(relativePath);
        Skip.If(path is null, $"{relativePath} is not in ../shared/specs.");

        var run = new GeneratorHarness().AddSpec(path!).Execute();

        run.AssertNoProblems();
        Assert.NotEmpty(run.Sources);
    }
}
