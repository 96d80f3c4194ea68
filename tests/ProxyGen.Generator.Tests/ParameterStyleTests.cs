using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// The generated side of OpenAPI's parameter serialization (tests/specs/parameter_styles.yaml), reviewed as snapshots.
/// What goes on the wire is proven against a server in ProxyGen.Client.Tests (ParameterStyleWireTests).
/// </summary>
public class ParameterStyleTests
{
    private static GeneratorHarness.Run Generate() =>
        new GeneratorHarness().AddSpec(RepoPaths.ParameterStylesSpec, @namespace: "Acme.Styles", clientName: "StylesClient").Execute();

    [Fact]
    public void Every_style_form_encoding_multipart_and_binary_operation_compiles_with_zero_warnings_and_matches_its_snapshots()
    {
        var run = Generate();

        run.AssertNoProblems();
        Snapshot.Verify("ParameterStyles", run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
    }

    [Fact]
    public void Scalars_and_exploded_lists_in_the_default_style_keep_the_plain_calls_and_everything_else_is_styled()
    {
        var run = Generate();

        var defaults = run.Source("StylesClient.QueryDefaults.g.cs");
        Assert.Contains("query.Add(\"color\", request.Color);", defaults);
        Assert.Contains("query.AddEach(\"colors\", request.Colors, global::ProxyGen.Runtime.ParameterText.Of);", defaults);
        Assert.Contains("public Rgb? Rgb { get; set; }", defaults);
        Assert.Contains("query.AddStyled(\"rgb\", request.Rgb is null ? null : global::ProxyGen.Runtime.JsonWrite.ToElement<Rgb>(request.Rgb, global::Acme.Styles.Rgb.WriteJson), global::ProxyGen.Runtime.ParameterStyle.Form, explode: true);", defaults);
        Assert.Contains("ParameterStyle.DeepObject, explode: true);", run.Source("StylesClient.QueryDeepFilter.g.cs"));
        Assert.Contains("query.AddStyled(\"next\", ", run.Source("StylesClient.QueryReserved.g.cs"));
        Assert.Contains(", allowReserved: true);", run.Source("StylesClient.QueryReserved.g.cs"));
        Assert.Contains("global::ProxyGen.Runtime.PathSegment.Styled(\"color\", color, global::ProxyGen.Runtime.ParameterStyle.Matrix)", run.Source("StylesClient.PathMatrix.g.cs"));
    }

    [Fact]
    public void A_form_property_with_a_JSON_contentType_is_typed_and_one_without_an_encoding_keeps_the_Twilio_form()
    {
        var source = Generate().Source("StylesClient.CreateCustomer.g.cs");

        Assert.Contains("public Rgb? Settings { get; set; }", source);
        Assert.Contains("form.Add(\"settings\", global::ProxyGen.Runtime.ParameterText.Of(request.Settings is null ? null : ", source);
        Assert.Contains("public global::System.Text.Json.Nodes.JsonObject? Preferences { get; set; }", source);
        Assert.Contains("form.Add(\"preferences\", request.Preferences);", source);
        Assert.Contains("form.AddEach(\"labels\", request.Labels, global::ProxyGen.Runtime.ParameterText.Of);", source);
    }

    [Fact]
    public void Multipart_files_are_FileContent_binary_bodies_are_Stream_and_non_JSON_responses_are_Stream_or_string()
    {
        var run = Generate();

        var upload = run.Source("StylesClient.UploadFile.g.cs");
        Assert.Contains("public required global::ProxyGen.Runtime.FileContent File { get; set; }", upload);
        Assert.Contains("multipart.Add(\"file\", request.File, \"image/png\");", upload);
        Assert.Contains("multipart.AddEach(\"thumbnails\", request.Thumbnails);", upload);
        Assert.Contains("multipart.AddJson(\"attributes\", ", upload);
        Assert.Contains("multipart.Add(\"note\", global::ProxyGen.Runtime.ParameterText.Of(request.Note), \"text/markdown\");", upload);
        Assert.Contains("Task PutBlobAsync(string id, global::System.IO.Stream body, global::System.Threading.CancellationToken cancellationToken = default);", run.Source("StylesClient.PutBlob.g.cs"));
        var download = run.Source("StylesClient.GetBlob.g.cs");
        Assert.Contains("Task<global::System.IO.Stream> GetBlobAsync(string id,", download);
        Assert.Contains("Accept = \"application/octet-stream\",", download);
        Assert.Contains("return _connection.SendForStreamAsync(apiRequest, cancellationToken);", download);
        Assert.Contains("return _connection.SendForTextAsync(apiRequest, cancellationToken);", run.Source("StylesClient.GetReport.g.cs"));
    }

    [Fact]
    public void Encoding_headers_of_a_multipart_part_are_PXG0020_at_the_property_and_the_part_is_still_sent()
    {
        var run = new GeneratorHarness().AddSpec("/specs/parts.yaml", """
            openapi: 3.0.3
            info: { title: Parts, version: '1' }
            paths:
              /files:
                post:
                  operationId: Upload
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            file: { type: string, format: binary }
                        encoding:
                          file:
                            contentType: image/png
                            headers:
                              X-Rate-Limit-Limit: { schema: { type: integer } }
                  responses: { '204': { description: done } }
            """, clientName: "PartsClient").Execute();

        var info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PXG0020", info.Id);
        Assert.Equal(12, info.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'file' declares headers (X-Rate-Limit-Limit)", info.GetMessage());
        Assert.Contains("multipart.Add(\"file\", request.File, \"image/png\");", run.Source("PartsClient.Upload.g.cs"));
        run.AssertCompiles();
    }

    [Theory]
    [InlineData("path", "deepObject", "simple")]
    [InlineData("query", "matrix", "form")]
    [InlineData("header", "form", "simple")]
    public void A_style_OpenAPI_does_not_define_for_the_location_is_PXG0019_at_the_parameter_and_the_default_is_used(string location, string style, string fallback)
    {
        var run = new GeneratorHarness().AddSpec("/specs/odd.yaml", $$"""
            openapi: 3.0.3
            info: { title: Odd, version: '1' }
            paths:
              /things/{id}:
                get:
                  operationId: GetThing
                  parameters:
                    - { name: id, in: path, required: true, style: {{(location == "path" ? style : "simple")}}, schema: { type: array, items: { type: string } } }
                    - { name: x, in: {{(location == "path" ? "query" : location)}}, style: {{(location == "path" ? "form" : style)}}, schema: { type: array, items: { type: string } } }
                  responses: { '204': { description: done } }
            """, clientName: "OddClient").Execute();

        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0019");
        Assert.Equal(location == "path" ? 7 : 8, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains($"no '{style}' style for {location} parameters; the value is sent in the '{fallback}' style", warning.GetMessage());
        run.AssertCompiles();
    }
}
