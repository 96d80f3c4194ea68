using System.ComponentModel;
namespace ProxyGen.Runtime;

/// <summary>
/// How a parameter's value is written, as an OpenAPI document's <c>style</c> names it (RFC 6570 templates underneath).
/// The examples are for <c>color</c> = ["blue", "black"] or { "R": 100, "G": 200 }, without and with <c>explode</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ParameterStyle
{
    /// <summary>Query and form: <c>color=blue,black</c>, <c>color=blue&amp;color=black</c>; objects <c>color=R,100,G,200</c>, <c>R=100&amp;G=200</c>.</summary>
    Form,

    /// <summary>Path and header: <c>blue,black</c>; objects <c>R,100,G,200</c>, <c>R=100,G=200</c>.</summary>
    Simple,

    /// <summary>Path: <c>.blue,black</c>, <c>.blue.black</c>; objects <c>.R,100,G,200</c>, <c>.R=100.G=200</c>.</summary>
    Label,

    /// <summary>Path: <c>;color=blue,black</c>, <c>;color=blue;color=black</c>; objects <c>;color=R,100,G,200</c>, <c>;R=100;G=200</c>.</summary>
    Matrix,

    /// <summary>Query: <c>color=blue%20black</c>; exploded, like <see cref="Form"/>.</summary>
    SpaceDelimited,

    /// <summary>Query: <c>color=blue|black</c>, the '|' percent-encoded as URIs require (<c>%7C</c>); exploded, like <see cref="Form"/>.</summary>
    PipeDelimited,

    /// <summary>Query and form: <c>color[R]=100&amp;color[G]=200</c>, nested <c>a[b][c]=v</c>; lists <c>expand[]=x</c>, lists of objects <c>items[0][k]=v</c>.</summary>
    DeepObject,
}
