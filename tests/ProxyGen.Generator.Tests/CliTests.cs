using System.Text.Json;
using ProxyGen.Cli;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary><c>proxygen baseline|diff|generate</c>: exit codes and output formats, on the real Proxy history and our own spec.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("proxygen-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Commands.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static (string Old, string New) Transition(string from, string to)
    {
        var old = RepoPaths.Shared($"proxy_v1-history/twilio_proxy_v1.{from}.yaml");
        var @new = RepoPaths.Shared($"proxy_v1-history/twilio_proxy_v1.{to}.yaml");
        Skip.If(old is null || @new is null, "../shared/specs/proxy_v1-history is not beside the repository (CI requires it).");
        return (old!, @new!);
    }

    [SkippableFact]
    public async Task Diff_exits_1_on_breaking_changes_and_prints_them_first_in_every_format()
    {
        var (old, @new) = Transition("2025-06-12", "2026-02-05");

        var text = await Run("diff", old, @new, "--client", "ProxyV1Client");
        var markdown = await Run("diff", old, @new, "--client", "ProxyV1Client", "--format", "markdown");
        var json = await Run("diff", old, @new, "--client", "ProxyV1Client", "--format", "json");

        Assert.Equal((1, 1, 1), (text.Code, markdown.Code, json.Code));
        Assert.StartsWith("twilio_proxy_v1.2025-06-12.yaml -> twilio_proxy_v1.2026-02-05.yaml: 7 breaking, 0 other\nBREAKING PXG0021 ProxyV1Client.CreateShortCodeAsync was removed", text.Output, StringComparison.Ordinal);
        Assert.Contains("### Breaking (7)", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| PXG0027 | `ShortCode` |", markdown.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(7, document.RootElement.GetProperty("breaking").GetInt32());
        Assert.Equal("OperationRemoved", document.RootElement.GetProperty("changes")[0].GetProperty("kind").GetString());
    }

    [SkippableFact]
    public async Task Diff_exits_0_when_nothing_breaks_even_with_additions()
    {
        var (same, next) = Transition("2023-09-07", "2023-09-21");
        var (older, newer) = Transition("2023-01-25", "2023-09-07");

        var unchanged = await Run("diff", same, next);
        var additions = await Run("diff", older, newer);

        Assert.Equal(0, unchanged.Code);
        Assert.EndsWith(": 0 breaking, 0 other\n", unchanged.Output, StringComparison.Ordinal);
        Assert.Equal(0, additions.Code);
        Assert.Contains("0 breaking, 14 other", additions.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Baseline_writes_the_api_txt_beside_the_spec_and_generate_writes_what_the_build_generates()
    {
        var spec = Path.Combine(_folder, "proxy_v1.yaml");
        File.Copy(RepoPaths.OwnSpec, spec);

        var baseline = await Run("baseline", spec);
        var generate = await Run("generate", spec, "-o", Path.Combine(_folder, "out"), "--namespace", "Acme.Proxy");

        Assert.Equal(0, baseline.Code);
        var lines = File.ReadAllLines(Path.Combine(_folder, "proxy_v1.api.txt"));
        Assert.Contains("ProxyV1Client.UpdateShortCodeAsync(string serviceSid, string sid, UpdateShortCodeRequest? request = null) -> System.Threading.Tasks.Task<ShortCode> [POST /v1/Services/{ServiceSid}/ShortCodes/{Sid}]", lines);
        Assert.Contains("UpdateShortCodeRequest.IsReserved: bool? [form IsReserved]", lines);
        Assert.Equal(0, generate.Code);
        var expected = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute().Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var written = Directory.GetFiles(Path.Combine(_folder, "out")).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        Assert.Equal(expected.Keys.Order(), written.Keys.Order());
        Assert.Equal(expected["Acme.Proxy.ProxyV1Client.UpdateShortCode.g.cs"], written["Acme.Proxy.ProxyV1Client.UpdateShortCode.g.cs"]);

        // With the baseline beside it, an unchanged spec reports nothing and writes no stubs.
        Assert.DoesNotContain("PXG002", generate.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(": warning ", generate.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(": error ", generate.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(written.Keys, k => k.EndsWith("Removed.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_selects_operations_as_the_item_metadata_does_and_the_patterns_add_up()
    {
        var out1 = Path.Combine(_folder, "subset");

        var generate = await Run("generate", RepoPaths.OwnSpec, "-o", out1, "--namespace", "Acme.Proxy",
            "--include-path", "/v1/Services/{ServiceSid}/ShortCodes**", "--include-operation", "FetchService", "--exclude-path", "**#DELETE", "--include-tag", "Nope");

        Assert.Equal(0, generate.Code);
        var expected = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec)
            .WithMetadata("ProxyGenIncludePaths", "/v1/Services/{ServiceSid}/ShortCodes**")
            .WithMetadata("ProxyGenIncludeOperations", "FetchService")
            .WithMetadata("ProxyGenExcludePaths", "**#DELETE")
            .WithMetadata("ProxyGenIncludeTags", "Nope")
            .Execute().Sources.Select(s => s.HintName).Order();
        var written = Directory.GetFiles(out1).Select(Path.GetFileName).Order();
        Assert.Equal(expected, written);
        Assert.Contains(written, f => f!.EndsWith(".FetchService.g.cs", StringComparison.Ordinal));
        Assert.Contains(written, f => f!.EndsWith(".UpdateShortCode.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(written, f => f!.EndsWith(".DeleteShortCode.g.cs", StringComparison.Ordinal));
        Assert.Contains("warning PXG0031: ProxyGenIncludeTags=\"Nope\"", generate.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("diff /no/such/old.yaml /no/such/new.yaml")]
    [InlineData("generate /no/such/spec.yaml")]
    [InlineData("generate /no/such/spec.yaml -o")]
    [InlineData("baseline /no/such/spec.yaml")]
    public async Task Bad_usage_and_missing_files_exit_2(string commandLine)
    {
        var (code, _, error) = await Run(commandLine.Split(' '));

        Assert.Equal(2, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task An_unknown_format_exits_2_and_says_which_formats_there_are()
    {
        var (code, _, error) = await Run("diff", RepoPaths.OwnSpec, RepoPaths.OwnSpec, "--format", "xml");

        Assert.Equal(2, code);
        Assert.Contains("use text, markdown or json", error, StringComparison.Ordinal);
    }
}
