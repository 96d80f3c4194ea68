using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>A JSON request body is a typed <c>body</c> argument, written by the models' generated <c>WriteJson</c>.</summary>
public class JsonBodyTests
{
    private static GeneratorHarness.Run Generate(string paths, string components = "") => new GeneratorHarness().AddSpec("/specs/things.yaml", $"""
        openapi: 3.0.1
        info: {"{"} title: Things, version: '1' {"}"}
        paths:
        {paths}
        components:
          schemas:
            thing:
              type: object
              required: [name]
              properties:
                name: {"{"} type: string {"}"}
                size: {"{"} type: integer {"}"}
                color: {"{"} type: string, enum: [red, green] {"}"}
                tags: {"{"} type: array, items: {"{"} type: string {"}"} {"}"}
        {components}
        """, clientName: "ThingsClient").Execute();

    [Fact]
    public void A_required_JSON_body_is_a_mandatory_body_argument_after_the_path_arguments_and_before_the_query_request()
    {
        var run = Generate("""
              /groups/{GroupId}/things:
                post:
                  operationId: CreateThing
                  parameters:
                    - { name: GroupId, in: path, required: true, schema: { type: string } }
                    - { name: dryRun, in: query, schema: { type: boolean } }
                  requestBody:
                    required: true
                    description: The thing to create.
                    content: { application/json: { schema: { $ref: '#/components/schemas/thing' } } }
                  responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/thing' } } } } }
            """);

        run.AssertNoProblems();
        var source = run.Source("ThingsClient.CreateThing.g.cs");
        Assert.Contains("Task<Thing> CreateThingAsync(string groupId, Thing body, CreateThingRequest? request = null, global::System.Threading.CancellationToken cancellationToken = default);", source);
        Assert.Contains("global::System.ArgumentNullException.ThrowIfNull(body);", source);
        Assert.Contains("Json = global::ProxyGen.Runtime.JsonBody.Create<Thing>(body, global::Acme.Proxy.Thing.WriteJson, \"application/json\"),", source);
        Assert.Contains("/// <param name=\"body\">\n    /// The thing to create.\n    /// Sent as the application/json body.\n    /// </param>", source);
        Assert.Contains("public bool? DryRun { get; set; }", source);
        Assert.DoesNotContain("Name", source);
    }

    [Fact]
    public void An_optional_body_defaults_to_null_and_is_not_sent_then()
    {
        var source = Generate("""
              /things/{Id}:
                patch:
                  operationId: UpdateThing
                  parameters: [ { name: Id, in: path, required: true, schema: { type: string } } ]
                  requestBody:
                    content: { application/merge-patch+json; charset=utf-8: { schema: { $ref: '#/components/schemas/thing' } } }
                  responses: { '204': { description: ok } }
            """).Source("ThingsClient.UpdateThing.g.cs");

        Assert.Contains("Task UpdateThingAsync(string id, Thing? body = null, global::System.Threading.CancellationToken cancellationToken = default);", source);
        Assert.Contains("Json = body is null ? null : global::ProxyGen.Runtime.JsonBody.Create<Thing>(body, global::Acme.Proxy.Thing.WriteJson, \"application/merge-patch+json\"),", source);
        Assert.Contains("new global::ProxyGen.Runtime.ApiRequest(global::System.Net.Http.HttpMethod.Patch, ", source);
    }

    [Fact]
    public void An_optional_body_before_a_required_request_is_nullable_without_a_default()
    {
        var run = Generate("""
              /things:
                put:
                  operationId: PutThing
                  parameters: [ { name: version, in: header, required: true, schema: { type: string } } ]
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/thing' } } } }
                  responses: { '204': { description: ok } }
            """);

        run.AssertNoProblems();
        Assert.Contains("Task PutThingAsync(Thing? body, PutThingRequest request, global::System.Threading.CancellationToken cancellationToken = default);", run.Source("ThingsClient.PutThing.g.cs"));
    }

