using ProxyGen.Cli;
using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Drift;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// Spec updates: the API baseline beside a spec, the build's report of what a new version breaks (PXG0021–PXG0029),
/// and the obsolete stubs that make a caller's code say why it no longer compiles. Proven on the real Proxy history.
/// </summary>
public class ApiDriftTests
{
    private static readonly string[] History =
    [
        "twilio_proxy_v1.2023-01-25.yaml",
        "twilio_proxy_v1.2023-09-07.yaml",
        "twilio_proxy_v1.2023-09-21.yaml",
        "twilio_proxy_v1.2025-06-12.yaml",
        "twilio_proxy_v1.2026-02-05.yaml",
    ];

    private static string HistoryPath(string file)
    {
        var path = RepoPaths.Shared("proxy_v1-history/" + file);
        Skip.If(path is null, "../shared/specs/proxy_v1-history is not beside the repository (CI requires it).");
        return path!;
    }

    private static string BaselineOf(string specPath, string? clientName = "ProxyV1Client") =>
        SpecSurface.Baseline(Path.GetFileName(specPath), SpecSurface.Read(specPath, File.ReadAllText(specPath), clientName: clientName)!);

    [SkippableFact]
    public void The_four_real_transitions_of_the_Proxy_history_match_their_reviewed_reports()
    {
        var reports = new Dictionary<string, string>();
        for (var i = 0; i + 1 < History.Length; i++)
        {
            var (old, @new) = (HistoryPath(History[i]), HistoryPath(History[i + 1]));
            var changes = SpecSurface.Compare(old, File.ReadAllText(old), @new, File.ReadAllText(@new), "ProxyV1Client")!;
            var name = History[i].Replace("twilio_proxy_v1.", string.Empty).Replace(".yaml", string.Empty) + "_to_" + History[i + 1].Replace("twilio_proxy_v1.", string.Empty).Replace(".yaml", ".txt");
            reports[name] = ChangeReport.Format(changes, History[i], History[i + 1], "text");
        }

        Snapshot.Verify("ApiDrift", reports);
    }

    [SkippableFact]
    public void From_2025_06_to_2026_02_the_build_reports_the_five_ShortCode_operations_and_the_ShortCode_model()
    {
        var (old, @new) = (HistoryPath(History[3]), HistoryPath(History[4]));

        var changes = SpecSurface.Compare(old, File.ReadAllText(old), @new, File.ReadAllText(@new), "ProxyV1Client")!;

        Assert.Equal(
            ["CreateShortCodeAsync", "DeleteShortCodeAsync", "FetchShortCodeAsync", "ListShortCodeAsync", "UpdateShortCodeAsync"],
            changes.Where(c => c.Kind == ChangeKind.OperationRemoved).Select(c => c.Subject.Substring("ProxyV1Client.".Length)));
        Assert.Equal(["ShortCode"], changes.Where(c => c.Kind == ChangeKind.ModelRemoved).Select(c => c.Subject));

        // The one other change is real: CreateSession's Participants went from `items: {type: object}` back to `items: {}`.
        var other = Assert.Single(changes, c => c.Kind is not (ChangeKind.OperationRemoved or ChangeKind.ModelRemoved));
        Assert.Equal(("CreateSessionRequest.Participants", ChangeKind.RequestFieldChanged), (other.Subject, other.Kind));

        // PhoneNumber.Capabilities keeps its type: the baseline names the inline object Capabilities, and so does the build.
        Assert.DoesNotContain(changes, c => c.Subject.Contains("Capabilities", StringComparison.Ordinal));
    }

    private const string Caller = """
        class Caller
        {
            async System.Threading.Tasks.Task Reserve(Acme.Proxy.ProxyV1Client client) =>
                await client.UpdateShortCodeAsync("KS1", "SC1", new Acme.Proxy.UpdateShortCodeRequest { IsReserved = true });
        }
        """;

