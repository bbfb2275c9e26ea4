using k8s;
using YamlDotNet.RepresentationModel;

namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// One rendered document: its YAML as text, as a generic map (for kinds the Kubernetes client
/// does not model, such as KEDA's and the Prometheus operator's) and, on request, as a typed model.
/// </summary>
public sealed class Manifest(string yaml, YamlMappingNode root)
{
    public string Yaml { get; } = yaml;
    public YamlMappingNode Root { get; } = root;
    public string ApiVersion => Root.Str("apiVersion") ?? "";
    public string Kind => Root.Str("kind") ?? "";
    public string Name => Root.Map("metadata")?.Str("name") ?? "";
    public string? Namespace => Root.Map("metadata")?.Str("namespace");

    public T As<T>() => KubernetesYaml.Deserialize<T>(Yaml);

    public override string ToString() => $"{Kind}/{Name}";
}

/// <summary>Small accessors over YamlDotNet's representation model.</summary>
public static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(this YamlMappingNode map, string key) => map.Get(key) as YamlMappingNode;

    public static YamlSequenceNode? Seq(this YamlMappingNode map, string key) => map.Get(key) as YamlSequenceNode;

    public static string? Str(this YamlMappingNode map, string key) => (map.Get(key) as YamlScalarNode)?.Value;

    public static YamlMappingNode Path(this YamlMappingNode map, params string[] keys)
    {
        var current = map;
        foreach (var key in keys)
        {
            current = current.Map(key) ?? throw new KeyNotFoundException($"no map at '{string.Join('.', keys)}' (missing '{key}')");
        }

        return current;
    }

    public static IEnumerable<YamlMappingNode> Maps(this YamlSequenceNode? sequence) =>
        sequence?.Children.OfType<YamlMappingNode>() ?? [];

    public static YamlMappingNode ParseMap(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
