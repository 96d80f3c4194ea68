using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>Schema shapes beyond the Proxy spec still become C# that compiles cleanly.</summary>
public class SchemaMappingTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shapes, version: '1' }
        paths:
          /prices/{Amount}/{Kind}/{Day}:
            post:
              operationId: QuotePrices
              parameters:
                - { name: Amount, in: path, required: true, schema: { type: number, format: decimal } }
                - { name: Kind, in: path, required: true, schema: { $ref: '#/components/schemas/kind' } }
                - { name: Day, in: path, required: true, schema: { type: string, format: date } }
                - { name: Filter, in: query, schema: { $ref: '#/components/schemas/item' } }
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        Items: { $ref: '#/components/schemas/items' }
                        Kinds: { type: array, items: { $ref: '#/components/schemas/kind' } }
                        Labels: { type: object, additionalProperties: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/item' } }
          /kinds/default:
            get:
              operationId: GetDefaultKind
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/kind' } } } }
        components:
          schemas:
            kind: { type: string, enum: [retail, wholesale] }
            item:
              type: object
              properties:
                price: { type: number, format: decimal }
                day: { type: string, format: date }
                tags: { type: object, additionalProperties: { type: integer } }
            items: { type: array, items: { $ref: '#/components/schemas/item' } }
        """;

    [Fact]
    public void Unusual_parameter_body_and_response_types_compile_with_zero_diagnostics()
    {
        var run = new GeneratorHarness().AddSpec("/specs/shapes.yaml", Spec).Execute();

        run.AssertNoProblems();
        var quote = run.Source("ShapesClient.QuotePrices.g.cs");
        Assert.Contains("Task<global::System.Collections.Generic.IReadOnlyList<Item>> QuotePricesAsync(decimal amount, Kind kind, global::System.DateOnly day, QuotePricesRequest? request = null,", quote);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::System.Text.Json.Nodes.JsonObject>? Items { get; set; }", quote);
        // An object in the query is typed and goes the OpenAPI default way (form, exploded: price=1.5&day=…), not as JSON text.
        Assert.Contains("public Item? Filter { get; set; }", quote);
        Assert.Contains("query.AddStyled(\"Filter\", request.Filter is null ? null : global::ProxyGen.Runtime.JsonWrite.ToElement<Item>(request.Filter, global::Acme.Proxy.Item.WriteJson), global::ProxyGen.Runtime.ParameterStyle.Form, explode: true);", quote);
        Assert.Contains("form.AddEach(\"Kinds\", request.Kinds, static item => item.Value);", quote);
        Assert.Contains("Task<Kind> GetDefaultKindAsync(", run.Source("ShapesClient.GetDefaultKind.g.cs"));
        Assert.Contains("IReadOnlyDictionary<string, int>? Tags", run.Source("ShapesClient.Models.Item.g.cs"));
    }

    [Fact]
    public void A_list_of_lists_in_a_form_is_raw_JSON_with_PXG0006_while_in_a_response_it_is_typed()
    {
        var run = new GeneratorHarness().AddSpec("/specs/nested.yaml", """
            openapi: 3.0.3
            info: { title: Nested, version: '1' }
            paths:
              /matrix:
                post:
                  operationId: PostMatrix
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            Rows: { type: array, items: { type: array, items: { type: integer } } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { type: array, items: { type: array, items: { type: integer } } }
            """, clientName: "NestedClient").Execute();

        var info = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0006");
        Assert.Contains("a list or map of lists or maps in a form, query or header", info.GetMessage());
        Assert.Equal(12, info.Location.GetLineSpan().StartLinePosition.Line);
        var source = run.Source("NestedClient.PostMatrix.g.cs");
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::System.Text.Json.JsonElement>? Rows { get; set; }", source);
        Assert.Contains("Task<global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<int>>> PostMatrixAsync(", source);
        run.AssertCompiles();
    }

    [Fact]
    public void Format_http_method_is_the_runtime_HttpMethodName_and_an_enum_of_other_words_stays_generated()
    {
        var run = new GeneratorHarness().AddSpec("/specs/hooks.yaml", """
            openapi: 3.0.3
            info: { title: Hooks, version: '1' }
            paths:
              /hooks:
                post:
                  operationId: CreateHook
                  parameters:
                    - { name: Verb, in: query, schema: { type: string, format: http-method } }
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            Method: { type: string, format: http-method, enum: [GET, POST] }
                            FallbackMethods: { type: array, items: { type: string, format: http-method, enum: [GET, POST, PUT] } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              method: { type: string, format: http-method, enum: [GET, POST], nullable: true }
                              verb: { $ref: '#/components/schemas/verb' }
                              odd: { type: string, format: http-method, enum: [GET, FETCH] }
            components:
              schemas:
                verb: { type: string, format: http-method, enum: [DELETE, PATCH] }
            """).Execute();

        run.AssertNoProblems();
        var operation = run.Source("HooksClient.CreateHook.g.cs");
        Assert.Contains("public global::ProxyGen.Runtime.HttpMethodName? Method { get; set; }", operation);
        Assert.Contains("public global::ProxyGen.Runtime.HttpMethodName? Verb { get; set; }", operation);
        Assert.Contains("IReadOnlyList<global::ProxyGen.Runtime.HttpMethodName>? FallbackMethods", operation);
        Assert.Contains("form.Add(\"Method\", request.Method?.Value);", operation);
        Assert.Contains("form.AddEach(\"FallbackMethods\", request.FallbackMethods, static item => item.Value);", operation);
        var model = run.Source("HooksClient.Models.CreateHookResponse.g.cs");
        Assert.Contains("public global::ProxyGen.Runtime.HttpMethodName? Method {", model);
        Assert.Contains("public global::ProxyGen.Runtime.HttpMethodName? Verb {", model);
        Assert.Contains("global::ProxyGen.Runtime.JsonRead.Value(ref reader, global::ProxyGen.Runtime.HttpMethodName.ReadJson)", model);
        // FETCH is no HTTP method: the author's own words stay an enum of their own.
        Assert.Contains("public CreateHookResponseOdd? Odd {", model);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith("Models.Verb.g.cs", StringComparison.Ordinal) || s.HintName.EndsWith("Method.g.cs", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Twilio_api_v2010_has_no_generated_enum_of_GET_and_POST_left()
    {
        var path = RepoPaths.Shared("twilio/twilio_api_v2010.yaml");
        Skip.If(path is null, "../shared/specs/twilio/twilio_api_v2010.yaml is not beside the repository (CI requires it).");

        var run = new GeneratorHarness().AddSpec(path!, clientName: "TwilioApiClient").Execute();

        run.AssertNoProblems();
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("IsKnown => Value is \"GET\" or \"POST\"", StringComparison.Ordinal));
        var application = run.Source("TwilioApiClient.Models.Application.g.cs");
        Assert.Contains("public global::ProxyGen.Runtime.HttpMethodName? SmsMethod {", application);
        Assert.Contains("public global::ProxyGen.Runtime.HttpMethodName? VoiceMethod {", application);
    }
}
