using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>No name a spec can choose collides with what the generator writes: locals, members, keywords, digits, case.</summary>
public class NameSafetyTests
{
    private const string Names = "item, form, query, request, body, apiRequest, page, items, cancellationToken, _connection, value, result, links, nextPageUrl, headers, writer, reader";

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
}
