using System.Text;
using ProxyGen.Generator.Model;
using ProxyGen.Generator.Tests.Infrastructure;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// <c>ProxyGenRequiredMembers="Strict"</c>: required members are typed as the schema says (not made nullable) and a
/// response that leaves one out is an <see cref="ApiException"/> naming the member and its JSON path. Tolerant, the
/// default, is covered by the client tests (NullAndAbsentTests) on the same document.
/// </summary>
public class StrictRequiredMembersTests
{
    private const string Namespace = "Acme.Strict";

    private static readonly TypeRef Records = new(TypeKind.Array, Nullable: false, Element: new TypeRef(TypeKind.Model, Nullable: false, Name: "Record"));

    private const string Complete = """{"id":"6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b","name":"Ada","note":null,"tags":[],"labels":{}}""";

    private static GeneratorHarness.Run Generate(string? requiredMembers) =>
        new GeneratorHarness().AddSpec(RepoPaths.FormatsSpec, @namespace: Namespace, clientName: "RecordsClient", requiredMembers: requiredMembers).Execute();

    [Fact]
    public void Strict_required_members_are_typed_as_the_schema_says_and_compile_warning_free()
    {
        var run = Generate("Strict");

        run.AssertNoProblems();
        var record = run.Source("RecordsClient.Models.Record.g.cs");
        Assert.Contains("public required global::System.Guid Id { get => ", record);
        Assert.Contains("public required string Name { get => ", record);
        // The schema allows null for note: required, present, and possibly null.
        Assert.Contains("public required string? Note { get => ", record);
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyList<string> Tags { get => ", record);
        Assert.Contains("public string? Nickname { get => ", record);
    }

    [Fact]
    public void Tolerant_is_the_default_and_makes_required_scalars_nullable_and_says_why()
    {
        var run = Generate(requiredMembers: null);

        run.AssertNoProblems();
        var record = run.Source("RecordsClient.Models.Record.g.cs");
        Assert.Contains("public required global::System.Guid? Id { get => ", record);
        Assert.Contains("public required string? Name { get => ", record);
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyList<string> Tags { get => ", record);
        Assert.Contains("it is null when the server left it out", record);
        Assert.Equal(run.Sources.Select(s => s.SourceText.ToString()), Generate("Tolerant").Sources.Select(s => s.SourceText.ToString()));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("id")]
    [InlineData("tags")]
    [InlineData("note")]
    public async Task A_response_that_leaves_out_a_required_member_is_an_InvalidBody_ApiException_naming_the_member_and_its_path(string member)
    {
        using var client = LoadedClient.Load(Generate("Strict"), Namespace);
        var incomplete = System.Text.Json.Nodes.JsonNode.Parse(Complete)!.AsObject();
        incomplete.Remove(member);
        var body = "[" + Complete + "," + incomplete.ToJsonString() + "]";

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ReadResponseAsync(Records, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(ApiErrorKind.InvalidBody, error.Kind);
        Assert.Contains("could not be read as IReadOnlyList<Record>: ", error.Message);
        Assert.EndsWith("(at $[1]." + member + ")", error.Message);
        var missing = Assert.IsType<MissingRequiredMemberException>(error.InnerException?.InnerException ?? error.InnerException);
        Assert.Equal(member, missing.MemberName);
        Assert.Equal("Record", missing.TypeName);
    }

    [Fact]
    public async Task Strict_reads_a_complete_response_and_an_explicit_null_where_the_schema_allows_it()
    {
        using var client = LoadedClient.Load(Generate("Strict"), Namespace);

        var records = (System.Collections.IList)(await client.ReadResponseAsync(Records, Encoding.UTF8.GetBytes("[" + Complete + "]")))!;

        Assert.Equal(Complete, Encoding.UTF8.GetString(client.Write(Records.Element!, records[0])));
    }

    [Fact]
    public void An_unknown_ProxyGenRequiredMembers_is_PXG0009_and_tolerant_is_used()
    {
        var run = Generate("Sometimes");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0009");
        Assert.Contains("Sometimes", diagnostic.GetMessage());
        Assert.Contains("Tolerant, Strict", diagnostic.GetMessage());
        Assert.Contains("public required string? Name { get => ", run.Source("RecordsClient.Models.Record.g.cs"));
    }
}
