using BenchmarkDotNet.Running;
using ProxyGen.Benchmarks.Runtime;

// `dotnet run -c Release --project bench/ProxyGen.Benchmarks -- --filter '*'` runs every group; see docs/performance.md.
// The HTTP server the runtime group calls runs here, in the host process: BenchmarkDotNet measures each benchmark in a
// child process, which finds the server through an environment variable, so the server's allocations are not counted
// as the client's.
await using var server = await CannedServer.StartAsync();
Environment.SetEnvironmentVariable(CannedServer.AddressVariable, server.BaseAddress.ToString());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
