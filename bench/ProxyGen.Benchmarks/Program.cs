using BenchmarkDotNet.Running;
using ProxyGen.Benchmarks.Generator;
using ProxyGen.Benchmarks.Runtime;

// `dotnet run -c Release --project bench/ProxyGen.Benchmarks -- --filter '*'` runs every group; see docs/performance.md.
// `-- --profile <document> [runs]` runs the generator's first run in a loop, nothing else, for a profiler to attach to
// (dotnet-trace; see docs/performance.md).
if (args is ["--profile", var document, ..])
{
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50;
    var benchmarks = new GeneratorBenchmarks { Document = document };
    benchmarks.Setup();
    for (var run = 0; run < runs; run++)
    {
        benchmarks.FirstRun();
    }

    // The same number again, timed and weighed once the JIT has settled: a rough figure, not a benchmark.
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    for (var run = 0; run < runs; run++)
    {
        benchmarks.FirstRun();
    }

    Console.WriteLine($"{document}: {clock.Elapsed.TotalMilliseconds / runs:F2} ms, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs / 1048576.0:F2} MB per first run ({runs} runs after {runs} warm-up runs)");
    for (var run = 0; run < runs; run++)
    {
        benchmarks.Parse();
    }

    allocated = GC.GetTotalAllocatedBytes(precise: true);
    clock.Restart();
    for (var run = 0; run < runs; run++)
    {
        benchmarks.Parse();
    }

    Console.WriteLine($"{document}: {clock.Elapsed.TotalMilliseconds / runs:F2} ms, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs / 1048576.0:F2} MB per bare parse, the baseline");
    return;
}

// The HTTP server the runtime group calls runs here, in the host process: BenchmarkDotNet measures each benchmark in a
// child process, which finds the server through an environment variable, so the server's allocations are not counted
// as the client's.
await using var server = await CannedServer.StartAsync();
Environment.SetEnvironmentVariable(CannedServer.AddressVariable, server.BaseAddress.ToString());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
