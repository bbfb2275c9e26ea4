using System.Net;
using System.Net.Sockets;
using k8s.Models;

namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// Decides, like a NetworkPolicy engine, whether a connection is allowed in the rendered
/// namespace: a pod selected by any policy of a direction accepts only what some rule allows;
/// a connection needs the source's egress and the destination's ingress.
/// </summary>
public sealed class NetworkPolicies(RenderedOverlay overlay, string ns = "covacha")
{
    private readonly List<V1NetworkPolicy> _policies = overlay.OfKind("NetworkPolicy").Select(m => m.As<V1NetworkPolicy>()).ToList();

    /// <summary>A pod of this namespace, by the labels of its template.</summary>
    public Peer Pod(string owner) => new(Labels(owner), ns, null);

    public static Peer External(string ip) => new(null, null, IPAddress.Parse(ip));

    public static Peer PodIn(string namespaceName, IDictionary<string, string> labels) => new(labels, namespaceName, null);

    public bool Allows(Peer source, Peer destination, int port, string protocol = "TCP")
    {
        var egressOk = source.Namespace != ns || Allowed(source, destination, port, protocol, egress: true);
        var ingressOk = destination.Namespace != ns || Allowed(destination, source, port, protocol, egress: false);
        return egressOk && ingressOk;
    }

    private bool Allowed(Peer self, Peer other, int port, string protocol, bool egress)
    {
        var type = egress ? "Egress" : "Ingress";
        var applying = _policies.Where(p => (p.Spec.PolicyTypes ?? ["Ingress"]).Contains(type) && Selects(p.Spec.PodSelector, self.Labels!)).ToList();
        if (applying.Count == 0)
        {
            return true;
        }

        foreach (var policy in applying)
        {
            var rules = egress
                ? (policy.Spec.Egress ?? []).Select(r => (Peers: r.To, r.Ports))
                : (policy.Spec.Ingress ?? []).Select(r => (Peers: r.FromProperty, r.Ports));
            foreach (var (peers, ports) in rules)
            {
                var portOk = ports is null || ports.Count == 0 || ports.Any(p =>
                    (p.Protocol ?? "TCP") == protocol && (p.Port is null || p.Port.ToString() == port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var peerOk = peers is null || peers.Count == 0 || peers.Any(p => Matches(p, other));
                if (portOk && peerOk)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Matches(V1NetworkPolicyPeer peer, Peer other)
    {
        if (peer.IpBlock is { } block)
        {
            return other.Address is { } address && InCidr(address, block.Cidr) && !(block.Except ?? []).Any(e => InCidr(address, e));
        }

        if (other.Labels is null)
        {
            return false;
        }

        var namespaceOk = peer.NamespaceSelector is null
            ? other.Namespace == ns
            : Selects(peer.NamespaceSelector, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = other.Namespace! });
        return namespaceOk && (peer.PodSelector is null || Selects(peer.PodSelector, other.Labels));
    }

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => throw new InvalidOperationException("unknown operator " + e.OperatorProperty),
        });

    private static bool InCidr(IPAddress address, string cidr)
    {
        var parts = cidr.Split('/');
        var network = IPAddress.Parse(parts[0]);
        if (network.AddressFamily != address.AddressFamily || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var bits = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        static uint ToUInt(IPAddress a) => BitConverter.ToUInt32([.. a.GetAddressBytes().Reverse()], 0);
        return (ToUInt(address) & mask) == (ToUInt(network) & mask);
    }

    private IDictionary<string, string> Labels(string owner)
    {
        var template = overlay.PodTemplates().SingleOrDefault(t => t.Owner.EndsWith("/" + owner, StringComparison.Ordinal));
        return template.Template?.Metadata?.Labels ?? throw new KeyNotFoundException("no workload " + owner);
    }

    public sealed record Peer(IDictionary<string, string>? Labels, string? Namespace, IPAddress? Address);
}
