using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// What an API sends the user: OpenAPI 3.1 <c>webhooks</c> and operation <c>callbacks</c> become payload types and one
/// generated handler per document, on real documents (Adyen's, webhooks only) and on hostile ones of our own.
/// </summary>
public class WebhookGenerationTests
{
    private static string Adyen(string file)
    {
        var path = RepoPaths.Shared("public/" + file);
        Skip.If(path is null, $"../shared/specs/public/{file} is not beside the repository (CI requires it).");
        return path!;
    }

    [SkippableFact]
    public void Adyen_management_webhooks_generate_a_handler_and_their_models_and_no_client_class()
    {
        var run = new GeneratorHarness().AddSpec(Adyen("adyen_managementnotificationservice_v3.yaml"), clientName: "AdyenManagementClient").Execute();

        run.AssertNoProblems();
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith("AdyenManagementClient.g.cs", StringComparison.Ordinal));
        var handler = run.Source("AdyenManagementClient.AdyenManagementWebhookHandler.g.cs");
        foreach (var method in new[] { "OnMerchantCreatedAsync", "OnMerchantUpdatedAsync", "OnPaymentMethodCreatedAsync", "OnPaymentMethodRequestRemovedAsync", "OnPaymentMethodRequestScheduledForRemovalAsync", "OnTerminalAssignmentCompletedAsync", "OnTerminalBoardingTriggeredAsync", "OnTerminalSettingsModifiedAsync" })
        {
            Assert.Contains($" {method}(", handler);
        }

        Assert.Contains("var eventType = global::ProxyGen.Runtime.Webhooks.WebhookJson.EventType(request, \"type\");", handler);
        Assert.Contains("\"merchant.created\" => OnMerchantCreatedAsync(", handler);
        // terminalAssignment.completed has no type member: a payload without one is that event, the only one without.
        Assert.Contains("null => OnTerminalAssignmentCompletedAsync(", handler);
        Assert.Contains("the document says deliveries authenticate with BasicAuth (HTTP Basic).", handler);
        Assert.Contains(": global::ProxyGen.Runtime.Webhooks.INamedWebhookHandler, global::ProxyGen.Runtime.Webhooks.IDeclaresBasicAuthentication", handler);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".Models.MerchantCreatedNotificationRequest.g.cs", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Adyen_configuration_webhooks_that_share_a_payload_are_told_apart_by_their_own_name_in_its_type_member()
    {
        var run = new GeneratorHarness().AddSpec(Adyen("adyen_balanceplatformconfigurationnotification_v2.yaml"), clientName: "AdyenConfigurationClient").Execute();

        run.AssertNoProblems();
        var handler = run.Source("AdyenConfigurationClient.AdyenConfigurationWebhookHandler.g.cs");
        Assert.Contains("\"balancePlatform.accountHolder.created\" => OnBalancePlatformAccountHolderCreatedAsync(global::ProxyGen.Runtime.Webhooks.WebhookJson.Read(request.Body, global::Acme.Proxy.AccountHolderNotificationRequest.ReadJson)", handler);
        Assert.Contains("\"balancePlatform.accountHolder.updated\" => OnBalancePlatformAccountHolderUpdatedAsync(global::ProxyGen.Runtime.Webhooks.WebhookJson.Read(request.Body, global::Acme.Proxy.AccountHolderNotificationRequest.ReadJson)", handler);
        Assert.Equal(26, handler.Split("protected virtual").Length - 1 - 2);
    }

    private const string Callbacks = """
        openapi: 3.0.3
        info: { title: Hooks, version: '1' }
        paths:
          /subscriptions:
            post:
              operationId: Subscribe
              requestBody:
                content:
                  application/json:
                    schema: { type: object, properties: { url: { type: string } } }
              callbacks:
                Delivered:
                  '{$request.body#/url}':
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                kind: { type: string, enum: [delivered] }
                                at: { type: string, format: date-time }
                      responses: { '200': { description: ok } }
                Status:
                  '{$request.body#/url}':
                    post:
                      requestBody:
                        content:
                          application/x-www-form-urlencoded:
                            schema:
                              type: object
                              properties:
                                MessageStatus: { type: string }
                                Retried: { type: boolean }
                      responses: { '200': { description: ok } }
                Report:
                  '{$request.body#/url}':
                    post:
                      requestBody:
                        content:
                          application/xml:
                            schema: { type: object }
                      responses: { '200': { description: ok } }
                Unknown:
                  '{$request.body#/url}':
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: { type: object, properties: { kind: { type: string, enum: ['x" + y'] } } }
                      responses: { '200': { description: ok } }
              responses: { '201': { description: created } }
          /subscriptions/{id}:
            post:
              operationId: UpdateSubscription
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              callbacks:
                Delivered:
                  '{$request.body#/url}':
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: { type: object, properties: { kind: { type: string, enum: [delivered] } } }
                      responses: { '200': { description: ok } }
              responses: { '200': { description: ok } }
        """;

    [Fact]
    public void Operation_callbacks_become_handler_methods_a_form_is_read_as_one_an_xml_one_is_PXG0016_at_its_line()
    {
        var run = new GeneratorHarness().AddSpec("/specs/hooks.yaml", Callbacks).Execute();

        var skipped = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0016");
        Assert.Equal(DiagnosticSeverity.Warning, skipped.DefaultSeverity);
        Assert.Contains("'Report'", skipped.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("application/xml", skipped.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Array.FindIndex(Callbacks.Split('\n'), l => l.Contains("Report:", StringComparison.Ordinal)) + 3, skipped.Location.GetLineSpan().StartLinePosition.Line);
        run.AssertCompiles();

        var handler = run.Source("HooksClient.HooksWebhookHandler.g.cs");
        Assert.Contains("OnDeliveredAsync(", handler);
        Assert.Contains("\"Status\" => OnStatusAsync(global::ProxyGen.Runtime.Webhooks.WebhookJson.ReadForm(request,", handler);
        // A callback named like a handler method of its own moves aside; its odd enum value is a string literal, escaped.
        Assert.Contains("OnUnknown2Async(", handler);
        Assert.Contains("\"x\\\" + y\" => OnUnknown2Async(", handler);
        // The same callback under two operations (set on create, changed on update) is one event.
        Assert.Equal(1, handler.Split("protected virtual global::System.Threading.Tasks.ValueTask<global::ProxyGen.Runtime.Webhooks.WebhookReply> OnDeliveredAsync(").Length - 1);
        // The client is still generated: the document has operations.
        Assert.Contains(run.Sources, s => s.HintName.EndsWith("HooksClient.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_without_webhooks_has_no_handler()
    {
        var run = new GeneratorHarness().AddSpec("/specs/plain.yaml", """
            openapi: 3.0.3
            info: { title: Plain, version: '1' }
            paths:
              /ping:
                get:
                  operationId: Ping
                  responses: { '204': { description: ok } }
            """).Execute();

        run.AssertNoProblems();
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("WebhookHandler", StringComparison.Ordinal));
    }
}
