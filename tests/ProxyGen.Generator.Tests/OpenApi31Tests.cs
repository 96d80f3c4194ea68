using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// OpenAPI 3.1 documents generate: tests/specs/proxy_short_codes.openapi31.yaml says in 3.1's words what
/// specs/proxy_v1.yaml says in 3.0's, and the result is reviewed as snapshot files.
/// </summary>
public class OpenApi31Tests
{
    private static GeneratorHarness.Run Generate() =>
        new GeneratorHarness().AddSpec(RepoPaths.OpenApi31Spec, @namespace: "Acme.ShortCodes", clientName: "ShortCodesClient").Execute();

    [Fact]
    public void The_31_document_generates_and_compiles_with_zero_warnings_and_matches_its_snapshots()
    {
        var run = Generate();

        run.AssertNoProblems();
        Snapshot.Verify("OpenApi31", run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
        Cacheability.AssertAllCached(run.Driver.RunGenerators(run.Input.Clone()).GetRunResult().Results.Single());
    }

    [Fact]
    public void Type_arrays_with_null_are_nullable_and_without_null_are_not()
    {
        var shortCode = Generate().Source("ShortCodesClient.Models.ShortCode.g.cs");

        Assert.Contains("public required string? Sid { get => ", shortCode);
        Assert.Contains("public bool? IsReserved { get => ", shortCode);
        Assert.Contains("public global::System.DateTimeOffset? DateCreated { get => ", shortCode);
        Assert.Contains("public global::System.Uri? Url { get => ", shortCode);
        Assert.Contains("public ShortCodeCapabilities? Capabilities { get => ", shortCode);
    }

    [Fact]
    public void AnyOf_a_reference_and_null_is_the_referenced_type_made_nullable()
    {
        var shortCode = Generate().Source("ShortCodesClient.Models.ShortCode.g.cs");

        Assert.Contains("public NumberKind? Kind { get => ", shortCode);
    }

    [Fact]
    public void A_null_among_enum_values_makes_the_enum_nullable_and_is_not_a_member()
    {
        var run = Generate();

        Assert.Contains("public ShortCodeStatus? Status { get => ", run.Source("ShortCodesClient.Models.ShortCode.g.cs"));
        var status = run.Source("ShortCodesClient.Models.ShortCodeStatus.g.cs");
        Assert.Contains("public static ShortCodeStatus Active { get; } = new ShortCodeStatus(\"active\");", status);
        Assert.Contains("public static ShortCodeStatus Retired { get; } = new ShortCodeStatus(\"retired\");", status);
        Assert.DoesNotContain("new ShortCodeStatus(\"null\")", status);
        Assert.DoesNotContain("ShortCodeStatus Null ", status);
    }

    [Fact]
    public void A_description_beside_a_reference_documents_the_member_instead_of_the_referenced_schemas()
    {
        var run = Generate();

        Assert.Contains("/// <summary>The Service's own geographic match level.</summary>", run.Source("ShortCodesClient.Models.Service.g.cs"));
        Assert.Contains("/// <summary>How close to the participant a proxy number must be, for this Service. Sent as the ", run.Source("ShortCodesClient.CreateService.g.cs"));
        // The referenced schema keeps its own description.
        Assert.Contains("/// <summary>How close to the participant a proxy number must be.</summary>", run.Source("ShortCodesClient.Models.GeoMatchLevel.g.cs"));
    }

    [Fact]
    public void A_const_is_a_member_of_its_type_documented_with_its_one_value()
    {
        var shortCode = Generate().Source("ShortCodesClient.Models.ShortCode.g.cs");

        Assert.Contains("/// <summary>What this resource is. Always \"short_code\".</summary>", shortCode);
        Assert.Contains("public string? ResourceType { get => ", shortCode);
    }

    [Fact]
    public void Maps_typed_by_additionalProperties_and_paging_work_as_in_30()
    {
        var run = Generate();

        Assert.Contains("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Uri>? Links { get => ", run.Source("ShortCodesClient.Models.Service.g.cs"));
        Assert.Contains("ListShortCodeAllAsync", run.Source("ShortCodesClient.ListShortCode.g.cs"));
    }

    [Fact]
    public void A_webhook_is_a_method_of_the_generated_handler_reading_its_payload_type()
    {
        var run = Generate();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0016");
        var handler = run.Source("ShortCodesClient.ShortCodesWebhookHandler.g.cs");
        Assert.Contains("public abstract partial class ShortCodesWebhookHandler : global::ProxyGen.Runtime.Webhooks.INamedWebhookHandler", handler);
        Assert.Contains("protected virtual global::System.Threading.Tasks.ValueTask<global::ProxyGen.Runtime.Webhooks.WebhookReply> OnShortCodeReservedAsync(ShortCode payload,", handler);
        // The document's one webhook: a delivery to the handler's one URL is that webhook.
        Assert.Contains("return OnShortCodeReservedAsync(global::ProxyGen.Runtime.Webhooks.WebhookJson.Read(request.Body, global::Acme.ShortCodes.ShortCode.ReadJson), request, cancellationToken);", handler);
    }

    [Fact]
    public void PrefixItems_is_raw_JSON_with_PXG0006_at_its_line_and_several_types_are_a_union_of_them()
    {
        var run = Generate();

        var info = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0006");
        Assert.Contains("prefixItems", info.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(LineOf("        location:"), info.Location.GetLineSpan().StartLinePosition.Line);
        var shortCode = run.Source("ShortCodesClient.Models.ShortCode.g.cs");
        Assert.Contains("public global::System.Text.Json.JsonElement? Location { get => ", shortCode);
        Assert.Contains("public ShortCodePriority? Priority { get => ", shortCode);
        var priority = run.Source("ShortCodesClient.Models.ShortCodePriority.g.cs");
        Assert.Contains("public bool TryGetInt32(", priority);
        Assert.Contains("public bool TryGetString(", priority);
        Assert.Contains("public static ShortCodePriority FromInt32(int value)", priority);
    }

    [Fact]
    public void The_same_document_as_JSON_generates_the_same_code_and_positions_diagnostics_in_the_JSON()
    {
        var yaml = Generate();
        var json = new GeneratorHarness()
            .AddSpec("/specs/proxy_short_codes.openapi31.json", YamlToJson(File.ReadAllText(RepoPaths.OpenApi31Spec)), @namespace: "Acme.ShortCodes", clientName: "ShortCodesClient")
            .Execute();

        Assert.Equal(
            yaml.Sources.Select(s => (s.HintName, s.SourceText.ToString().Replace("proxy_short_codes.openapi31.yaml", "proxy_short_codes.openapi31.json", StringComparison.Ordinal))),
            json.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
        var diagnostic = Assert.Single(json.GeneratorDiagnostics, d => d.Id == "PXG0006");
        Assert.Equal("/specs/proxy_short_codes.openapi31.json", diagnostic.Location.GetLineSpan().Path);
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line > 0, diagnostic.ToString());
    }

    private static int LineOf(string start) =>
        Array.FindIndex(File.ReadAllLines(RepoPaths.OpenApi31Spec), line => line.StartsWith(start, StringComparison.Ordinal));

    /// <summary>The YAML document re-written as indented JSON, through SharpYaml (the generator's own YAML library).</summary>
    private static string YamlToJson(string yaml)
    {
        var stream = new SharpYaml.Serialization.YamlStream();
        stream.Load(new StringReader(yaml));
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            Write(writer, stream.Documents[0].RootNode);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(System.Text.Json.Utf8JsonWriter writer, SharpYaml.Serialization.YamlNode node)
    {
        switch (node)
        {
            case SharpYaml.Serialization.YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Children)
                {
                    writer.WritePropertyName(((SharpYaml.Serialization.YamlScalarNode)entry.Key).Value!);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case SharpYaml.Serialization.YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var child in sequence.Children)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
                break;
            case SharpYaml.Serialization.YamlScalarNode scalar:
                var value = scalar.Value ?? string.Empty;
                if (scalar.Style == SharpYaml.ScalarStyle.Plain && (value is "true" or "false"))
                {
                    writer.WriteBooleanValue(value == "true");
                }
                else if (scalar.Style == SharpYaml.ScalarStyle.Plain && value == "null")
                {
                    writer.WriteNullValue();
                }
                else if (scalar.Style == SharpYaml.ScalarStyle.Plain && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) && !value.StartsWith('.'))
                {
                    writer.WriteRawValue(value);
                }
                else
                {
                    writer.WriteStringValue(value);
                }

                break;
        }
    }
}