    [SkippableFact]
    public void A_caller_of_UpdateShortCodeAsync_built_with_the_2025_06_baseline_against_the_2026_02_spec_fails_with_CS0619_saying_why()
    {
        var (old, @new) = (HistoryPath(History[3]), HistoryPath(History[4]));
        var baselinePath = Path.ChangeExtension(@new, null) + ".api.txt";

        var run = new GeneratorHarness()
            .AddSpec(@new, clientName: "ProxyV1Client")
            .AddSpec(baselinePath, BaselineOf(old))
            .Execute(GeneratorHarness.NewCompilation(Caller));

        var call = Assert.Single(run.CompilationDiagnostics, d => d.Id == "CS0619" && d.GetMessage().Contains("UpdateShortCodeAsync(", StringComparison.Ordinal));
        Assert.EndsWith(
            "is obsolete: 'UpdateShortCodeAsync was removed from twilio_proxy_v1.2026-02-05.yaml (was POST /v1/Services/{ServiceSid}/ShortCodes/{Sid}); update the code, then the baseline'",
            call.GetMessage());
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id == "CS1061");
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Location.SourceTree?.FilePath.Contains("Removed.g.cs", StringComparison.Ordinal) == true));

        // What was removed is reported at the baseline's line, and nothing but the drift and the known renames is reported.
        var removed = run.GeneratorDiagnostics.Where(d => d.Id == "PXG0021").ToList();
        Assert.Equal(5, removed.Count);
        Assert.All(removed, d => Assert.Equal(baselinePath, d.Location.GetLineSpan().Path));
        var update = Assert.Single(removed, d => d.GetMessage().Contains("UpdateShortCodeAsync", StringComparison.Ordinal));
        var line = File.Exists(baselinePath) ? null : BaselineOf(old).Split('\n')[update.Location.GetLineSpan().StartLinePosition.Line];
        Assert.StartsWith("ProxyV1Client.UpdateShortCodeAsync(", line);
        Assert.Equal(["PXG0018", "PXG0021", "PXG0023", "PXG0027"], run.GeneratorDiagnostics.Select(d => d.Id).Distinct().Order());
    }

    [SkippableFact]
    public void After_the_baseline_is_updated_the_report_is_empty_and_the_stubs_are_gone()
    {
        var @new = HistoryPath(History[4]);

        var run = new GeneratorHarness()
            .AddSpec(@new, clientName: "ProxyV1Client")
            .AddSpec(Path.ChangeExtension(@new, null) + ".api.txt", BaselineOf(@new))
            .Execute();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => string.CompareOrdinal(d.Id, "PXG0021") >= 0);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith("Removed.g.cs", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void Without_a_baseline_there_are_no_drift_checks()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute();

        run.AssertNoProblems();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => string.CompareOrdinal(d.Id, "PXG0021") >= 0);
    }

    private const string Before = """
        openapi: 3.0.3
        info: { title: Shop, version: '1' }
        paths:
          /orders/{id}:
            post:
              operationId: UpdateOrder
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        Note: { type: string }
                        Priority: { type: integer }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
          /orders:
            get:
              operationId: ListOrders
              responses:
                '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Order' } } } } }
        components:
          schemas:
            Order:
              type: object
              properties:
                id: { type: string }
                total: { type: number }
                status: { $ref: '#/components/schemas/Status' }
            Status: { type: string, enum: [open, paid] }
            Refund: { type: object, properties: { id: { type: string } } }
        """;

    public static TheoryData<string, string, string, string> BreakingChanges() => new()
    {
        { "operation removed", "  /orders:\n    get:\n      operationId: ListOrders\n      responses:\n        '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Order' } } } } }\n", "", "PXG0021 ShopClient.ListOrdersAsync" },
        { "path changed", "  /orders/{id}:\n    post:", "  /order/{id}:\n    post:", "PXG0022 ShopClient.UpdateOrderAsync" },
        { "method changed", "  /orders/{id}:\n    post:", "  /orders/{id}:\n    put:", "PXG0022 ShopClient.UpdateOrderAsync" },
        { "request field removed", "                Priority: { type: integer }\n", "", "PXG0023 UpdateOrderRequest.Priority" },
        { "request field made required", "              properties:\n                Note:", "              required: [Note]\n              properties:\n                Note:", "PXG0023 UpdateOrderRequest.Note" },
        { "new required request field", "                Priority: { type: integer }\n", "                Priority: { type: integer }\n                Reason: { type: string }\n              required: [Reason]\n", "PXG0024 UpdateOrderRequest.Reason" },
        { "response property removed", "        total: { type: number }\n", "", "PXG0025 Order.Total" },
        { "response property type changed", "        total: { type: number }", "        total: { type: string }", "PXG0025 Order.Total" },
        { "enum value removed", "enum: [open, paid]", "enum: [open]", "PXG0026 Status.Paid" },
        { "model removed", "\n    Refund: { type: object, properties: { id: { type: string } } }", "", "PXG0027 Refund" },
    };

    [Theory]
    [MemberData(nameof(BreakingChanges))]
    public void Every_breaking_kind_has_its_own_warning_and_nothing_else_is_breaking(string change, string from, string to, string expected)
    {
        var after = Before.Replace(from, to, StringComparison.Ordinal);
        Assert.True(after != Before, change);

        var changes = SpecSurface.Compare("/specs/shop.yaml", Before, "/specs/shop.yaml", after, "ShopClient")!;

        var breaking = changes.Where(c => c.IsBreaking).Select(c => c.DiagnosticId + " " + c.Subject).ToList();
        Assert.True(breaking.SequenceEqual([expected]), $"{change}: {string.Join("; ", breaking)}");
    }

    [Fact]
    public void Additions_and_deprecations_are_infos_and_deprecated_members_are_Obsolete()
    {
        var after = Before
            .Replace("    Refund:", "    Coupon: { type: object, properties: { code: { type: string } } }\n    Refund:", StringComparison.Ordinal)
            .Replace("        total: { type: number }", "        total: { type: number, deprecated: true }\n        currency: { type: string }", StringComparison.Ordinal)
            .Replace("enum: [open, paid]", "enum: [open, paid, refunded]", StringComparison.Ordinal);

        var run = new GeneratorHarness()
            .AddSpec("/specs/shop.yaml", after, clientName: "ShopClient")
            .AddSpec("/specs/shop.api.txt", SpecSurface.Baseline("shop.yaml", SpecSurface.Read("/specs/shop.yaml", Before, clientName: "ShopClient")!))
            .Execute();

        run.AssertCompiles();
        var drift = run.GeneratorDiagnostics.Select(d => (d.Id, d.Severity, d.GetMessage())).OrderBy(d => d.Item3, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                ("PXG0029", DiagnosticSeverity.Info, "Coupon was added to shop.yaml (#/components/schemas/Coupon)"),
                ("PXG0029", DiagnosticSeverity.Info, "Order.Currency was added to shop.yaml (json currency)"),
                ("PXG0028", DiagnosticSeverity.Info, "Order.Total is now deprecated in shop.yaml"),
                ("PXG0029", DiagnosticSeverity.Info, "Status.Refunded was added to shop.yaml (refunded)"),
            ],
            drift);
        var deprecated = run.GeneratorDiagnostics.Single(d => d.Id == "PXG0028").Location.GetLineSpan().StartLinePosition.Line;
        Assert.StartsWith("        total: { type: number, deprecated: true }", after.Split('\n')[deprecated], StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"The spec marks this member deprecated.\")]", run.Source("ShopClient.Models.Order.g.cs"));
    }

    [Fact]
    public void A_hostile_or_broken_baseline_never_puts_code_into_the_build_and_never_breaks_it()
    {
        var hostile = string.Join("\n",
        [
            "# a comment, a blank line, and garbage",
            "",
            "this is not a baseline line",
            "ShopClient.GoneAsync(string id) { } } class Injected { void M() { System.Environment.Exit(1); } } class X { void N(int y) -> System.Threading.Tasks.Task [GET /gone]",
            "ShopClient.AlsoGoneAsync(string id) -> System.Threading.Tasks.Task; } class Injected2 { [GET /also-gone]",
            "class Order [#/components/schemas/Order]",
            "Order.Ghost: int?; } class Injected3 { int? Z [json ghost]",
            "Order.Gone: string? [json gone]",
            "class ShopClientJsonResolver [#/components/schemas/ShopClientJsonResolver]",
            new string('x', 100_000),
        ]);

        var run = new GeneratorHarness()
            .AddSpec("/specs/shop.yaml", Before, clientName: "ShopClient")
            .AddSpec("/specs/shop.api.txt", hostile)
            .Execute();

        run.AssertCompiles();
        var stubs = run.Source("ShopClient.Removed.g.cs");
        Assert.DoesNotContain("Injected", stubs, StringComparison.Ordinal);
        Assert.Contains("public string? Gone { get; set; } = default!;", stubs, StringComparison.Ordinal);
        Assert.DoesNotContain("class ShopClientJsonResolver", stubs, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_prefix_of_every_baseline_line_reads_without_throwing_and_a_whole_line_reads_back_as_written()
    {
        var baseline = SpecSurface.Baseline("proxy_v1.yaml", SpecSurface.Read(RepoPaths.OwnSpec, File.ReadAllText(RepoPaths.OwnSpec), clientName: "ProxyV1Client")!);
        var lines = baseline.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.Contains(lines, l => l.Contains("UpdateShortCodeAsync(", StringComparison.Ordinal));

        // Cut anywhere (a hand edit gone wrong, a truncated file): read, never thrown.
        foreach (var line in lines)
        {
            for (var length = 0; length <= line.Length; length++)
            {
                ApiSurface.Read(line.Substring(0, length) + "\n" + line.Substring(length));
            }
        }

        // Read back whole, each line is the same entry and writes the same text: the typed parts lose nothing.
        var read = ApiSurface.Read(baseline).Select(e => e.Entry).ToList();
        Assert.Equal(lines, read.Select(e => e.Line));
        Assert.Equal(baseline, ApiSurface.Write("proxy_v1.yaml", read));
    }
}
