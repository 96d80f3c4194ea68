using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using ProxyGen.Generator.Drift;

namespace ProxyGen.Cli;

/// <summary>
/// A list of <see cref="ApiChange"/>s as people and machines read it: plain text (a terminal, a CI log), Markdown
/// (a pull request comment) or JSON (a script). Breaking changes come first, then additions and deprecations.
/// </summary>
internal static class ChangeReport
{
    public static string Format(IReadOnlyList<ApiChange> changes, string oldName, string newName, string format) => format switch
    {
        "markdown" => Markdown(changes, oldName, newName),
        "json" => Json(changes, oldName, newName),
        _ => Text(changes, oldName, newName),
    };

    private static string Text(IReadOnlyList<ApiChange> changes, string oldName, string newName)
    {
        var builder = new StringBuilder();
        var breaking = changes.Count(c => c.IsBreaking);
        builder.Append($"{oldName} -> {newName}: {breaking} breaking, {changes.Count - breaking} other\n");
        foreach (var change in changes)
        {
            builder.Append(change.IsBreaking ? "BREAKING " : "         ").Append(change.DiagnosticId).Append(' ').Append(Sentence(change)).Append('\n');
        }

        return builder.ToString();
    }

    private static string Markdown(IReadOnlyList<ApiChange> changes, string oldName, string newName)
    {
        var builder = new StringBuilder();
        builder.Append($"## API changes: `{oldName}` → `{newName}`\n\n");
        foreach (var (title, group) in new[] { ("Breaking", changes.Where(c => c.IsBreaking).ToList()), ("Other", changes.Where(c => !c.IsBreaking).ToList()) })
        {
            builder.Append($"### {title} ({group.Count})\n\n");
            if (group.Count == 0)
            {
                builder.Append("None.\n\n");
                continue;
            }

            builder.Append("| Id | Member | Change |\n|---|---|---|\n");
            foreach (var change in group)
            {
                builder.Append($"| {change.DiagnosticId} | `{change.Subject}` | {Cell(change.Detail)} |\n");
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string Json(IReadOnlyList<ApiChange> changes, string oldName, string newName)
    {
        var report = new JsonObject
        {
            ["old"] = oldName,
            ["new"] = newName,
            ["breaking"] = changes.Count(c => c.IsBreaking),
            ["changes"] = new JsonArray(changes.Select(change => (JsonNode)new JsonObject
            {
                ["id"] = change.DiagnosticId,
                ["kind"] = change.Kind.ToString(),
                ["breaking"] = change.IsBreaking,
                ["member"] = change.Subject,
                ["detail"] = change.Detail,
            }).ToArray()),
        };
        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>One change as a sentence, the way the build's diagnostic says it.</summary>
    public static string Sentence(ApiChange change) => change.Kind switch
    {
        ChangeKind.OperationRemoved => $"{change.Subject} was removed ({change.Detail})",
        ChangeKind.ModelRemoved => $"{change.Subject} was removed (a {change.Detail})",
        ChangeKind.EnumValueRemoved => $"{change.Subject}: the value {change.Detail} was removed",
        ChangeKind.Added => $"{change.Subject} was added ({change.Detail})",
        ChangeKind.OperationChanged => $"{change.Subject} changed: {change.Detail}",
        ChangeKind.Deprecated => $"{change.Subject} {change.Detail}",
        _ => $"{change.Subject}: {change.Detail}",
    };

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\n", " ");
}
