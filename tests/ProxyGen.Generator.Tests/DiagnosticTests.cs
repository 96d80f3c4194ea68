using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>Bad input gets a clear diagnostic at its line in the spec, and never an exception in the compiler.</summary>
public class DiagnosticTests
{
    private const string Path = "/specs/broken.yaml";

    private static GeneratorHarness.Run Generate(string yaml) => new GeneratorHarness().AddSpec(Path, yaml).Execute();

    private static Diagnostic Single(GeneratorHarness.Run run, string id)
    {
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        return Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
    }

    [Fact]
    public void A_YAML_syntax_error_is_PXG0001_at_its_line()
    {
        var run = Generate("""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            paths:
              /a:
                get:
                  operationId: GetA
                  responses: { '200': { description: ok
            """);

        var diagnostic = Single(run, "PXG0001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line >= 5, diagnostic.ToString());
        Assert.Contains("YAML syntax error at line", diagnostic.GetMessage());
        Assert.DoesNotContain("Lin:", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_operation_without_operationId_is_PXG0004_at_the_operation_and_the_rest_is_generated()
    {
        var run = Generate("""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            paths:
              /things:
                get:
                  responses: { '204': { description: ok } }
                delete:
                  operationId: DeleteThings
                  responses: { '204': { description: ok } }
            """);

        var diagnostic = Single(run, "PXG0004");
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("GET /things", diagnostic.GetMessage());
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".BrokenClient.DeleteThings.g.cs", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void An_unresolved_reference_is_PXG0002_at_the_reference()
    {
        var run = Generate("""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            paths:
              /things:
                get:
                  operationId: ListThings
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/missing'
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0002");
        Assert.Contains("missing", diagnostic.GetMessage());
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line > 0, diagnostic.ToString());
        Assert.NotEqual(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Two_operations_with_the_same_name_are_PXG0005_and_the_second_is_skipped()
    {
        var run = Generate("""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            paths:
              /a:
                get:
                  operationId: getThing
                  responses: { '204': { description: ok } }
              /b:
                get:
                  operationId: GetThing
                  responses: { '204': { description: ok } }
            """);

        var diagnostic = Single(run, "PXG0005");
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Single(run.Sources, s => s.HintName.EndsWith(".BrokenClient.GetThing.g.cs", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void OpenApi_3_2_is_PXG0003_at_the_version_line_naming_the_versions_ProxyGen_reads()
    {
        var run = Generate("""
            info: { title: T, version: '1' }
            openapi: 3.2.0
            paths: {}
            """);

        var diagnostic = Single(run, "PXG0003");
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("declares OpenAPI 3.2.0", diagnostic.GetMessage());
        Assert.Contains("reads OpenAPI 3.0 and 3.1", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("swagger.yaml", "swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    get:\n      operationId: GetA\n      responses: { '200': { description: ok } }\n", 0)]
    [InlineData("swagger.json", "{\n  \"info\": { \"title\": \"T\", \"version\": \"1\" },\n  \"swagger\": \"2.0\",\n  \"paths\": {}\n}\n", 2)]
    public void A_Swagger_2_document_is_PXG0003_at_its_version_line_and_generates_nothing(string file, string text, int line)
    {
        var run = new GeneratorHarness().AddSpec("/specs/" + file, text, clientName: "BrokenClient").Execute();

        var diagnostic = Single(run, "PXG0003");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("declares Swagger 2.0 (OpenAPI 2.0)", diagnostic.GetMessage());
        Assert.Contains("reads OpenAPI 3.0 and 3.1", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_multipart_body_becomes_a_request_class_whose_binary_property_is_a_file_part()
    {
        var run = Generate("""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            paths:
              /things:
                post:
                  operationId: UploadThing
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: { type: object, properties: { file: { type: string, format: binary } } }
                  responses: { '204': { description: ok } }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Source("BrokenClient.UploadThing.g.cs");
        Assert.Contains("Task UploadThingAsync(UploadThingRequest? request = null, global::System.Threading.CancellationToken cancellationToken = default);", source);
        Assert.Contains("public global::ProxyGen.Runtime.FileContent? File { get; set; }", source);
        Assert.Contains("multipart.Add(\"file\", request.File);", source);
        Assert.Contains("Multipart = multipart,", source);
        run.AssertCompiles();
    }

    [Fact]
    public void YAML_that_is_not_OpenAPI_and_opted_out_specs_are_ignored_silently()
    {
        var run = new GeneratorHarness()
            .AddSpec("/project/appsettings.yaml", "logging:\n  level: debug\n")
            .AddSpec("/project/other.json", """{"name": "not a spec"}""")
            .AddSpec(RepoPaths.OwnSpec, proxyGen: "false")
            .Execute();

        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Names_that_cannot_be_CSharp_identifiers_still_compile()
    {
        var run = Generate("""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            paths:
              /things/{class}:
                get:
                  operationId: get-thing
                  parameters:
                    - { name: class, in: path, required: true, schema: { type: integer } }
                    - { name: 2fa, in: query, schema: { type: boolean } }
                    - { name: X-Trace, in: header, schema: { type: string } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Task' }
            components:
              schemas:
                Task:
                  type: object
                  required: [id]
                  properties:
                    id: { type: integer, format: int64 }
                    task: { type: string }
                    value: { type: string, enum: [a-b, '1', value] }
                    tags: { type: array, items: { type: string, nullable: true } }
                    extra: { type: object, additionalProperties: { type: integer } }
                    anything: { oneOf: [ { type: string }, { type: integer } ] }
            """);

        run.AssertNoProblems();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0006");
        Assert.Contains("public TaskAnything? Anything { get => ", run.Source("BrokenClient.Models.Task.g.cs"));
        Assert.Contains("GetThingAsync(int @class,", run.Source("BrokenClient.GetThing.g.cs"));
        Assert.Contains("public required long? Id { get => ", run.Source("BrokenClient.Models.Task.g.cs"));
    }

    [Fact]
    public void A_spec_cut_off_anywhere_never_throws_into_the_compiler()
    {
        var text = File.ReadAllText(RepoPaths.OwnSpec);
        var afterVersion = text.IndexOf("\ninfo:", StringComparison.Ordinal);
        for (var length = afterVersion; length < text.Length; length += text.Length / 60)
        {
            var run = new GeneratorHarness().AddSpec("/specs/cut.yaml", text[..length]).Execute();

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785" || d.Id == "PXG0008");
            Assert.True(run.Sources.Any() || run.GeneratorDiagnostics.Any(d => d.Id.StartsWith("PXG", StringComparison.Ordinal)), $"cut at {length}: neither code nor a diagnostic");
        }
    }

    [Fact]
    public void Without_metadata_the_namespace_is_the_projects_root_namespace_and_the_client_is_named_after_the_file()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec, @namespace: null).Execute();

        Assert.Contains("namespace Consumer;", run.Source("ProxyV1Client.g.cs"));
        run.AssertNoProblems();
    }

    [Fact]
    public void A_JSON_document_generates_like_YAML_and_its_problems_point_at_their_line()
    {
        var run = Generate("""
            {
              "openapi": "3.0.1",
              "info": { "title": "T", "version": "1" },
              "paths": {
                "/things/{Sid}": {
                  "get": {
                    "operationId": "FetchThing",
                    "parameters": [ { "name": "Sid", "in": "path", "required": true, "schema": { "type": "string" } } ],
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/thing" } } } } }
                  },
                  "delete": { "responses": { "204": { "description": "gone" } } }
                }
              },
              "components": { "schemas": { "thing": { "type": "object", "properties": { "sid": { "type": "string" } } } } }
            }
            """);

        Assert.Contains("Task<Thing> FetchThingAsync(string sid,", run.Source("BrokenClient.FetchThing.g.cs"));
        Assert.Equal(10, Single(run, "PXG0004").Location.GetLineSpan().StartLinePosition.Line);
        run.AssertCompiles();
    }

    [Fact]
    public void A_discriminator_property_missing_from_required_is_a_PXG0002_warning_at_the_discriminator_and_the_client_is_generated()
    {
        var run = Generate("""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            paths:
              /pets:
                get:
                  operationId: GetPet
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/pet' } } } } }
            components:
              schemas:
                pet:
                  type: object
                  discriminator: { propertyName: kind }
                  properties: { kind: { type: string }, name: { type: string } }
            """);

        var diagnostic = Single(run, "PXG0002");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("discriminator", diagnostic.GetMessage());
        Assert.Contains("public string? Kind { get => ", run.Source("BrokenClient.Models.Pet.g.cs"));
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("3.0.1")]
    [InlineData("3.1.0")]
    public void In_a_JSON_document_of_either_version_an_unresolved_reference_is_PXG0002_at_its_line_and_column(string version)
    {
        var run = new GeneratorHarness().AddSpec("/specs/broken.json", $$"""
            {
              "openapi": "{{version}}",
              "info": { "title": "T", "version": "1" },
              "paths": {
                "/things": {
                  "get": {
                    "operationId": "ListThings",
                    "responses": { "200": { "description": "ok", "content": { "application/json": {
                      "schema": { "$ref": "#/components/schemas/nowhere" } } } } }
                  }
                }
              }
            }
            """, clientName: "BrokenClient").Execute();

        var diagnostic = Single(run, "PXG0002");
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/broken.json", position.Path);
        Assert.Equal(8, position.StartLinePosition.Line);
        Assert.Equal(22, position.StartLinePosition.Character);
        Assert.Contains("#/components/schemas/nowhere", diagnostic.GetMessage());
        run.AssertCompiles();
    }

    [Fact]
    public async Task An_external_reference_is_never_fetched()
    {
        // A listener on 127.0.0.1 that counts connections: the document points a $ref, a path item and a parameter at it.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync();

        var run = Generate($$"""
            openapi: 3.1.0
            info: { title: T, version: '1' }
            paths:
              /a:
                get:
                  operationId: GetA
                  parameters: [ { $ref: 'http://127.0.0.1:{{port}}/parameters.yaml#/Sid' } ]
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: 'http://127.0.0.1:{{port}}/schemas.yaml#/Thing' } } } } }
              /b: { $ref: 'http://127.0.0.1:{{port}}/paths.yaml#/b' }
            """);

        await Task.Delay(200);
        Assert.False(accepted.IsCompleted, "the generator connected to the server an external $ref names");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0008");
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".BrokenClient.GetA.g.cs", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void A_YAML_document_written_as_one_flow_mapping_is_read_as_YAML()
    {
        // Starts with '{' like JSON, but its keys are unquoted: only a YAML reader understands it.
        var run = Generate("""
            { openapi: 3.1.0, info: { title: T, version: '1' },
              paths: { /a: { get: { operationId: GetA, responses: { '204': { description: ok } } } } } }
            """);

        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".BrokenClient.GetA.g.cs", StringComparison.Ordinal));
        run.AssertNoProblems();
    }
}
