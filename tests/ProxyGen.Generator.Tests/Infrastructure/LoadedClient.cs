using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Model;
using ProxyGen.Runtime;
using TypeKind = ProxyGen.Generator.Model.TypeKind;

namespace ProxyGen.Generator.Tests.Infrastructure;

/// <summary>
/// A spec's generated code, compiled and loaded (in a collectible context), with the generated reader and writer of
/// any of its types: the very method groups a generated client passes to <c>ApiConnection.SendAsync</c> and to a body.
/// </summary>
internal sealed class LoadedClient : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;
    private readonly string _namespace;

    private LoadedClient(AssemblyLoadContext context, Assembly assembly, string @namespace)
    {
        _context = context;
        _assembly = assembly;
        _namespace = @namespace;
    }

    /// <summary>Generates, compiles and loads; fails with the compiler's messages when the code does not compile.</summary>
    public static LoadedClient Load(GeneratorHarness.Run run, string @namespace)
    {
        run.AssertCompiles();
        var compilation = run.Input.AddSyntaxTrees(run.Result.GeneratedTrees);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("examples-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new LoadedClient(context, context.LoadFromStream(image), @namespace);
    }

    public void Dispose() => _context.Unload();

    /// <summary>The C# type <paramref name="type"/> stands for.</summary>
    public Type ClrType(TypeRef type)
    {
        var clr = type.Kind switch
        {
            TypeKind.Model or TypeKind.Enum or TypeKind.Union => _assembly.GetType(_namespace + "." + type.Name, throwOnError: true)!,
            TypeKind.Array => typeof(IReadOnlyList<>).MakeGenericType(ClrType(type.Element!)),
            TypeKind.Map => typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), ClrType(type.Element!)),
            _ => typeof(JsonRead).GetMethod(type.Kind + "Item")?.ReturnType
                ?? throw new NotSupportedException($"No reader for {type.Kind}."),
        };
        return type.Nullable && clr.IsValueType && Nullable.GetUnderlyingType(clr) is null ? typeof(Nullable<>).MakeGenericType(clr) : clr;
    }

    /// <summary>A <c>JsonValueReader&lt;T&gt;</c> for one non-null value of <paramref name="type"/>, as the generated client reads a response.</summary>
    public Delegate Reader(TypeRef type)
    {
        var clr = ClrType(type);
        var delegateType = typeof(JsonValueReader<>).MakeGenericType(clr);
        switch (type.Kind)
        {
            case TypeKind.Model or TypeKind.Enum or TypeKind.Union:
                return Delegate.CreateDelegate(delegateType, clr.GetMethod("ReadJson", BindingFlags.Public | BindingFlags.Static, [typeof(Utf8JsonReader).MakeByRefType()])!);
            case TypeKind.Array or TypeKind.Map:
                var element = ClrType(type.Element!);
                var factory = typeof(JsonRead).GetMethod(type.Kind == TypeKind.Array ? nameof(JsonRead.ArrayOf) : nameof(JsonRead.MapOf))!.MakeGenericMethod(element);
                return (Delegate)factory.Invoke(null, [Reader(type.Element!)])!;
            default:
                var name = type.Nullable ? type.Kind.ToString() : type.Kind + "Item";
                return Delegate.CreateDelegate(delegateType, typeof(JsonRead).GetMethod(name, [typeof(Utf8JsonReader).MakeByRefType()])!);
        }
    }

    /// <summary>A <c>JsonValueWriter&lt;T&gt;</c> for <paramref name="type"/>, as a generated model writes a member of that type.</summary>
    public Delegate Writer(TypeRef type)
    {
        var clr = ClrType(type);
        switch (type.Kind)
        {
            case TypeKind.Model or TypeKind.Enum or TypeKind.Union:
                return Delegate.CreateDelegate(typeof(JsonValueWriter<>).MakeGenericType(clr), clr.GetMethod("WriteJson", BindingFlags.Public | BindingFlags.Static, [typeof(Utf8JsonWriter), clr])!);
            case TypeKind.Array or TypeKind.Map:
                var element = ClrType(type.Element!);
                var factory = typeof(JsonWrite).GetMethod(type.Kind == TypeKind.Array ? nameof(JsonWrite.ArrayOf) : nameof(JsonWrite.MapOf))!.MakeGenericMethod(element);
                return (Delegate)factory.Invoke(null, [Writer(type.Element!)])!;
            default:
                var method = typeof(JsonWrite).GetMethod(type.Kind.ToString(), [typeof(Utf8JsonWriter), clr])!;
                return Delegate.CreateDelegate(typeof(JsonValueWriter<>).MakeGenericType(clr), method);
        }
    }

    /// <summary>
    /// Answers one request with <paramref name="json"/> from a stub handler and reads it with the generated reader of
    /// <paramref name="type"/> through <c>ApiConnection.SendAsync</c>, the path every generated JSON method takes.
    /// </summary>
    public async Task<object?> ReadResponseAsync(TypeRef type, byte[] json)
    {
        using var http = new HttpClient(new StubHandler(json));
        var connection = new ApiConnection(http, new ApiClientOptions(), new Uri("http://127.0.0.1/"));
        var send = typeof(ApiConnection).GetMethods().Single(m => m.Name == nameof(ApiConnection.SendAsync) && m.IsGenericMethod && m.GetParameters().Length == 3).MakeGenericMethod(ClrType(type));
        var task = (Task)send.Invoke(connection, [new ApiRequest(HttpMethod.Get, "/example"), Reader(type), CancellationToken.None])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    /// <summary>Writes <paramref name="value"/> with the generated writer of <paramref name="type"/>.</summary>
    public byte[] Write(TypeRef type, object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var write = Writer(type);
            try
            {
                write.DynamicInvoke(writer, value);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            }
        }

        return buffer.ToArray();
    }

    private sealed class StubHandler(byte[] json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
