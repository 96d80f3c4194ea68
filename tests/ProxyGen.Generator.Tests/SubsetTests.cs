using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Drift;
using ProxyGen.Generator.Parsing;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// Part of a large document: operations selected on the AdditionalFiles item by path, tag or operationId (exclude
/// wins), and only the types they reach generated.
/// </summary>
public class SubsetTests
{
    private const string MessagesPaths = "/2010-04-01/Accounts/{AccountSid}/Messages**";

    private static string ApiV2010()
    {
        var path = RepoPaths.Shared("twilio/twilio_api_v2010.yaml");
        Skip.If(path is null, "../shared/specs/twilio/twilio_api_v2010.yaml is not beside the repository (CI requires it).");
        return path!;
    }

    /// <summary>The generated files of one client: <c>CreateMessage</c>, <c>Models.Message</c>, the client and its resolver.</summary>
    private static List<string> Names(GeneratorHarness.Run run, string client) =>
        run.Sources.Select(s => s.HintName.Substring("Acme.Proxy.".Length).Replace(".g.cs", string.Empty, StringComparison.Ordinal))
            .Select(h => h.StartsWith(client + ".", StringComparison.Ordinal) ? h.Substring(client.Length + 1) : h)
            .Order(StringComparer.Ordinal).ToList();

    [SkippableFact]
    public void Twilio_Messages_by_path_is_the_message_operations_and_the_types_they_reach_and_compiles_warning_free()
    {
        var run = new GeneratorHarness().AddSpec(ApiV2010(), clientName: "TwilioApiClient").WithMetadata("ProxyGenIncludePaths", MessagesPaths).Execute();

        run.AssertNoProblems();
        var names = Names(run, "TwilioApiClient");
        Snapshot.Verify("SubsetApiV2010Messages", new Dictionary<string, string> { ["generated-files.txt"] = string.Join("\n", names) + "\n" });
        Assert.Contains("CreateMessage", names);
        Assert.Contains("ListMessage", names);
        Assert.DoesNotContain(names, n => n.Contains("Call", StringComparison.Ordinal) && !n.Contains("Message", StringComparison.Ordinal));
        Assert.Contains("Client for part of", run.Source("TwilioApiClient.g.cs"));
        Assert.Contains("paths /2010-04-01/Accounts/{AccountSid}/Messages** (", run.Source("TwilioApiClient.g.cs"));
    }

    [SkippableFact]
    public void Tags_and_operationIds_select_too_and_exclude_wins()
    {
        var path = ApiV2010();

        var byTag = Names(new GeneratorHarness().AddSpec(path, clientName: "C").WithMetadata("ProxyGenIncludeTags", "Api20100401Message").Execute(), "C");
        var byPath = Names(new GeneratorHarness().AddSpec(path, clientName: "C").WithMetadata("ProxyGenIncludePaths", "/2010-04-01/Accounts/{AccountSid}/Messages.json;/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json").Execute(), "C");
        var byId = new GeneratorHarness().AddSpec(path, clientName: "C")
            .WithMetadata("ProxyGenIncludeOperations", "*Message")
            .WithMetadata("ProxyGenExcludeOperations", "DeleteMessage;UpdateMessage")
            .WithMetadata("ProxyGenExcludePaths", "**#GET")
            .Execute();

        Assert.Equal(byPath, byTag);
        var operations = Names(byId, "C").Where(n => !n.StartsWith("Models.", StringComparison.Ordinal) && n is not "C" and not "CJsonResolver").ToList();
        Assert.Equal(["CreateMessage", "CreateUserDefinedMessage"], operations.Where(n => n.EndsWith("Message", StringComparison.Ordinal)));
        Assert.DoesNotContain("FetchMessage", operations);
        byId.AssertNoProblems();
    }

    [SkippableFact]
    public void Box_folders_by_tag_keep_the_models_their_answers_reach_and_nothing_else()
    {
        var path = RepoPaths.Shared("public/box_platform.2026-06-29.json");
        Skip.If(path is null, "../shared/specs/public/box_platform.2026-06-29.json is not beside the repository (CI requires it).");

        var whole = Names(new GeneratorHarness().AddSpec(path!, clientName: "BoxClient").Execute(), "BoxClient");
        var run = new GeneratorHarness().AddSpec(path!, clientName: "BoxClient").WithMetadata("ProxyGenIncludeTags", "Folders").Execute();

        run.AssertNoProblems();
        var names = Names(run, "BoxClient");
        Assert.Contains("GetFoldersId", names);
        Assert.Contains("Models.FolderFull", names);
        Assert.DoesNotContain("GetFilesId", names);
        Assert.DoesNotContain("Models.MetadataTemplate", names);
        Assert.True(names.Count * 4 < whole.Count, $"{names.Count} of {whole.Count} files");
        Assert.All(names, n => Assert.Contains(n, whole));
    }

    [Fact]
    public void A_pattern_that_matches_nothing_is_PXG0031_naming_it_and_the_rest_still_selects()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec)
            .WithMetadata("ProxyGenIncludePaths", "/v1/Services/{ServiceSid}/ShortCodes**;/v1/Servics/**")
            .WithMetadata("ProxyGenExcludeTags", "NoSuchTag")
            .Execute();

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "PXG0031").Select(d => d.GetMessage()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("ProxyGenExcludeTags=\"NoSuchTag\" on 'proxy_v1.yaml' matches no operation", warnings[0]);
        Assert.StartsWith("ProxyGenIncludePaths=\"/v1/Servics/**\" on 'proxy_v1.yaml' matches no operation", warnings[1]);
        Assert.Equal(DiagnosticSeverity.Warning, run.GeneratorDiagnostics.First(d => d.Id == "PXG0031").DefaultSeverity);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".UpdateShortCode.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".FetchService.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".Models.Session.g.cs", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void Without_selection_nothing_changes_and_a_baseline_of_the_whole_document_sees_no_drift_in_a_subset()
    {
        var text = File.ReadAllText(RepoPaths.OwnSpec);
        var input = new SpecInput(RepoPaths.OwnSpec, text, SpecSniffer.OpenApiVersionOf(text)!, "Acme.Proxy", "ProxyV1Client", Visibility: null);
        var whole = SpecParser.Parse(input, CancellationToken.None);
        var baseline = ApiSurface.Write("proxy_v1.yaml", ApiSurface.Build(whole.Spec!, whole.Origins));

        var subset = SpecParser.Parse(input with { Selection = SelectionOptions.None with { IncludePaths = "/v1/Services/{ServiceSid}/ShortCodes**" } }, CancellationToken.None);
        var result = BaselinePass.Apply(subset, new SpecBaseline("/specs/proxy_v1.api.txt", baseline));

        Assert.True(whole.Origins.LeftOut.Count == 0);
        Assert.NotEmpty(subset.Origins.LeftOut);
        Assert.True(subset.Spec!.Operations.Count < whole.Spec!.Operations.Count);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("PXG002", StringComparison.Ordinal));
    }
}
