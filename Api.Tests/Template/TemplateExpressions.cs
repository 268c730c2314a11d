using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BoxOffice.Api.Tests.Template;

/// <summary>
/// Evaluates the few intrinsic functions a string of the template is built with (<c>Fn::Join</c>, <c>Fn::Sub</c>,
/// <c>Ref</c>) the way CloudFormation would, with stand-in values: a resource's <c>Ref</c> is its logical id in angle
/// brackets, an attribute <c>&lt;Id.Attr&gt;</c>, and the pseudo parameters fixed values.
/// </summary>
public static partial class TemplateExpressions
{
    public const string StackName = "boxoffice-test";
    public const string Region = "eu-west-1";
    public const string AccountId = "123456789012";

    public static string Evaluate(JsonNode? node) => node switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject { Count: 1 } obj when obj["Fn::Join"] is JsonArray join =>
            string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(Evaluate)),
        JsonObject { Count: 1 } obj when obj["Fn::Sub"] is JsonValue sub => Substitute(sub.GetValue<string>()),
        JsonObject { Count: 1 } obj when obj["Ref"] is JsonValue r => Resolve(r.GetValue<string>()),
        _ => throw new InvalidOperationException($"Cannot evaluate {node?.ToJsonString()}"),
    };

    public static string Resolve(string name) => name switch
    {
        "AWS::StackName" => StackName,
        "AWS::Region" => Region,
        "AWS::AccountId" => AccountId,
        "AWS::Partition" => "aws",
        "AWS::URLSuffix" => "amazonaws.com",
        _ => $"<{name}>",
    };

    private static string Substitute(string text)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match m in Variable().Matches(text))
        {
            result.Append(text, at, m.Index - at);
            // "${!x}" is a literal "${x}".
            result.Append(m.Groups[1].Value.StartsWith('!') ? "${" + m.Groups[1].Value[1..] + "}" : Resolve(m.Groups[1].Value));
            at = m.Index + m.Length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Variable();
}
