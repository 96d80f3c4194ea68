using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// Mutates <c>specs/proxy_v1.yaml</c> with a fixed seed and runs the generator and the compiler on every mutant.
/// For each: no exception escapes into the compiler, no PXG0008, and either the output compiles (warnings as errors)
/// or a PXG error says why it does not.
/// 300 cases by default; a long run: <c>PROXYGEN_FUZZ_CASES=5000 PROXYGEN_FUZZ_SEED=7 dotnet test tests/ProxyGen.Generator.Tests --filter FuzzTests</c>.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly string TenKilobytes = new('x', 10 * 1024);

    /// <summary>What a scalar may be replaced with: other types, YAML oddities, hostile text.</summary>
    private static readonly string[] Replacements =
    [
        "[]", "{}", "null", "~", "''", "0", "-1", "1.5e308", "99999999999999999999", "true",
        TenKilobytes, "'" + TenKilobytes + "'",
        "!!binary aGVsbG8=", "!custom value", "!!map {}", "!!str 12",
        "{ $ref: '#/components/schemas/nowhere' }", "{ $ref: 'http://127.0.0.1:1/elsewhere.yaml#/x' }", "{ $ref: '#/paths' }",
        "'{'", "'/a/{}'", "'../../etc/passwd'", "\"a\\r\\nInjected: yes\"", "\"\\0\"", "'class'", "'item'", "'_connection'",
        "*undefined", "&anchor value", "'\"; System.Environment.Exit(1); //'", "'</summary><script>'",
    ];

    private enum Outcome
    {
        Compiled,
        CompiledWithWarnings,
        RefusedWithError,
        Failed,
    }

    [Fact]
    public void Mutated_Proxy_specs_never_crash_the_generator_and_never_leave_an_unexplained_compile_error()
    {
        var cases = Setting("PROXYGEN_FUZZ_CASES", 300);
        var seed = Setting("PROXYGEN_FUZZ_SEED", 20261130);
        var lines = File.ReadAllLines(RepoPaths.OwnSpec);
        var outcomes = new ConcurrentDictionary<Outcome, int>();
        var failures = new ConcurrentBag<string>();
        var slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();

        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(seed + i);
            var (mutant, mutations) = Mutate(lines, random);
            var caseClock = Stopwatch.StartNew();
            var (outcome, why) = Run(mutant);
            caseClock.Stop();
            lock (failures)
            {
                slowest = caseClock.Elapsed > slowest ? caseClock.Elapsed : slowest;
            }

            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            if (outcome == Outcome.Failed)
            {
                failures.Add($"case {i} (seed {seed + i}): {string.Join("; ", mutations)}\n  {why}");
            }
        });

        output.WriteLine($"{cases} cases in {clock.Elapsed.TotalSeconds:F1} s (slowest {slowest.TotalMilliseconds:F0} ms), seed {seed}:");
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            output.WriteLine($"  {outcome}: {outcomes.GetValueOrDefault(outcome)}");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(outcomes.GetValueOrDefault(Outcome.Compiled) + outcomes.GetValueOrDefault(Outcome.CompiledWithWarnings) > cases / 10, "almost no mutant generated code: the mutations are too blunt to test anything");
        Assert.True(outcomes.GetValueOrDefault(Outcome.RefusedWithError) > 0, "no mutant was refused: the mutations are too gentle");
    }

    private static (Outcome Outcome, string Why) Run(string yaml)
    {
        GeneratorHarness.Run run;
        try
        {
            var task = Task.Run(() => new GeneratorHarness().AddSpec("/specs/proxy_v1.yaml", yaml).Execute());
            if (!task.Wait(TimeSpan.FromMinutes(2)))
            {
                return (Outcome.Failed, "did not finish within two minutes");
            }

            run = task.Result;
        }
        catch (Exception exception)
        {
            return (Outcome.Failed, "threw " + exception);
        }

        var escaped = run.GeneratorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785" or "PXG0008").ToList();
        if (escaped.Count > 0)
        {
            return (Outcome.Failed, string.Join("\n  ", escaped));
        }

        var pxgErrors = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("PXG", StringComparison.Ordinal) && d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        var compileErrors = run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (compileErrors.Count > 0 && pxgErrors.Count == 0)
        {
            return (Outcome.Failed, "compile errors without a PXG error: " + string.Join("\n  ", compileErrors.Take(5)));
        }

        if (pxgErrors.Count > 0)
        {
            return (Outcome.RefusedWithError, string.Empty);
        }

        return run.GeneratorDiagnostics.Any(d => d.DefaultSeverity == DiagnosticSeverity.Warning)
            ? (Outcome.CompiledWithWarnings, string.Empty)
            : (Outcome.Compiled, string.Empty);
    }

    /// <summary>One to three mutations, each described so a failing case can be reproduced by hand.</summary>
    private static (string Yaml, List<string> Mutations) Mutate(string[] original, Random random)
    {
        var lines = original.ToList();
        var mutations = new List<string>();
        var count = random.Next(1, 3);
        for (var m = 0; m < count && lines.Count > 2; m++)
        {
            var at = random.Next(1, lines.Count);
            // Most mutations keep the YAML well-formed, so the generator's own rules (not only the YAML reader) are attacked.
            switch (random.Next(16))
            {
                case 0:
                    mutations.Add($"delete line {at}");
                    lines.RemoveAt(at);
                    break;
                case 1:
                    mutations.Add($"duplicate line {at}");
                    lines.Insert(at, lines[at]);
                    break;
                case 2:
                    var other = random.Next(1, lines.Count);
                    mutations.Add($"swap lines {at} and {other}");
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3:
                    var indent = random.Next(2) == 0 ? "  " : string.Empty;
                    mutations.Add($"re-indent line {at} ({(indent.Length > 0 ? "+2" : "-2")})");
                    lines[at] = indent.Length > 0 ? indent + lines[at] : (lines[at].StartsWith("  ", StringComparison.Ordinal) ? lines[at][2..] : lines[at]);
                    break;
                case >= 4 and <= 14:
                    var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                    var value = Replacements[random.Next(Replacements.Length)];
                    if (colon < 0)
                    {
                        mutations.Add($"append to line {at}: {Show(value)}");
                        lines[at] += " " + value;
                    }
                    else
                    {
                        mutations.Add($"set the value on line {at} to {Show(value)}");
                        lines[at] = lines[at][..(colon + 2)] + value;
                    }

                    break;
                default:
                    var text = string.Join("\n", lines);
                    var cut = random.Next(text.Length / 4, text.Length);
                    mutations.Add($"truncate at character {cut}");
                    lines = text[..cut].Split('\n').ToList();
                    break;
            }
        }

        return (string.Join("\n", lines), mutations);
    }

    private static string Show(string value) => value.Length > 40 ? value[..20] + $"…({value.Length} chars)" : value;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
