using System.Text;

namespace ProxyGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot files in Verify's layout: <c>Snapshots/&lt;Test&gt;/&lt;hintName&gt;.verified.cs</c>. A mismatch writes
/// <c>*.received.cs</c> beside it and fails with a unified diff. Set PROXYGEN_ACCEPT_SNAPSHOTS=1 to accept.
/// </summary>
internal static class Snapshot
{
    private static bool Accepting => Environment.GetEnvironmentVariable("PROXYGEN_ACCEPT_SNAPSHOTS") == "1";

    /// <summary>Compares every generated file with its snapshot, and fails on snapshots nothing generates any more.</summary>
    public static void Verify(string testName, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(RepoPaths.SnapshotRoot, testName);
        Directory.CreateDirectory(folder);
        var failures = new StringBuilder();
        foreach (var (hintName, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(hintName);
            var verified = Path.Combine(folder, stem + ".verified.cs");
            var received = Path.Combine(folder, stem + ".received.cs");
            var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
            if (expected == text)
            {
                File.Delete(received);
                continue;
            }

            if (Accepting)
            {
                File.WriteAllText(verified, text);
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, text);
            failures.AppendLine(expected is null
                ? $"New file {hintName}: review {received}"
                : UnifiedDiff.Create(verified, received, expected, text));
        }

        var generated = files.Keys.Select(h => Path.GetFileNameWithoutExtension(h) + ".verified.cs").ToHashSet();
        foreach (var stale in Directory.GetFiles(folder, "*.verified.cs").Where(f => !generated.Contains(Path.GetFileName(f))))
        {
            if (Accepting)
            {
                File.Delete(stale);
            }
            else
            {
                failures.AppendLine($"{stale} is no longer generated; delete it (or accept with PROXYGEN_ACCEPT_SNAPSHOTS=1).");
            }
        }

        if (failures.Length > 0)
        {
            throw new Xunit.Sdk.XunitException(
                "Generated code differs from the snapshots. Review the diff; if the change is intended, run\n" +
                "  PROXYGEN_ACCEPT_SNAPSHOTS=1 dotnet test ProxyGen.sln\n" +
                "and commit the updated .verified.cs files.\n\n" + failures);
        }
    }
}

/// <summary>A small line-based unified diff (LCS), enough for generated files of a few hundred lines.</summary>
internal static class UnifiedDiff
{
    public static string Create(string oldName, string newName, string oldText, string newText, int context = 3)
    {
        var a = oldText.Split('\n');
        var b = newText.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char Kind, string Line, int OldLine, int NewLine)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { edits.Add((' ', a[x], x, y)); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { edits.Add(('+', b[y], x, y)); y++; }
            else { edits.Add(('-', a[x], x, y)); x++; }
        }

        var output = new StringBuilder().Append("--- ").AppendLine(oldName).Append("+++ ").AppendLine(newName);
        for (var k = 0; k < edits.Count; k++)
        {
            if (edits[k].Kind == ' ')
            {
                continue;
            }

            var start = Math.Max(0, k - context);
            var end = k;
            while (end < edits.Count && (edits[end].Kind != ' ' || edits.Skip(end).Take(context * 2).Any(e => e.Kind != ' ')))
            {
                end++;
            }

            end = Math.Min(edits.Count, end + context);
            output.AppendLine($"@@ -{edits[start].OldLine + 1} +{edits[start].NewLine + 1} @@");
            for (var m = start; m < end; m++)
            {
                output.Append(edits[m].Kind).AppendLine(edits[m].Line);
            }

            k = end;
        }

        return output.ToString();
    }
}
