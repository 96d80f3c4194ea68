using BenchmarkDotNet.Running;
using ProxyGen.Benchmarks.Generator;
using ProxyGen.Benchmarks.Runtime;

// `dotnet run -c Release --project bench/ProxyGen.Benchmarks -- --filter '*'` runs every group; see docs/performance.md.
// `-- --profile <document> [runs] [FirstRun|RerunAfterUnrelatedEdit|RerunAfterOneOperationEdit|ParseWithReaders1_6_31]` runs one generator
// benchmark in a loop and nothing else, for a profiler to attach to (dotnet-trace; see docs/performance.md).
if (args is ["--profile", var document, ..])
{
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50;
    var benchmarks = new GeneratorBenchmarks { Document = document };
    benchmarks.Setup();
    Action run = (args.Length > 3 ? args[3] : nameof(GeneratorBenchmarks.FirstRun)) switch
    {
        nameof(GeneratorBenchmarks.FirstRun) => () => benchmarks.FirstRun(),
        nameof(GeneratorBenchmarks.RerunAfterUnrelatedEdit) => () => benchmarks.RerunAfterUnrelatedEdit(),
        nameof(GeneratorBenchmarks.RerunAfterOneOperationEdit) => () => benchmarks.RerunAfterOneOperationEdit(),
        nameof(GeneratorBenchmarks.ParseWithReaders1_6_31) => () => benchmarks.ParseWithReaders1_6_31(),
        var other => throw new ArgumentException($"No generator benchmark is called {other}."),
    };

    foreach (var (name, measured) in new[] { (args.Length > 3 ? args[3] : nameof(GeneratorBenchmarks.FirstRun), run), ("the bare parse", () => benchmarks.Parse()) })
    {
        // Warm up as many times as measured, then time and weigh: a rough figure for a profile, not a benchmark.
        for (var i = 0; i < runs; i++)
        {
            measured();
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            measured();
        }

        Console.WriteLine($"{document}, {name}: {clock.Elapsed.TotalMilliseconds / runs:F3} ms, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs / 1024.0:F1} KB per run ({runs} runs after {runs} warm-up runs)");
    }

    return;
}

// The HTTP server the runtime group calls runs here, in the host process: BenchmarkDotNet measures each benchmark in a
// child process, which finds the server through an environment variable, so the server's allocations are not counted
// as the client's.
await using var server = await CannedServer.StartAsync();
Environment.SetEnvironmentVariable(CannedServer.AddressVariable, server.BaseAddress.ToString());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
