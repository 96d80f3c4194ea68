using System.Text;

namespace ProxyGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot files in Verify's layout: <c>Snapshots/&lt;Test&gt;/&lt;hintName&gt;.verified.cs</c>. A mismatch writes
/// <c>*.received.cs</c> beside it and fails with a unified diff. Set PROXYGEN_ACCEPT_SNAPSHOTS=1 to accept.
/// </summary>
internal static class Snapshot
{
    private static bool Accepting => Environment.GetEnvironmentVariable("PROXYGEN_ACCEPT_SNAPSHOTS") == "1";

    /// <summary><c>X.g.cs</c> → <c>X.g.verified.cs</c>; <c>report.txt</c> → <c>report.verified.txt</c>.</summary>
    private static string SnapshotName(string name, string state) =>
        Path.GetFileNameWithoutExtension(name) + "." + state + Path.GetExtension(name);

    /// <summary>Compares every generated file with its snapshot, and fails on snapshots nothing generates any more.</summary>
    public static void Verify(string testName, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(RepoPaths.SnapshotRoot, testName);
        Directory.CreateDirectory(folder);
        var failures = new StringBuilder();
        foreach (var (hintName, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var verified = Path.Combine(folder, SnapshotName(hintName, "verified"));
            var received = Path.Combine(folder, SnapshotName(hintName, "received"));
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

        var generated = files.Keys.Select(h => SnapshotName(h, "verified")).ToHashSet();
        foreach (var stale in Directory.GetFiles(folder, "*.verified.*").Where(f => !generated.Contains(Path.GetFileName(f))))
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

/// <summary>A unified diff (<c>diff -u</c>'s layout, with <c>@@ -l,n +l,n @@</c> hunk headers) computed by DiffPlex.</summary>
internal static class UnifiedDiff
{
    public static string Create(string oldName, string newName, string oldText, string newText, int context = 3)
    {
        var diff = DiffPlex.Differ.Instance.CreateLineDiffs(oldText, newText, ignoreWhitespace: false);
        var a = diff.PiecesOld;
        var b = diff.PiecesNew;
        var output = new StringBuilder().Append("--- ").AppendLine(oldName).Append("+++ ").AppendLine(newName);
        var blocks = diff.DiffBlocks;
        for (var first = 0; first < blocks.Count;)
        {
            // A hunk takes every following block whose unchanged gap is short enough to show as context.
            var last = first;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * context)
            {
                last++;
            }

            var startA = Math.Max(0, blocks[first].DeleteStartA - context);
            var startB = blocks[first].InsertStartB - (blocks[first].DeleteStartA - startA);
            var endOfLast = blocks[last].DeleteStartA + blocks[last].DeleteCountA;
            var endA = Math.Min(a.Count, endOfLast + context);
            var endB = blocks[last].InsertStartB + blocks[last].InsertCountB + (endA - endOfLast);
            output.AppendLine($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@");
            var position = startA;
            for (var k = first; k <= last; k++)
            {
                var block = blocks[k];
                for (; position < block.DeleteStartA; position++)
                {
                    output.Append(' ').AppendLine(a[position]);
                }

                for (var d = 0; d < block.DeleteCountA; d++)
                {
                    output.Append('-').AppendLine(a[block.DeleteStartA + d]);
                }

                for (var n = 0; n < block.InsertCountB; n++)
                {
                    output.Append('+').AppendLine(b[block.InsertStartB + n]);
                }

                position = block.DeleteStartA + block.DeleteCountA;
            }

            for (; position < endA; position++)
            {
                output.Append(' ').AppendLine(a[position]);
            }

            first = last + 1;
        }

        return output.ToString();
    }
}
