using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// <c>components.securitySchemes</c> and <c>security</c> read into a typed credentials class and per-operation
/// requirements: on real documents (Box, Spotify, Twilio IAM), and PXG0030 at the line of a scheme ProxyGen cannot apply.
/// </summary>
public class SecuritySchemeTests
{
    private static string Spec(string schemes, string security = "") => $$"""
        openapi: 3.0.3
        info: { title: Locks, version: '1' }
        servers: [ { url: 'https://locks.example.com' } ]
        {{security}}
        paths:
          /locks:
            get:
              operationId: ListLocks
              responses: { '200': { description: OK } }
        components:
          securitySchemes:
        {{schemes}}
        """;

    [Fact]
    public void A_scheme_ProxyGen_cannot_apply_is_PXG0030_at_its_line_and_the_others_still_generate()
    {
        var text = Spec("""
                digest: { type: http, scheme: digest }
                mtls: { type: mutualTLS }
                key: { type: apiKey, in: header, name: X-Key }
            """, "security: [ { digest: [] }, { key: [] } ]");
        var run = new GeneratorHarness().AddSpec("/specs/locks.yaml", text, clientName: "LocksClient").Execute();

        run.AssertCompiles();
        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "PXG0030").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Descriptor.DefaultSeverity));
        var lines = text.Split('\n');
        Assert.Contains(warnings, w => w.GetMessage().Contains("'digest' (http digest)") && lines[w.Location.GetLineSpan().StartLinePosition.Line].Contains("digest:"));
        Assert.Contains(warnings, w => w.GetMessage().Contains("HttpClientHandler") && lines[w.Location.GetLineSpan().StartLinePosition.Line].Contains("mtls:"));
        var client = run.Source("LocksClient.g.cs");
        Assert.Contains("public global::ProxyGen.Runtime.ApiKey? Key { get; init; }", client);
        Assert.DoesNotContain("Digest", client);
        Assert.Contains("new global::ProxyGen.Runtime.OperationSecurity(new string[] { \"digest\" }, new string[] { \"key\" })", run.Source("LocksClient.ListLocks.g.cs") + run.Source("LocksClient.g.cs"));
    }

    [Fact]
    public void Scheme_names_that_collide_with_what_the_class_declares_move_aside()
    {
        var text = Spec("""
                For: { type: apiKey, in: query, name: for }
                LocksClientCredentials: { type: http, scheme: bearer }
                for: { type: http, scheme: basic }
            """);
        var run = new GeneratorHarness().AddSpec("/specs/locks.yaml", text, clientName: "LocksClient").Execute();

        run.AssertNoProblems();
        var client = run.Source("LocksClient.g.cs");
        Assert.Contains("\"For\" => For2,", client);
        Assert.Contains("\"for\" => For3,", client);
        Assert.Contains("\"LocksClientCredentials\" => LocksClientCredentials2,", client);
    }

    [Fact]
    public void A_spec_without_schemes_has_no_credentials_class_and_its_requests_no_requirements()
    {
        var run = new GeneratorHarness().AddSpec("/specs/locks.yaml", Spec("    {}").Replace("components:\n  securitySchemes:\n    {}", string.Empty), clientName: "LocksClient").Execute();

        run.AssertNoProblems();
        Assert.DoesNotContain("Credentials", run.Source("LocksClient.g.cs"));
        Assert.DoesNotContain("Security", run.Source("LocksClient.ListLocks.g.cs"));
    }

    [SkippableTheory]
    [InlineData("public/box_platform.2026-06-29.json", "BoxClient", "public global::ProxyGen.Runtime.BearerToken? OAuth2Security { get; init; }", "SecurityScheme.Bearer(\"OAuth2Security\", \"https://api.box.com/oauth2/token\", null)")]
    [InlineData("public/spotify_web_api.2026-08-21.yaml", "SpotifyClient", "public global::ProxyGen.Runtime.BearerToken? Oauth20 { get; init; }", "SecurityScheme.Bearer(\"oauth_2_0\", \"https://accounts.spotify.com/api/token\", null)")]
    [InlineData("twilio/twilio_iam_v1.yaml", "IamClient", "public global::ProxyGen.Runtime.BasicCredential? AccountSidAuthToken { get; init; }", "SecurityScheme.Bearer(\"access_token_bearer\")")]
    [InlineData("twilio/twilio_iam_organizations.yaml", "OrganizationsClient", "public global::ProxyGen.Runtime.BearerToken? OAuth2ClientCredentials { get; init; }", "SecurityScheme.Bearer(\"oAuth2ClientCredentials\", \"https://preview-iam.twilio.com/v1/token\", null)")]
    public void Real_documents_get_a_credentials_property_per_scheme_and_compile_warning_free(string document, string clientName, string property, string scheme)
    {
        var path = RepoPaths.Shared(document);
        Skip.If(path is null, $"../shared/specs/{document} is not beside the repository (CI requires it).");

        var run = new GeneratorHarness().AddSpec(path!, @namespace: "Acme.Real", clientName: clientName).Execute();

        run.AssertCompiles();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0030");
        var client = run.Source(clientName + ".g.cs");
        Assert.Contains($"public sealed partial class {clientName}Credentials : global::ProxyGen.Runtime.ApiCredentials", client);
        Assert.Contains(property, client);
        Assert.Contains(scheme, client);
    }

    [Fact]
    public void The_Proxy_spec_keeps_basic_auth_for_every_operation()
    {
        var run = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).Execute();

        run.AssertNoProblems();
        Assert.Contains("public global::ProxyGen.Runtime.BasicCredential? BasicAuth { get; init; }", run.Source("ProxyV1Client.g.cs"));
        // The document's requirement, declared once by the client, and named by every operation.
        Assert.Contains("DocumentSecurity = new global::ProxyGen.Runtime.OperationSecurity(new string[] { \"basicAuth\" });", run.Source("ProxyV1Client.g.cs"));
        Assert.All(run.Sources.Where(s => s.HintName.Contains("ProxyV1Client.") && !s.HintName.Contains(".Models.") && !s.HintName.Contains("WebhookHandler") && s.HintName.Count(c => c == '.') == 5),
            s => Assert.Contains("Security = DocumentSecurity,", s.SourceText.ToString()));
    }
}
