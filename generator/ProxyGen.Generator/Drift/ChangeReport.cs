using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProxyGen.Generator.Drift;

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
        var builder = new StringBuilder();
        builder.Append("{\n  \"old\": ").Append(Quote(oldName)).Append(",\n  \"new\": ").Append(Quote(newName));
        builder.Append(",\n  \"breaking\": ").Append(changes.Count(c => c.IsBreaking).ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.Append(",\n  \"changes\": [");
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            builder.Append(i == 0 ? "\n" : ",\n");
            builder.Append("    { \"id\": ").Append(Quote(change.DiagnosticId))
                .Append(", \"kind\": ").Append(Quote(change.Kind.ToString()))
                .Append(", \"breaking\": ").Append(change.IsBreaking ? "true" : "false")
                .Append(", \"member\": ").Append(Quote(change.Subject))
                .Append(", \"detail\": ").Append(Quote(change.Detail)).Append(" }");
        }

        builder.Append(changes.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return builder.ToString();
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

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
