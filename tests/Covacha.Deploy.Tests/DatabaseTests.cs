using Covacha.Deploy.Tests.Support;
using k8s.Models;

namespace Covacha.Deploy.Tests;

/// <summary>The databases in the cluster: on retained Premium SSD claims, initialised from secrets, backed up, spread.</summary>
public sealed class DatabaseTests
{
    public static TheoryData<string> Databases => ["postgres-auth", "postgres-products", "postgres-search", "mongodb"];

    private static V1StatefulSet StatefulSet(string name) => RenderedOverlay.Aks.One("StatefulSet", name).As<V1StatefulSet>();

    [Theory]
    [MemberData(nameof(Databases))]
    public void Database_KeepsItsDataOnARetainedPremiumDisk(string name)
    {
        var overlay = RenderedOverlay.Aks;
        var set = StatefulSet(name);
        var claim = Assert.Single(set.Spec.VolumeClaimTemplates);

        Assert.Equal(["ReadWriteOnce"], claim.Spec.AccessModes);
        var storageClass = overlay.One("StorageClass", claim.Spec.StorageClassName).As<V1StorageClass>();
        Assert.Equal("disk.csi.azure.com", storageClass.Provisioner);
        Assert.StartsWith("Premium", storageClass.Parameters["skuName"], StringComparison.Ordinal);
        Assert.Equal("Retain", storageClass.ReclaimPolicy);
        Assert.Equal("WaitForFirstConsumer", storageClass.VolumeBindingMode);
        Assert.Equal("Retain", set.Spec.PersistentVolumeClaimRetentionPolicy?.WhenDeleted);
        Assert.Contains(set.Spec.Template.Spec.Containers[0].VolumeMounts, m => m.Name == claim.Metadata.Name);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void Database_HasABackupCronJobThatReachesIt(string name)
    {
        var overlay = RenderedOverlay.Aks;
        var backup = overlay.OfKind("CronJob").Select(m => m.As<V1CronJob>())
            .SingleOrDefault(c => (c.Spec.JobTemplate.Spec.Template.Metadata.Labels.TryGetValue("covacha.dev/backup-of", out var of) ? of : null) == name);

        Assert.True(backup is not null, $"no backup CronJob for {name}");
        Assert.Equal("Forbid", backup!.Spec.ConcurrencyPolicy);
        var pod = backup.Spec.JobTemplate.Spec.Template.Spec;
        var claim = pod.Volumes.Single(v => v.PersistentVolumeClaim is not null).PersistentVolumeClaim.ClaimName;
        Assert.True(overlay.Has("PersistentVolumeClaim", claim), $"backup claim {claim} is not rendered");
        var script = string.Join('\n', pod.Containers[0].Command ?? []);
        Assert.Contains(name == "mongodb" ? "mongodump" : "pg_dump", script, StringComparison.Ordinal);
        Assert.Contains("-mtime +", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("products")]
    [InlineData("search")]
    public void Postgres_CreatesTheAppsRoleAndDatabase_FromItsKeyVaultPassword(string app)
    {
        var overlay = RenderedOverlay.Aks;
        var container = StatefulSet("postgres-" + app).Spec.Template.Spec.Containers.Single(c => c.Name == "postgres");
        var environment = ContainerEnvironment.Resolve(overlay, container);

        Assert.Equal(app, environment["COVACHA_DB"]);
        Assert.Equal($"{app}-db-password", container.Env.Single(e => e.Name == "COVACHA_DB_PASSWORD").ValueFrom.SecretKeyRef.Key);
        var init = overlay.ConfigMap("postgres-init").Data.Values.Single();
        Assert.Contains("CREATE ROLE :\"app\" LOGIN PASSWORD :'password'", init, StringComparison.Ordinal);
        Assert.Contains("CREATE DATABASE :\"app\" OWNER :\"app\"", init, StringComparison.Ordinal);

        // The app connects as that role to that database on that server.
        var appContainer = StartupSettingsTests.AppContainer(overlay, "Job", "migrate-" + app);
        var connection = ContainerEnvironment.Resolve(overlay, appContainer)["ConnectionStrings__" + char.ToUpperInvariant(app[0]) + app[1..]];
        Assert.Contains($"Host=postgres-{app};", connection, StringComparison.Ordinal);
        Assert.Contains($"Database={app};Username={app};", connection, StringComparison.Ordinal);
        Assert.Contains("Password=" + environment["COVACHA_DB_PASSWORD"] + ";", connection, StringComparison.Ordinal);
    }

    [Fact]
    public void MongoDb_IsAThreeMemberReplicaSet_SpreadAcrossNodes_WithTheSearchUser()
    {
        var overlay = RenderedOverlay.Aks;
        var set = StatefulSet("mongodb");
        var mongod = set.Spec.Template.Spec.Containers.Single(c => c.Name == "mongod");

        Assert.Equal(3, set.Spec.Replicas);
        Assert.Equal("rs0", mongod.Args[mongod.Args.IndexOf("--replSet") + 1]);
        Assert.Contains("--keyFile", mongod.Args);
        var antiAffinity = set.Spec.Template.Spec.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution.Single();
        Assert.Equal("kubernetes.io/hostname", antiAffinity.PodAffinityTerm.TopologyKey);
        Assert.Equal("mongodb", antiAffinity.PodAffinityTerm.LabelSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.True(overlay.Service("mongodb").Spec.PublishNotReadyAddresses);
        Assert.Equal("1", overlay.One("PodDisruptionBudget", "mongodb").As<V1PodDisruptionBudget>().Spec.MaxUnavailable.ToString());

        var initiate = string.Join('\n', overlay.One("Job", "mongodb-init-replicaset").As<V1Job>().Spec.Template.Spec.Containers[0].Command);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"mongodb-{i}.mongodb:27017", initiate, StringComparison.Ordinal);
        }

        var createUser = overlay.ConfigMap("mongodb-init").Data.Values.Single();
        Assert.Contains("user: 'search'", createUser, StringComparison.Ordinal);
        Assert.Contains("process.env.SEARCH_DB_PASSWORD", createUser, StringComparison.Ordinal);
        var search = ContainerEnvironment.Resolve(overlay, StartupSettingsTests.AppContainer(overlay, "Deployment", "search-api"));
        Assert.StartsWith("mongodb://search:" + search["SEARCH_DB_PASSWORD"] + "@mongodb-0.mongodb:27017,", search["ConnectionStrings__SearchMongo"], StringComparison.Ordinal);
        Assert.Contains("replicaSet=rs0", search["ConnectionStrings__SearchMongo"], StringComparison.Ordinal);
    }

    [Fact]
    public void Databases_PreferDifferentNodes()
    {
        foreach (var name in new[] { "postgres-auth", "postgres-products", "postgres-search" })
        {
            var term = StatefulSet(name).Spec.Template.Spec.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution.Single().PodAffinityTerm;
            Assert.Equal("kubernetes.io/hostname", term.TopologyKey);
            Assert.Equal("database", term.LabelSelector.MatchLabels["app.kubernetes.io/component"]);
        }
    }
}