    [Fact]
    public void Inline_bodies_lists_maps_and_primitives_are_typed_and_written_without_reflection()
    {
        var run = Generate("""
              /inline:
                post:
                  operationId: PostInline
                  requestBody:
                    required: true
                    content: { application/json: { schema: { type: object, properties: { label: { type: string }, at: { type: string, format: date-time } } } } }
                  responses: { '204': { description: ok } }
              /list:
                post:
                  operationId: PostList
                  requestBody:
                    required: true
                    content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/thing' } } } }
                  responses: { '204': { description: ok } }
              /map:
                post:
                  operationId: PostMap
                  requestBody:
                    required: true
                    content: { text/json: { schema: { type: object, additionalProperties: { type: integer, format: int64 } } } }
                  responses: { '204': { description: ok } }
              /count:
                post:
                  operationId: PostCount
                  requestBody: { content: { application/json: { schema: { type: integer } } } }
                  responses: { '204': { description: ok } }
              /raw:
                post:
                  operationId: PostRaw
                  requestBody: { required: true, content: { application/json: { schema: {} } } }
                  responses: { '204': { description: ok } }
            """);

        run.AssertNoProblems();
        Assert.Contains("Task PostInlineAsync(PostInlineBody body,", run.Source("ThingsClient.PostInline.g.cs"));
        Assert.Contains("public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)", run.Source("ThingsClient.Models.PostInlineBody.g.cs"));
        Assert.Contains("JsonBody.Create<global::System.Collections.Generic.IReadOnlyList<Thing>>(body, global::ProxyGen.Runtime.JsonWrite.ArrayOf<Thing>(global::Acme.Proxy.Thing.WriteJson), \"application/json\")", run.Source("ThingsClient.PostList.g.cs"));
        Assert.Contains("JsonBody.Create<global::System.Collections.Generic.IReadOnlyDictionary<string, long>>(body, global::ProxyGen.Runtime.JsonWrite.MapOf<long>(global::ProxyGen.Runtime.JsonWrite.Int64), \"text/json\")", run.Source("ThingsClient.PostMap.g.cs"));
        Assert.Contains("Json = body is null ? null : global::ProxyGen.Runtime.JsonBody.Create<int>(body.Value, global::ProxyGen.Runtime.JsonWrite.Int32, \"application/json\"),", run.Source("ThingsClient.PostCount.g.cs"));
        Assert.Contains("Task PostRawAsync(global::System.Text.Json.JsonElement body,", run.Source("ThingsClient.PostRaw.g.cs"));
    }

    [Fact]
    public void A_path_parameter_named_body_keeps_the_body_argument_its_name()
    {
        var run = Generate("""
              /bodies/{body}:
                post:
                  operationId: PostBody
                  parameters: [ { name: body, in: path, required: true, schema: { type: string } } ]
                  requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/thing' } } } }
                  responses: { '204': { description: ok } }
            """);

        run.AssertNoProblems();
        Assert.Contains("Task PostBodyAsync(string body2, Thing body,", run.Source("ThingsClient.PostBody.g.cs"));
    }

    [Theory]
    [InlineData("text/plain", "text/plain")]
    [InlineData("application/octet-stream", "application/octet-stream")]
    [InlineData("image/*", "application/octet-stream")]
    [InlineData("application/json\\r\\nX-Injected: yes", "application/octet-stream")]
    public void A_body_that_is_not_a_form_nor_JSON_is_a_stream_sent_with_its_media_type_which_never_becomes_a_header(string mediaType, string sent)
    {
        var run = Generate($$"""
              /things:
                post:
                  operationId: PostThing
                  requestBody: { content: { "{{mediaType}}": { schema: { type: string } } } }
                  responses: { '204': { description: ok } }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Source("ThingsClient.PostThing.g.cs");
        Assert.Contains("Task PostThingAsync(global::System.IO.Stream? body = null, global::System.Threading.CancellationToken cancellationToken = default);", source);
        Assert.Contains($"Binary = body is null ? null : new global::ProxyGen.Runtime.FileContent(body, contentType: \"{sent}\"),", source);
        Assert.DoesNotContain("X-Injected", source);
        run.AssertCompiles();
    }
}
