using System.Reflection;
using System.Runtime.Loader;

namespace ProxyGen.Benchmarks.Generator;

/// <summary>
/// The parse by Microsoft.OpenApi.Readers 1.6.31 (<c>OpenApiStringReader</c>, default settings), the OpenAPI.NET line
/// before the one ProxyGen uses, for the record. It lives in an <see cref="AssemblyLoadContext"/> of its own, loaded
/// from the <c>openapi-1.6.31</c> folder beside the benchmarks, because its Microsoft.OpenApi.dll has the same name as
/// 2.x's. One reflection call per parse costs microseconds against the parse's milliseconds.
/// </summary>
public sealed class OpenApi1Reader
{
    private readonly object _reader;
    private readonly MethodInfo _read;

    public OpenApi1Reader()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "openapi-1.6.31");
        var context = new IsolatedContext(folder);
        var readers = context.LoadFromAssemblyPath(Path.Combine(folder, "Microsoft.OpenApi.Readers.dll"));
        var settings = Activator.CreateInstance(readers.GetType("Microsoft.OpenApi.Readers.OpenApiReaderSettings", throwOnError: true)!)!;
        var readerType = readers.GetType("Microsoft.OpenApi.Readers.OpenApiStringReader", throwOnError: true)!;
        _reader = Activator.CreateInstance(readerType, settings)!;
        _read = readerType.GetMethods().Single(m => m.Name == "Read" && m.GetParameters() is [{ ParameterType: var text }, { IsOut: true }] && text == typeof(string));
    }

    /// <summary>The document read from <paramref name="text"/> (YAML or JSON), as an <c>OpenApiDocument</c> of 1.6.31.</summary>
    public object? Read(string text) => _read.Invoke(_reader, [text, null]);

    /// <summary>Loads 1.6.31's assemblies from its folder first; anything else (System.*) from the default context.</summary>
    private sealed class IsolatedContext(string folder) : AssemblyLoadContext("Microsoft.OpenApi.Readers 1.6.31")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
