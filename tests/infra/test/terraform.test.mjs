// Static checks of terraform/ with a real HCL2 parser. No terraform binary is
// needed; `terraform validate` and `fmt -check` run in the GitHub workflow.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join, basename } from 'node:path';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { parse } from '@cdktf/hcl2json';
import { format } from '@cdktf/hcl-tools';
import {
  terraformRoot, listFiles, loadAllModules, read, rel, references, strings, existsSync,
} from '../lib/repo.mjs';

const META_ARGS = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers']);
const ENVIRONMENTS = ['dev', 'prod'];
const SECRET_NAMES = [
  'auth-db-password', 'products-db-password', 'search-db-password', 'mongodb-root-password',
  'rabbitmq-uri', 'jwt-signing-key-pem', 'products-service-key', 'appinsights-connection-string',
  'bootstrap-admin-password', 'smtp-username', 'smtp-password',
];

let modules; // Map<dir, module>
let root;
before(async () => {
  modules = await loadAllModules();
  root = modules.get(terraformRoot);
});

const childOf = (mod, call) => modules.get(join(mod.dir, call.source));
const name = (mod) => rel(mod.dir);
const resourcesOfType = (mod, type) => Object.entries(mod.resource)
  .filter(([key]) => key.startsWith(`${type}.`));
const expr = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

test('every .tf, .tfvars and backend .hcl file parses as HCL', async () => {
  const files = listFiles(terraformRoot, ['.tf', '.tfvars', '.hcl']);
  assert.ok(files.length > 20, `expected the Terraform tree, found ${files.length} files`);
  for (const file of files) {
    await assert.doesNotReject(parse(basename(file), read(file)), `${rel(file)} is not valid HCL`);
  }
});

test('every Terraform file is formatted (hclwrite, the formatter terraform fmt uses)', async () => {
  const unformatted = [];
  for (const file of listFiles(terraformRoot, ['.tf', '.tfvars', '.hcl'])) {
    const src = read(file);
    if ((await format(src)) !== src) unformatted.push(rel(file));
  }
  assert.deepEqual(unformatted, [], 'run `npm run fmt --prefix tests/infra` (or terraform fmt -recursive)');
});

