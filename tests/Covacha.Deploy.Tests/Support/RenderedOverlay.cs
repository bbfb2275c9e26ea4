using System.Collections.Concurrent;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Covacha.Deploy.Tests.Support;

/// <summary>Everything one overlay renders to, parsed once per test run.</summary>
public sealed class RenderedOverlay
{
    private static readonly ConcurrentDictionary<string, Lazy<RenderedOverlay>> Cache = new();

    private RenderedOverlay(string name, string text)
    {
        Name = name;
        Text = text;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var documents = text.Split("\n---\n");
        if (documents.Length != stream.Documents.Count)
        {
            throw new InvalidOperationException($"{name}: {documents.Length} documents split, {stream.Documents.Count} parsed");
        }

        Manifests = stream.Documents
            .Select((d, i) => new Manifest(documents[i], (YamlMappingNode)d.RootNode))
            .ToList();
    }

    /// <summary>Every overlay under k8s/overlays.</summary>
    public static IEnumerable<string> OverlayNames =>
        Directory.GetDirectories(Repository.PathOf("k8s", "overlays")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> Overlays => [.. OverlayNames];

    public static RenderedOverlay Aks => Get("aks");

    public string Name { get; }
    public string Text { get; }
    public IReadOnlyList<Manifest> Manifests { get; }

    public static RenderedOverlay Get(string overlay) =>
        Cache.GetOrAdd(overlay, o => new Lazy<RenderedOverlay>(() =>
            new RenderedOverlay(o, Kustomize.Render(Repository.PathOf("k8s", "overlays", o))))).Value;

    public IEnumerable<Manifest> OfKind(string kind) => Manifests.Where(m => m.Kind == kind);

    public Manifest One(string kind, string name) =>
        Manifests.SingleOrDefault(m => m.Kind == kind && m.Name == name)
        ?? throw new KeyNotFoundException($"{Name}: no {kind}/{name} rendered");

    public bool Has(string kind, string name) => Manifests.Any(m => m.Kind == kind && m.Name == name);

    public V1Deployment Deployment(string name) => One("Deployment", name).As<V1Deployment>();

    public IEnumerable<V1Deployment> Deployments => OfKind("Deployment").Select(m => m.As<V1Deployment>());

    public V1Service Service(string name) => One("Service", name).As<V1Service>();

    /// <summary>Every pod template: Deployments, StatefulSets, Jobs and CronJobs.</summary>
    public IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates()
    {
        foreach (var m in Manifests)
        {
            switch (m.Kind)
            {
                case "Deployment":
                    yield return (m.ToString(), m.As<V1Deployment>().Spec.Template);
                    break;
                case "StatefulSet":
                    yield return (m.ToString(), m.As<V1StatefulSet>().Spec.Template);
                    break;
                case "Job":
                    yield return (m.ToString(), m.As<V1Job>().Spec.Template);
                    break;
                case "CronJob":
                    yield return (m.ToString(), m.As<V1CronJob>().Spec.JobTemplate.Spec.Template);
                    break;
            }
        }
    }

    public V1ConfigMap ConfigMap(string name) => One("ConfigMap", name).As<V1ConfigMap>();
}
