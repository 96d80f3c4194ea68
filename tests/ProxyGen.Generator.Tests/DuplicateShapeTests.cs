using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>Inline objects of one shape become one type with a name that does not move; components never merge.</summary>
public class DuplicateShapeTests
{
    [SkippableFact]
    public void The_seven_inline_meta_objects_of_the_real_Proxy_spec_are_one_ListResponseMeta_and_paging_still_works()
    {
        var path = RepoPaths.Shared("proxy_v1-history/twilio_proxy_v1.2025-06-12.yaml");
        Skip.If(path is null, "../shared/specs/proxy_v1-history is not beside the repository (CI requires it).");

        var run = new GeneratorHarness().AddSpec(path!, clientName: "ProxyV1Client").Execute();

        run.AssertNoProblems();
        var metas = run.Sources.Select(s => s.HintName).Where(h => h.EndsWith("Meta.g.cs", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Acme.Proxy.ProxyV1Client.Models.ListResponseMeta.g.cs"], metas);
        Assert.Contains("public ListResponseMeta? Meta { get => ", run.Source("ProxyV1Client.Models.ListShortCodeResponse.g.cs"));
        Assert.Contains("ListShortCodeAllAsync", run.Source("ProxyV1Client.ListShortCode.g.cs"));
    }

    [Fact]
    public void Same_shaped_inline_objects_merge_nested_ones_first_while_components_and_different_shapes_stay_apart()
    {
        var run = new GeneratorHarness().AddSpec("/specs/dups.yaml", """
            openapi: 3.0.3
            info: { title: Dups, version: '1' }
            paths:
              /a:
                get:
                  operationId: GetA
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/a' } } } } }
            components:
              schemas:
                a:
                  type: object
                  properties:
                    home_address: { type: object, properties: { city: { type: string }, geo: { type: object, properties: { lat: { type: number } } } } }
                    work_address: { type: object, properties: { city: { type: string }, geo: { type: object, properties: { lat: { type: number } } } } }
                    other: { type: object, properties: { city: { type: integer } } }
                    named: { $ref: '#/components/schemas/point' }
                    also_named: { $ref: '#/components/schemas/place' }
                point: { type: object, properties: { lat: { type: number } } }
                place: { type: object, properties: { lat: { type: number } } }
            """, clientName: "DupsClient").Execute();

        run.AssertNoProblems();
        var a = run.Source("DupsClient.Models.A.g.cs");
        Assert.Contains("public Address? HomeAddress { get => ", a);
        Assert.Contains("public Address? WorkAddress { get => ", a);
        Assert.Contains("public AOther? Other { get => ", a);
        Assert.Contains("public Point? Named { get => ", a);
        Assert.Contains("public Place? AlsoNamed { get => ", a);
        Assert.Contains("public AddressGeo? Geo { get => ", run.Source("DupsClient.Models.Address.g.cs"));
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("HomeAddress", StringComparison.Ordinal));
    }
}
