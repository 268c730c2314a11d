using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BoxOffice.Api.Tests.Template;

/// <summary>
/// <c>serverless.template</c> as a mutable JSON tree, with the few CloudFormation notions the rules need:
/// resources, parameters and which resources an expression refers to (Ref, Fn::GetAtt, Fn::Sub).
/// </summary>
public sealed partial class ServerlessTemplate(JsonObject root)
{
    public static string FilePath { get; } = Locate();

    public JsonObject Root => root;

    public static ServerlessTemplate Load() => new(JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject());

    public JsonObject Resources => root[nameof(Resources)]!.AsObject();

    public JsonObject Resource(string id) =>
        Resources[id]?.AsObject() ?? throw new InvalidOperationException($"The template has no resource '{id}'.");

    public JsonObject Properties(string id) => Resource(id)["Properties"]?.AsObject() ?? [];

    public string? TypeOf(string id) => Resources[id]?["Type"]?.GetValue<string>();

    public IEnumerable<string> IdsOfType(string type) =>
        Resources.Where(r => r.Value?["Type"]?.GetValue<string>() == type).Select(r => r.Key);

    public JsonObject? Parameter(string name) => root["Parameters"]?[name]?.AsObject();

    /// <summary>The logical id a <c>Ref</c> or <c>Fn::GetAtt</c> points at, or null for anything else.</summary>
    public static string? Target(JsonNode? node)
    {
        if (node is not JsonObject obj || obj.Count != 1) return null;
        if (obj["Ref"] is JsonValue r) return r.GetValue<string>();
        if (obj["Fn::GetAtt"] is JsonArray a && a.Count > 0) return a[0]!.GetValue<string>();
        if (obj["Fn::GetAtt"] is JsonValue s) return s.GetValue<string>().Split('.')[0];
        return null;
    }

    /// <summary>Every resource of this template that <paramref name="node"/> refers to, however deeply.</summary>
    public IReadOnlySet<string> ResourcesReferencedBy(JsonNode? node)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, found);
        found.RemoveWhere(id => !Resources.ContainsKey(id));
        return found;
    }

    private static void Collect(JsonNode? node, HashSet<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Target(obj) is { } target) found.Add(target);
                if (obj["Fn::Sub"] is { } sub)
                {
                    var text = sub is JsonArray parts ? parts[0]!.GetValue<string>() : sub.GetValue<string>();
                    foreach (Match m in SubVariable().Matches(text)) found.Add(m.Groups[1].Value);
                }
                foreach (var (_, value) in obj) Collect(value, found);
                break;
            case JsonArray array:
                foreach (var item in array) Collect(item, found);
                break;
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex SubVariable();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "serverless.template");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Monolith.sln"))) return candidate;
        }
        throw new FileNotFoundException("serverless.template not found above the test output folder.");
    }
}
