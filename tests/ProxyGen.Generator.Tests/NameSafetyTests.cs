using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>No name a spec can choose collides with what the generator writes: locals, members, keywords, digits, case.</summary>
public class NameSafetyTests
{
    private const string Names = "item, form, query, request, body, apiRequest, page, items, cancellationToken, _connection, value, result, links, nextPageUrl, headers, cookies, multipart, writer, reader";

    [Fact]
    public void Parameters_named_like_the_generated_methods_locals_and_fields_compile_with_zero_diagnostics()
    {
        var names = Names.Split(", ");
        var pathTemplate = string.Concat(names.Select(n => "/{" + n + "}"));
        var pathParameters = string.Join("\n", names.Select(n => $"        - {{ name: '{n}', in: path, required: true, schema: {{ type: string }} }}"));
        var queryParameters = string.Join("\n", names.Select(n => $"        - {{ name: 'q_{n}', in: query, schema: {{ type: array, items: {{ type: string }} }} }}"));
        var run = new GeneratorHarness().AddSpec("/specs/collide.yaml", $$"""
            openapi: 3.0.3
            info: { title: Collide, version: '1' }
            paths:
              /things{{pathTemplate}}:
                post:
                  operationId: PostThing
                  parameters:
            {{pathParameters}}
            {{queryParameters}}
                    - { name: 'class', in: header, schema: { type: string } }
                    - { name: '1st', in: query, schema: { type: string } }
                    - { name: 'foo-bar', in: query, schema: { type: string } }
                    - { name: 'foo_bar', in: query, schema: { type: string } }
                    - { name: 'FooBar', in: query, schema: { type: string } }
                  requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/thing' } } } }
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/page' } } }
            components:
              schemas:
                thing:
                  type: object
                  properties:
                    thing: { type: string }
                    class: { type: string }
                    2fa: { type: boolean }
                    value: { type: string }
                    writer: { type: string }
                    reader: { type: string }
                    additionalProperties: { type: string }
                page:
                  type: object
                  properties:
                    items: { type: array, items: { $ref: '#/components/schemas/thing' } }
                    meta: { type: object, properties: { next_page_url: { type: string, format: uri } } }
            """, clientName: "CollideClient").Execute();

        run.AssertNoProblems();
    }

    [Fact]
    public void Members_named_value_keep_their_name_in_models_request_classes_and_parameters_and_only_enums_rename_it()
    {
        var run = new GeneratorHarness().AddSpec("/specs/values.yaml", """
            openapi: 3.0.3
            info: { title: Values, version: '1' }
            paths:
              /variables/{value}:
                post:
                  operationId: CreateVariable
                  parameters:
                    - { name: value, in: path, required: true, schema: { type: string } }
                    - { name: Value, in: query, schema: { type: string } }
                    - { name: IsKnown, in: header, schema: { type: string } }
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            ReadJson: { type: string }
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/variable' } } }
            components:
              schemas:
                variable:
                  type: object
                  properties:
                    value: { type: string }
                    is_known: { type: boolean }
                    kind: { $ref: '#/components/schemas/kind' }
                kind:
                  type: string
                  enum: [value, is_known, plain]
            """, clientName: "ValuesClient").Execute();

        run.AssertNoProblems();
        var model = run.Source("ValuesClient.Models.Variable.g.cs");
        Assert.Contains("public string? Value { get => ", model);
        Assert.Contains("public bool? IsKnown { get => ", model);
        var operation = run.Source("ValuesClient.CreateVariable.g.cs");
        Assert.Contains("CreateVariableAsync(string value, CreateVariableRequest? request = null", operation);
        Assert.Contains("public string? Value { get; set; }", operation);
        Assert.Contains("public string? IsKnown { get; set; }", operation);
        Assert.Contains("public string? ReadJson { get; set; }", operation);

        // An enum struct declares Value and IsKnown itself: its members of those names still move aside (PXG0018).
        var @enum = run.Source("ValuesClient.Models.Kind.g.cs");
        Assert.Contains("public static Kind ValueValue { get; }", @enum);
        Assert.Contains("public static Kind IsKnownValue { get; }", @enum);
        Assert.Contains("public static Kind Plain { get; }", @enum);
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0018");
    }

    [Fact]
    public void Every_name_the_generator_must_change_is_reported_once_as_PXG0018_at_the_specs_line()
    {
        var run = new GeneratorHarness().AddSpec("/specs/renames.yaml", """
            openapi: 3.0.3
            info: { title: Renames, version: '1' }
            paths:
              /things/{item}:
                get:
                  operationId: GetThing
                  parameters:
                    - { name: item, in: path, required: true, schema: { type: string } }
                    - { name: foo-bar, in: query, schema: { type: string } }
                    - { name: foo_bar, in: query, schema: { type: string } }
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    thing: { type: string }
                    status: { type: string, enum: [in-progress, in_progress] }
                RenamesClient: { type: object, properties: { id: { type: string } } }
            """, clientName: "RenamesClient").Execute();

        run.AssertNoProblems();
        var renames = run.GeneratorDiagnostics.Where(d => d.Id == "PXG0018")
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line, Message: d.GetMessage()))
            .OrderBy(r => r.Line)
            .ToList();
        Assert.Equal(
            [
                (7, "#/paths/~1things~1{item}/get/parameters/0: 'item' is generated as 'item2' because the generated code uses that name"),
                (9, "#/paths/~1things~1{item}/get/parameters/2: 'FooBar' is generated as 'FooBar2' because another name in the same place already became 'FooBar'"),
                (19, "#/components/schemas/Thing/properties/thing: 'Thing' is generated as 'ThingValue' because a member cannot have the name of its type"),
                (20, "#/components/schemas/Thing/properties/status/enum: 'InProgress' is generated as 'InProgress2' because another name in the same place already became 'InProgress'"),
                (21, "#/components/schemas/RenamesClient: 'RenamesClient' is generated as 'RenamesClient2' because the generated code uses that name"),
            ],
            renames);
        Assert.Contains("Task<Thing> GetThingAsync(string item2, GetThingRequest? request = null,", run.Source("RenamesClient.GetThing.g.cs"));
    }

    [Fact]
    public void Two_specs_with_the_same_file_name_in_different_namespaces_both_build()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Api, version: '1' }
            paths:
              /things:
                get:
                  operationId: GetThings
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } }
            components:
              schemas:
                Thing: { type: object, properties: { id: { type: string } } }
            """;
        var run = new GeneratorHarness()
            .AddSpec("/project/billing/api.yaml", Spec, @namespace: "Acme.Billing")
            .AddSpec("/project/shipping/api.yaml", Spec, @namespace: "Acme.Shipping")
            .Execute();

        run.AssertNoProblems();
        Assert.Contains(run.Sources, s => s.HintName == "Acme.Billing.ApiClient.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Acme.Shipping.ApiClient.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Acme.Shipping.ApiClient.Models.Thing.g.cs");
    }

    [Fact]
    public void Two_specs_that_generate_the_same_types_in_one_namespace_are_PXG0010_and_nothing_else()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Api, version: '1' }
            paths:
              /things: { get: { operationId: GetThings, responses: { '204': { description: ok } } } }
            """;
        var run = new GeneratorHarness()
            .AddSpec("/project/a/api.yaml", Spec, @namespace: "Acme")
            .AddSpec("/project/b/api.yaml", Spec, @namespace: "Acme")
            .Execute();

        Assert.NotEmpty(run.GeneratorDiagnostics.Where(d => d.Id == "PXG0010"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id != "PXG0010");
        Assert.Single(run.Sources, s => s.HintName == "Acme.ApiClient.GetThings.g.cs");
    }
}
