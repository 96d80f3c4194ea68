using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ProxyGen.Emulator;

/// <summary>Error answers in Twilio's shape: <c>{"code", "message", "more_info", "status"}</c>.</summary>
internal static class TwilioError
{
    public static IResult Create(int status, int code, string message) => Results.Json(
        new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        },
        statusCode: status);

    public static IResult NotFound(HttpRequest request) =>
        Create(404, 20404, $"The requested resource {request.Path} was not found");

    public static IResult MissingParameter(string name) =>
        Create(400, 20001, $"Missing required parameter {name} in the post body");

    public static IResult InvalidParameter(string name, string value) =>
        Create(400, 20001, $"Invalid value '{value}' for parameter {name}");

    public static IResult Unauthorized() => Create(401, 20003, "Authenticate");
}
