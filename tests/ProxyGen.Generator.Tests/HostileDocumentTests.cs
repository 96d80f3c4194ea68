using System.Diagnostics;
using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// Documents written to hurt: recursion, alias bombs, names and shapes the emitters did not expect.
/// The compiler must survive every one, and each problem must be a PXG diagnostic at its line in the spec.
/// </summary>
public class HostileDocumentTests
{
    private const string Path = "/specs/hostile.yaml";

    private static GeneratorHarness.Run Generate(string yaml) => new GeneratorHarness().AddSpec(Path, yaml).Execute();

    private static void AssertNoInternalFailure(GeneratorHarness.Run run) =>
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "PXG0008" or "CS8785" or "CS8784");

    private static int LineOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line;

    private const string Header = """
        openapi: 3.0.1
        info: { title: T, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        """;

    private static string TreeSpec(string schemas) => Header + """

        paths:
          /nodes:
            get:
              operationId: GetNode
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { $ref: '#/components/schemas/Node' } } }
        components:
          schemas:

        """ + schemas;

    [Fact]
    public void A_tree_whose_children_are_a_list_of_itself_generates_IReadOnlyList_of_itself()
    {
        var run = Generate(TreeSpec("""
                Node:
                  type: object
                  properties:
                    name: { type: string }
                    children: { type: array, items: { $ref: '#/components/schemas/Node' } }
                    parent: { $ref: '#/components/schemas/Node' }
                    byName: { type: object, additionalProperties: { $ref: '#/components/schemas/Node' } }
            """));

        run.AssertNoProblems();
        var model = run.Source("HostileClient.Models.Node.g.cs");
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<Node>? Children { get => ", model);
        Assert.Contains("public Node? Parent { get => ", model);
        Assert.Contains("IReadOnlyDictionary<string, Node>? ByName", model);
    }

    [Theory]
    [InlineData("array of itself", """
                Node: { type: array, items: { $ref: '#/components/schemas/Node' } }
        """)]
    [InlineData("allOf itself", """
                Node: { allOf: [ { $ref: '#/components/schemas/Node' } ] }
        """)]
    [InlineData("map of itself", """
                Node: { type: object, additionalProperties: { $ref: '#/components/schemas/Node' } }
        """)]
    [InlineData("A and B through arrays", """
                Node: { type: array, items: { $ref: '#/components/schemas/Other' } }
                Other: { type: array, items: { $ref: '#/components/schemas/Node' } }
        """)]
    [InlineData("objects A and B through arrays", """
                Node: { type: object, properties: { others: { type: array, items: { $ref: '#/components/schemas/Other' } } } }
                Other: { type: object, properties: { nodes: { type: array, items: { $ref: '#/components/schemas/Node' } } } }
        """)]
    [InlineData("allOf chain back to itself", """
                Node: { allOf: [ { $ref: '#/components/schemas/Other' } ] }
                Other: { allOf: [ { $ref: '#/components/schemas/Node' } ], nullable: true }
        """)]
    public void Recursive_schemas_generate_code_that_compiles(string shape, string schemas)
    {
        var run = Generate(TreeSpec(schemas));

        AssertNoInternalFailure(run);
        run.AssertCompiles();
        Assert.True(run.Sources.Any(s => s.HintName.EndsWith(".HostileClient.GetNode.g.cs", StringComparison.Ordinal)), shape);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void An_alias_bomb_is_PXG0011_at_its_line_within_a_second()
    {
        // Nine levels of nine aliases: 9^9 (387 million) nodes if expanded, in under 700 bytes.
        var yaml = Header + "\nx-bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml += $"  {level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
        }

        yaml += "paths:\n  /a:\n    get:\n      operationId: GetA\n      responses: { '204': { description: ok } }\n";
        Assert.True(yaml.Length < 1000, yaml.Length.ToString());

        var clock = Stopwatch.StartNew();
        var run = Generate(yaml);
        clock.Stop();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0011");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.InRange(LineOf(diagnostic), 4, 12);
        Assert.Contains("alias", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Nesting_deeper_than_the_budget_is_PXG0011_not_a_stack_overflow()
    {
        const int depth = 50_000;
        var yaml = Header + "\nx-deep: " + new string('[', depth) + new string(']', depth) + "\npaths: {}\n";

        var run = Generate(yaml);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0011");
        Assert.Equal(3, LineOf(diagnostic));
        Assert.Contains("deep", diagnostic.GetMessage());
    }

    [Fact]
    public void A_recursive_alias_is_PXG0011_not_a_stack_overflow()
    {
        var run = Generate(Header + "\nx-loop: &loop [ *loop ]\npaths: {}\n");

        AssertNoInternalFailure(run);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("PXG", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_ref_under_a_path_item_is_a_warning_at_the_ref_and_its_operations_are_not_silently_lost()
    {
        var run = Generate(Header + """

            paths:
              /kept:
                get:
                  operationId: GetKept
                  responses: { '204': { description: ok } }
              /lost:
                $ref: '#/components/pathItems/Nowhere'
            """);

        AssertNoInternalFailure(run);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0015");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("/lost", diagnostic.GetMessage());
        Assert.Equal(9, LineOf(diagnostic));
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".HostileClient.GetKept.g.cs", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void An_operation_named_like_another_operations_streaming_method_is_PXG0005_not_CS0111()
    {
        var run = Generate(Header + """

            paths:
              /things:
                get:
                  operationId: ListThing
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/page' } } }
              /things/all:
                get:
                  operationId: ListThingAll
                  responses: { '204': { description: ok } }
            components:
              schemas:
                page:
                  type: object
                  properties:
                    things: { type: array, items: { type: string } }
                    meta: { type: object, properties: { next_page_url: { type: string, nullable: true } } }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0005");
        Assert.Contains("ListThingAllAsync", diagnostic.GetMessage());
        Assert.Equal(13, LineOf(diagnostic));
        run.AssertCompiles();
        Assert.Contains("ListThingAllAsync(", run.Source("HostileClient.ListThingAll.g.cs"));
    }

    [Fact]
    public void A_10_KB_title_is_shortened_with_a_PXG_info_instead_of_CS7013()
    {
        var title = string.Concat(Enumerable.Repeat("VeryLongName", 900));
        var run = Generate(Header + $$"""

            paths:
              /things:
                post:
                  operationId: CreateThing
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: { title: {{title}}, type: object, properties: { Name: { type: string } } }
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { title: {{title}}x, type: object, properties: { sid: { type: string } } } } }
            """);

        AssertNoInternalFailure(run);
        run.AssertCompiles();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0012" && LineOf(d) == 10);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.All(run.Sources, s => Assert.True(s.HintName.Length < 200, s.HintName));
    }

    [Fact]
    public void Server_variables_are_substituted_at_generation_time_and_can_be_set_on_the_options()
    {
        var run = Generate("""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            servers:
              - url: 'https://{region}.example.com/{version}'
                variables:
                  region: { default: us1, enum: [us1, ie1] }
                  version: { default: v1 }
            paths:
              /a:
                get:
                  operationId: GetA
                  responses: { '204': { description: ok } }
            """);

        run.AssertNoProblems();
        var client = run.Source("HostileClient.g.cs");
        Assert.Contains("\"https://us1.example.com/v1\"", client);
        Assert.Contains("\"https://{region}.example.com/{version}\"", client);
    }

    [Theory]
    [InlineData("/relative/base", "PXG0013")]
    [InlineData("https://{undeclared}.example.com", "PXG0013")]
    [InlineData("not a url at all", "PXG0013")]
    public void A_server_url_that_is_not_an_absolute_address_is_a_warning_and_the_client_still_constructs(string url, string id)
    {
        var run = Generate($$"""
            openapi: 3.0.1
            info: { title: T, version: '1' }
            servers: [ { url: '{{url}}' } ]
            paths:
              /a:
                get:
                  operationId: GetA
                  responses: { '204': { description: ok } }
            """);

        AssertNoInternalFailure(run);
        run.AssertCompiles();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(2, LineOf(diagnostic));
        Assert.Contains("DefaultBaseAddress = null", run.Source("HostileClient.g.cs"));
    }

    [Theory]
    [InlineData("/a/{}")]
    [InlineData("/a/{id")]
    [InlineData("/a/id}")]
    [InlineData("/a/{{id}}")]
    public void A_malformed_path_template_is_a_diagnostic_at_the_path_not_PXG0008(string path)
    {
        var run = Generate(Header + $$"""

            paths:
              '{{path}}':
                get:
                  operationId: GetBroken
                  responses: { '204': { description: ok } }
              /fine:
                get:
                  operationId: GetFine
                  responses: { '204': { description: ok } }
            """);

        AssertNoInternalFailure(run);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0014");
        Assert.Equal(4, LineOf(diagnostic));
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".HostileClient.GetFine.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".HostileClient.GetBroken.g.cs", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void A_path_parameter_used_twice_is_sent_in_both_places()
    {
        var run = Generate(Header + """

            paths:
              /a/{id}/b/{id}:
                get:
                  operationId: GetTwice
                  parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
                  responses: { '204': { description: ok } }
            """);

        run.AssertNoProblems();
        Assert.Contains("GetTwiceAsync(string id, global::System.Threading.CancellationToken", run.Source("HostileClient.GetTwice.g.cs"));
    }

    [Fact]
    public void A_ref_key_directly_under_components_schemas_is_a_diagnostic_not_PXG0008()
    {
        var run = Generate(Header + """

            paths:
              /a:
                get:
                  operationId: GetA
                  responses: { '204': { description: ok } }
            components:
              schemas:
                $ref: '#/components/schemas/Other'
                Other: { type: object, properties: { id: { type: string } } }
            """);

        AssertNoInternalFailure(run);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id.StartsWith("PXG", StringComparison.Ordinal) && LineOf(d) == 10);
        run.AssertCompiles();
    }

    [Fact]
    public void A_component_named_like_the_client_does_not_collide_with_it()
    {
        var run = Generate(Header + """

            paths:
              /a:
                get:
                  operationId: GetA
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/HostileClient' } } }
            components:
              schemas:
                HostileClient: { type: object, properties: { id: { type: string } } }
                IHostileClient: { type: string, enum: [a, b] }
            """);

        AssertNoInternalFailure(run);
        run.AssertCompiles();
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\r")]
    public void Spec_text_with_any_line_break_cannot_end_a_comment_and_become_code(string lineBreak)
    {
        var payload = lineBreak + "public class Injected { }" + lineBreak;
        var yaml = Header + $$"""

            paths:
              /a:
                get:
                  operationId: 'Get<A>{{payload}}'
                  summary: "Fetch{{payload}}</summary> \0 \uFFFE"
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            description: "Thing{{payload}}"
                            properties:
                              kind: { type: string, enum: ['<b>{{payload}}', "\0"], description: "x{{payload}}" }
            """;

        var run = Generate(yaml);

        AssertNoInternalFailure(run);
        run.AssertCompiles();
        var compilation = run.Input.AddSyntaxTrees(run.Result.GeneratedTrees);
        Assert.Null(compilation.GetTypeByMetadataName("Acme.Proxy.Injected"));
        Assert.Null(compilation.GetTypeByMetadataName("Injected"));
    }

    [Fact]
    public void Options_that_are_not_CSharp_names_are_PXG0009_and_the_defaults_are_used()
    {
        var run = new GeneratorHarness()
            .AddSpec("/specs/a\nb.yaml", Header + "\npaths:\n  /a:\n    get:\n      operationId: GetA\n      responses: { '204': { description: ok } }\n",
                @namespace: "Acme; public class Injected { } namespace X", clientName: "My Client")
            .Execute();

        AssertNoInternalFailure(run);
        run.AssertCompiles();
        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "PXG0009"));
        Assert.Contains("namespace ProxyGen.Generated;", run.Source("MyClient.g.cs"));
        Assert.DoesNotContain("\nb.yaml", run.Source("MyClient.g.cs"));
    }

    [Fact]
    public void Path_parameters_named_like_the_generated_locals_compile()
    {
        var names = new[] { "request", "cancellationToken", "form", "query", "headers", "apiRequest", "links", "page", "items", "item", "nextPageUrl" };
        var path = "/things/" + string.Join("/", names.Select(n => "{" + n + "}"));
        var parameters = string.Join("\n", names.Select(n => $"        - {{ name: {n}, in: path, required: true, schema: {{ type: string }} }}"));
        var run = Generate(Header + $$"""

            paths:
              '{{path}}':
                get:
                  operationId: ListThing
                  parameters:
            {{parameters}}
                    - { name: PageSize, in: query, schema: { type: integer } }
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/page' } } }
            components:
              schemas:
                page:
                  type: object
                  properties:
                    things: { type: array, items: { type: string } }
                    meta: { type: object, properties: { next_page_url: { type: string, nullable: true } } }
            """);

        run.AssertNoProblems();
        Assert.Contains("ListThingAllAsync(", run.Source("HostileClient.ListThing.g.cs"));
    }
}