test('terraform fmt -check agrees, where a terraform binary is installed', (t) => {
  const run = spawnSync('terraform', ['fmt', '-check', '-recursive', '-diff', terraformRoot],
    { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (run.error) { t.skip('no terraform binary on PATH'); return; }
  assert.equal(run.status, 0, `terraform fmt -check failed:\n${run.stdout}${run.stderr}`);
});

test('the modules the issue asks for exist, each with variables, outputs and a README', () => {
  for (const m of ['network', 'aks', 'registry', 'keyvault', 'monitoring', 'dns', 'cloudamqp']) {
    assert.ok(existsSync(join(terraformRoot, 'modules', m)), `terraform/modules/${m} is missing`);
  }
  for (const mod of modules.values()) {
    if (mod === root) continue;
    for (const f of ['variables.tf', 'outputs.tf', 'README.md']) {
      assert.ok(existsSync(join(mod.dir, f)), `${name(mod)}/${f} is missing`);
    }
    assert.ok(Object.keys(mod.variable).length > 0, `${name(mod)} declares no variables`);
    assert.ok(Object.keys(mod.output).length > 0, `${name(mod)} declares no outputs`);
    const readme = read(join(mod.dir, 'README.md'));
    for (const n of [...Object.keys(mod.variable), ...Object.keys(mod.output)]) {
      assert.match(readme, new RegExp('`' + n + '`'), `${name(mod)}/README.md does not document \`${n}\``);
    }
  }
});

test('every variable has a type and a non-empty description', () => {
  for (const mod of modules.values()) {
    for (const [n, v] of Object.entries(mod.variable)) {
      assert.ok(v.type, `${name(mod)}: variable "${n}" has no type`);
      assert.ok(typeof v.description === 'string' && v.description.trim().length > 10,
        `${name(mod)}: variable "${n}" has no description`);
    }
  }
});

test('every output has a description', () => {
  for (const mod of modules.values()) {
    for (const [n, o] of Object.entries(mod.output)) {
      assert.ok(typeof o.description === 'string' && o.description.trim(), `${name(mod)}: output "${n}" has no description`);
    }
  }
});

test('every var.* and local.* used is declared in its module', () => {
  for (const mod of modules.values()) {
    const docs = Object.values(mod.files).map((f) => f.doc);
    const declaredLocals = new Set(mod.locals.flatMap((l) => Object.keys(l)));
    for (const used of references(docs, 'var')) {
      assert.ok(mod.variable[used], `${name(mod)}: var.${used} is used but not declared`);
    }
    for (const used of references(docs, 'local')) {
      assert.ok(declaredLocals.has(used), `${name(mod)}: local.${used} is used but not declared`);
    }
  }
});

test('module calls pass only declared inputs, all required inputs, and read only declared outputs', () => {
  for (const mod of modules.values()) {
    for (const [callName, call] of Object.entries(mod.module)) {
      const child = childOf(mod, call);
      assert.ok(child, `${name(mod)}: module "${callName}" source ${call.source} not found`);
      for (const arg of Object.keys(call)) {
        if (META_ARGS.has(arg)) continue;
        assert.ok(child.variable[arg], `${name(mod)}: module "${callName}" sets "${arg}", which ${name(child)} does not declare`);
      }
      for (const [v, decl] of Object.entries(child.variable)) {
        if (!('default' in decl)) assert.ok(v in call, `${name(mod)}: module "${callName}" does not set required input "${v}"`);
      }
    }
    const docs = Object.values(mod.files).map((f) => f.doc);
    for (const ref of references(docs, 'module')) {
      const [callName, output] = ref.split('.');
      const call = mod.module[callName];
      assert.ok(call, `${name(mod)}: module.${callName} is used but not called`);
      if (output) assert.ok(childOf(mod, call).output[output], `${name(mod)}: module.${callName}.${output} is not an output of ${call.source}`);
    }
  }
});

test('providers are pinned: Terraform version, azurerm ~> 4.x, cloudamqp, and every provider each module uses', () => {
  const requiredOf = (mod) => Object.assign({}, ...mod.terraform.flatMap((t) => t.required_providers ?? []));
  const rootTf = root.terraform;
  assert.ok(rootTf.some((t) => t.required_version), 'root terraform block has no required_version');
  const rootProviders = requiredOf(root);
  assert.match(rootProviders.azurerm?.version ?? '', /^~>\s*4\.\d+$/, 'azurerm must be pinned to ~> 4.x (5.0 changes AKS defaults)');
  assert.equal(rootProviders.cloudamqp?.source, 'cloudamqp/cloudamqp');
  for (const mod of modules.values()) {
    const required = requiredOf(mod);
    const used = new Set([...Object.keys(mod.resource), ...Object.keys(mod.data)].map((k) => k.split('_')[0]));
    for (const p of used) {
      assert.ok(required[p], `${name(mod)} uses ${p}_* but does not declare ${p} in required_providers`);
      assert.ok(required[p].source && required[p].version, `${name(mod)}: provider ${p} needs source and version`);
    }
    for (const [p, spec] of Object.entries(required)) {
      assert.match(spec.version ?? '', /^~>\s*\d+\.\d+/, `${name(mod)}: provider ${p} is not pinned with ~>`);
      if (rootProviders[p]) assert.equal(spec.version, rootProviders[p].version, `${name(mod)}: ${p} version differs from the root's`);
    }
  }
});

test('remote state is an azurerm backend configured per environment', () => {
  const backend = root.terraform.flatMap((t) => Object.keys(t.backend ?? {}));
  assert.deepEqual(backend, ['azurerm']);
  for (const env of ENVIRONMENTS) {
    const file = join(terraformRoot, 'environments', env, 'backend.hcl');
    assert.ok(existsSync(file), `${rel(file)} is missing`);
    const src = read(file);
    for (const key of ['resource_group_name', 'storage_account_name', 'container_name', 'key']) {
      assert.match(src, new RegExp(`^${key}\\s*=`, 'm'), `${rel(file)} does not set ${key}`);
    }
    assert.match(src, new RegExp(`key\\s*=\\s*".*${env}.*"`), `${rel(file)}: state key must name the environment`);
  }
});

test('dev and prod tfvars set only declared variables and every required one', async () => {
  for (const env of ENVIRONMENTS) {
    const file = join(terraformRoot, 'environments', env, 'terraform.tfvars');
    assert.ok(existsSync(file), `${rel(file)} is missing`);
    const values = await parse('terraform.tfvars', read(file));
    for (const key of Object.keys(values)) assert.ok(root.variable[key], `${rel(file)} sets undeclared variable ${key}`);
    for (const [v, decl] of Object.entries(root.variable)) {
      if (!('default' in decl)) assert.ok(v in values, `${rel(file)} does not set required variable ${v}`);
    }
    assert.equal(values.environment, env, `${rel(file)}: environment should be "${env}"`);
  }
});

test('no secret literal appears in terraform/', () => {
  const patterns = [
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key'],
    [/amqps?:\/\/[^\s:"/@]+:[^\s@"]+@/, 'an AMQP URL with credentials'],
    [/InstrumentationKey=[0-9a-f-]{36}/i, 'an Application Insights key'],
    [/AccountKey=|SharedAccessSignature=|sig=[A-Za-z0-9%]{20,}/, 'a storage key or SAS token'],
    [/\b[A-Za-z0-9+/]{86}==/, 'a base64 storage account key'],
    [/(password|secret|apikey|api_key|token|client_secret|private_key|connection_string)\s*=\s*"(?!\$\{)[^"]{4,}"/i, 'a credential assigned a literal'],
  ];
  for (const file of listFiles(terraformRoot, ['.tf', '.tfvars', '.hcl', '.json'])) {
    const src = read(file);
    for (const [re, what] of patterns) assert.doesNotMatch(src, re, `${rel(file)} contains ${what}`);
  }
});

test('secret values only come from generated resources and are sensitive', () => {
  // No variable that carries a secret may be settable from tfvars or the CLI.
  for (const [v] of Object.entries(root.variable)) {
    assert.doesNotMatch(v, /password|secret|apikey|api_key|token|private_key/i, `root variable ${v} would put a secret in tfvars`);
  }
  const kv = [...modules.values()].find((m) => m.dir.endsWith(join('modules', 'keyvault')));
  assert.equal(kv.variable.secrets.sensitive, true, 'keyvault variable "secrets" must be sensitive');
  assert.ok(!('default' in kv.variable.secrets), 'keyvault variable "secrets" must have no default');
  for (const mod of modules.values()) {
    for (const [n, o] of Object.entries(mod.output)) {
      if (/url|connection_string|password|key_pem/.test(n) && !/app_url|oidc_issuer_url/.test(n)) {
        assert.equal(o.sensitive, true, `${name(mod)}: output ${n} carries a secret and must be sensitive`);
      }
    }
  }
});

test('Key Vault receives exactly the secrets the cluster mounts, readable by the CSI identity', () => {
  const secretNames = root.locals.find((l) => l.secret_names)?.secret_names;
  assert.deepEqual([...secretNames].sort(), [...SECRET_NAMES].sort(), 'local.secret_names differs from the names k8s/ mounts');
  const call = root.module.keyvault;
  assert.ok(call, 'root does not call the keyvault module');
  assert.deepEqual(Object.keys(call.secrets).sort(), [...SECRET_NAMES].sort(), 'keyvault secrets map keys differ');
  assert.equal(call.secret_names, '${local.secret_names}');
  assert.match(expr(call.secrets['rabbitmq-uri']), /module\.cloudamqp\.url/, 'rabbitmq-uri must be the CloudAMQP instance URL');
  assert.match(expr(call.secrets['appinsights-connection-string']), /module\.monitoring\.application_insights_connection_string/,
    'the Application Insights connection string must reach Key Vault');
  assert.match(expr(call.secret_reader_object_ids), /module\.aks\.key_vault_secrets_provider_object_id/,
    'the AKS Key Vault secrets provider identity must be a secret reader');
  const kv = childOf(root, call);
  const readers = resourcesOfType(kv, 'azurerm_role_assignment').filter(([, r]) => r.role_definition_name === 'Key Vault Secrets User');
  assert.equal(readers.length, 1, 'keyvault module grants no Key Vault Secrets User role');
  assert.match(expr(readers[0][1].principal_id), /var\.secret_reader_object_ids/);
  const [, vault] = resourcesOfType(kv, 'azurerm_key_vault')[0];
  assert.equal(vault.rbac_authorization_enabled, true, 'Key Vault must use Azure RBAC');
});

test('the AKS cluster enables AGIC, KEDA, the Key Vault CSI driver, Azure Monitor, workload identity and Azure CNI', () => {
  const call = root.module.aks;
  assert.ok(call, 'root does not call the aks module');
  const aks = childOf(root, call);
  const clusters = resourcesOfType(aks, 'azurerm_kubernetes_cluster');
  assert.equal(clusters.length, 1);
  const [, c] = clusters[0];
  assert.match(expr(c.ingress_application_gateway?.[0]?.gateway_id), /var\.gateway_id/, 'ingress_application_gateway add-on is not enabled');
  assert.match(expr(call.gateway_id), /module\.gateway\.id/);
  assert.equal(c.workload_autoscaler_profile?.[0]?.keda_enabled, true, 'KEDA (workload_autoscaler_profile.keda_enabled) is not enabled');
  assert.ok(c.key_vault_secrets_provider?.[0], 'key_vault_secrets_provider is not enabled');
  assert.equal(c.oms_agent?.[0]?.msi_auth_for_monitoring_enabled, true, 'Azure Monitor agent (oms_agent with MSI auth) is not enabled');
  assert.equal(c.workload_identity_enabled, true);
  assert.equal(c.oidc_issuer_enabled, true);
  assert.equal(c.network_profile?.[0]?.network_plugin, 'azure', 'Azure CNI (network_plugin = "azure") is not used');
  assert.equal(c.default_node_pool?.[0]?.auto_scaling_enabled, true, 'system pool does not autoscale');
  const pools = resourcesOfType(aks, 'azurerm_kubernetes_cluster_node_pool').map(([, p]) => p);
  assert.ok(pools.some((p) => p.mode === 'User' && p.auto_scaling_enabled === true), 'no autoscaling user node pool');
  assert.ok(resourcesOfType(aks, 'azurerm_monitor_data_collection_rule_association').length, 'Container Insights data collection rule is not associated');
});

test('the AGIC identity can manage the gateway, read its resource group and join the gateway subnet', () => {
  const aks = childOf(root, root.module.aks);
  const grants = resourcesOfType(aks, 'azurerm_role_assignment').map(([, r]) => r)
    .filter((r) => /local\.agic_object_id|ingress_application_gateway_identity/.test(expr(r.principal_id)));
  const has = (role, scope) => grants.some((r) => r.role_definition_name === role && expr(r.scope).includes(scope));
  assert.ok(has('Contributor', 'var.gateway_id'), 'AGIC needs Contributor on the Application Gateway');
  assert.ok(has('Reader', 'var.resource_group_id'), 'AGIC needs Reader on the gateway resource group');
  assert.ok(has('Network Contributor', 'var.gateway_subnet_id'), 'AGIC needs Network Contributor on the gateway subnet');
  const agicLocal = aks.locals.find((l) => l.agic_object_id)?.agic_object_id ?? '';
  assert.match(agicLocal, /ingress_application_gateway\[0\]\.ingress_application_gateway_identity\[0\]\.object_id/);
  assert.match(expr(root.module.aks.gateway_subnet_id), /module\.network\.gateway_subnet_id/);
  assert.match(expr(root.module.aks.resource_group_id), /azurerm_resource_group\.main\.id/);
  assert.match(expr(root.module.gateway.subnet_id), /module\.network\.gateway_subnet_id/, 'the gateway must sit in the subnet AGIC is granted');
});

test('the registry grants AcrPull to the AKS kubelet identity', () => {
  const call = root.module.registry;
  assert.ok(call, 'root does not call the registry module');
  assert.match(expr(call.kubelet_identity_object_id), /module\.aks\.kubelet_identity_object_id/);
  const aks = childOf(root, root.module.aks);
  assert.match(expr(aks.output.kubelet_identity_object_id.value), /azurerm_kubernetes_cluster\.this\.kubelet_identity\[0\]\.object_id/);
  const reg = childOf(root, call);
  const [acrKey, acr] = resourcesOfType(reg, 'azurerm_container_registry')[0];
  assert.equal(acr.admin_enabled, false, 'ACR admin user must be off');
  const pulls = resourcesOfType(reg, 'azurerm_role_assignment').map(([, r]) => r).filter((r) => r.role_definition_name === 'AcrPull');
  assert.equal(pulls.length, 1, 'no AcrPull role assignment in the registry module');
  assert.equal(pulls[0].scope, `\${${acrKey}.id}`);
  assert.equal(pulls[0].principal_id, '${var.kubelet_identity_object_id}');
});

test('DNS points the app record at the gateway public IP and exposes the name servers', () => {
  const call = root.module.dns;
  assert.match(expr(call.target_resource_id), /module\.gateway\.public_ip_id/);
  const dns = childOf(root, call);
  const [, record] = resourcesOfType(dns, 'azurerm_dns_a_record')[0];
  assert.equal(record.target_resource_id, '${var.target_resource_id}');
  assert.ok(dns.output.name_servers);
});

test('CloudAMQP: plan and region are variables and the URL is only an output into Key Vault', () => {
  const call = root.module.cloudamqp;
  assert.equal(call.plan, '${var.cloudamqp_plan}');
  assert.equal(call.region, '${var.cloudamqp_region}');
  const amqp = childOf(root, call);
  assert.equal(amqp.output.url.sensitive, true);
});

// Names read by scripts/deploy.sh (tf_output NAME), the Jenkinsfile and the
// workflow (terraform output [-raw|-json] NAME).
export function outputsReadBy(src) {
  const names = new Set();
  for (const m of src.matchAll(/terraform(?:\s+-chdir=\S+)?\s+output\s+(?:-(?:raw|json)\s+)?([a-z_][a-z0-9_]*)/g)) names.add(m[1]);
  for (const m of src.matchAll(/\btf_output\s+([a-z_][a-z0-9_]*)/g)) names.add(m[1]);
  for (const m of src.matchAll(/\btf output\s+(?:-(?:raw|json)\s+)?([a-z_][a-z0-9_]*)/g)) names.add(m[1]);
  return names;
}

test('every Terraform output the pipelines and deploy.sh read is declared', () => {
  const repo = join(terraformRoot, '..');
  const readers = ['scripts/deploy.sh', 'Jenkinsfile', ...readdirSync(join(repo, '.github', 'workflows')).map((f) => `.github/workflows/${f}`)];
  const all = new Set();
  for (const r of readers) {
    const names = outputsReadBy(read(join(repo, r)));
    for (const n of names) {
      all.add(n);
      assert.ok(root.output[n], `${r} reads terraform output "${n}", which terraform/outputs.tf does not declare`);
    }
  }
  for (const n of ['acr_name', 'acr_login_server', 'aks_name', 'resource_group_name', 'key_vault_name', 'tenant_id',
    'key_vault_secrets_provider_client_id', 'app_hostname', 'app_url', 'dns_name_servers']) {
    assert.ok(root.output[n], `output ${n} is missing`);
    assert.ok(all.has(n), `no pipeline or deploy.sh reads output ${n}; is it still needed?`);
  }
});

test('every string expression refers to resources that exist in its module', () => {
  const kinds = ['azurerm', 'random', 'tls', 'time', 'cloudamqp'];
  const re = new RegExp(`(?<![\\w.])((?:data\\.)?(?:${kinds.join('|')})_[a-z0-9_]+)\\.([a-z_][a-z0-9_-]*)`, 'g');
  for (const mod of modules.values()) {
    for (const { doc } of Object.values(mod.files)) {
      for (const s of strings(doc)) {
        if (!s.includes('${')) continue;
        for (const m of s.matchAll(re)) {
          const key = `${m[1].replace(/^data\./, '')}.${m[2]}`;
          const exists = m[1].startsWith('data.') ? mod.data[key] : mod.resource[key];
          assert.ok(exists, `${name(mod)}: ${m[0]} refers to nothing declared`);
        }
      }
    }
  }
});

test('the gateway writes the client address into its own header and adds the API security headers', () => {
  const gw = childOf(root, root.module.gateway);
  const [, agw] = resourcesOfType(gw, 'azurerm_application_gateway')[0];
  const locals = Object.assign({}, ...gw.locals);
  const resolve = (v) => {
    const m = typeof v === 'string' && v.match(/^\$\{local\.([a-z_]+)\}$/);
    return m ? locals[m[1]] : v;
  };
  assert.ok(!(agw.lifecycle?.[0]?.ignore_changes ?? []).some((c) => expr(c).includes('rewrite_rule_set')),
    'Terraform must own the rewrite rule set (not in ignore_changes), or edits to it never reach the gateway');
  const sets = agw.rewrite_rule_set ?? [];
  assert.equal(sets.length, 1, 'one rewrite rule set');
  assert.equal(resolve(sets[0].name), 'covacha-api');
  const rules = sets[0].rewrite_rule ?? [];

  // The client address: taken from the TCP peer, overwriting whatever the client sent in that header.
  const requestHeaders = rules.flatMap((r) => r.request_header_configuration ?? []);
  const client = requestHeaders.find((h) => resolve(h.header_name) === 'X-Covacha-Client-Address');
  assert.ok(client, 'no rule writes X-Covacha-Client-Address');
  assert.equal(client.header_value, '{var_client_ip}');
  assert.ok(!rules.some((r) => r.condition), 'the client-address rule must apply to every request (no condition)');
  assert.ok(!requestHeaders.some((h) => /x-forwarded-for/i.test(resolve(h.header_name))), 'X-Forwarded-For is not the address header');

  // The security headers on every answer.
  const dynamicHeaders = rules.flatMap((r) => [r.dynamic ?? []].flat().flatMap((d) => d.response_header_configuration ?? []));
  const staticHeaders = rules.flatMap((r) => r.response_header_configuration ?? []);
  const headers = {
    ...Object.fromEntries(staticHeaders.map((h) => [resolve(h.header_name), resolve(h.header_value)])),
    ...Object.assign({}, ...dynamicHeaders.map((d) => resolve(d.for_each))),
  };
  assert.equal(headers['X-Content-Type-Options'], 'nosniff');
  assert.equal(headers['X-Frame-Options'], 'DENY');
  assert.equal(headers['Referrer-Policy'], 'no-referrer');
  assert.match(headers['Content-Security-Policy'] ?? '', /frame-ancestors 'none'/);
  for (const d of dynamicHeaders) {
    const content = d.content?.[0] ?? {};
    assert.match(expr(content.header_name), /response_header_configuration\.key/);
    assert.match(expr(content.header_value), /response_header_configuration\.value/);
  }
});
