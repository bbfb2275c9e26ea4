// Runs scripts/deploy.sh release against stand-ins for az, terraform,
// kubectl, kubelogin and curl (fixtures/bin/fake-tool), with the real
// `kubectl kustomize` rendering a fixture overlay: the order of the steps, the
// manifests it applies, and the rollback when a rollout or the smoke test fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, cpSync, symlinkSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../lib/repo.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
// Without the stand-in, PATH would fall through to real az/terraform/kubectl.
const fakeTool = join(fixtures, 'fake-bin', 'fake-tool');
assert.ok(existsSync(fakeTool), `${fakeTool} is missing`);
const realKubectl = spawnSync('bash', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
const TAG = 'abc123';
const HOST = 'covacha-dev.westeurope.cloudapp.azure.com';

function release(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'covacha-deploy-'));
  mkdirSync(join(dir, 'scripts'));
  cpSync(join(repoRoot, 'scripts', 'deploy.sh'), join(dir, 'scripts', 'deploy.sh'));
  cpSync(join(repoRoot, 'scripts', 'lib.sh'), join(dir, 'scripts', 'lib.sh'));
  cpSync(join(fixtures, 'k8s'), join(dir, 'k8s'), { recursive: true });
  mkdirSync(join(dir, 'terraform', 'environments', 'dev'), { recursive: true });
  writeFileSync(join(dir, 'terraform', 'environments', 'dev', 'backend.hcl'), '');
  mkdirSync(join(dir, 'bin'));
  for (const tool of ['az', 'terraform', 'kubectl', 'kubelogin', 'curl']) {
    symlinkSync(fakeTool, join(dir, 'bin', tool));
  }
  mkdirSync(join(dir, 'state'));
  const calls = join(dir, 'calls.log');
  writeFileSync(calls, '');
  const run = spawnSync('bash', [join(dir, 'scripts', 'deploy.sh'), 'release', 'dev', '--tag', TAG], {
    encoding: 'utf8',
    env: {
      ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, FAKE_CALLS: calls,
      FAKE_STATE: join(dir, 'state'), REAL_KUBECTL: realKubectl, COVACHA_SMOKE_TIMEOUT: '0', ...env,
    },
  });
  const work = join(dir, '.covacha', 'deploy', 'dev');
  const readWork = (f) => (existsSync(join(work, f)) ? readFileSync(join(work, f), 'utf8') : '');
  return { ...run, calls: readFileSync(calls, 'utf8').split('\n').filter(Boolean), readWork };
}

const indexOf = (calls, re) => calls.findIndex((c) => re.test(c));

test('release migrates, applies, waits and smoke-tests in that order, with images pinned and Azure values set', { skip: !realKubectl && 'kubectl not installed' }, () => {
  const r = release();
  assert.equal(r.status, 0, r.stderr);
  const { calls } = r;
  const deleteJobs = indexOf(calls, /^kubectl -n covacha delete job migrate-auth migrate-products migrate-search/);
  const applyInfra = indexOf(calls, /^kubectl apply -f .*manifests-no-apps\.yaml$/);
  const waitJob = indexOf(calls, /^kubectl -n covacha get job migrate-search/);
  const applyAll = indexOf(calls, /^kubectl apply -f .*\/manifests\.yaml$/);
  const rollout = indexOf(calls, /^kubectl -n covacha rollout status deployment\/search-indexer/);
  const smoke = indexOf(calls, /^curl .*\/api\/search\/health\/ready$/);
  assert.ok(deleteJobs >= 0 && deleteJobs < applyInfra && applyInfra < waitJob && waitJob < applyAll
    && applyAll < rollout && rollout < smoke, `unexpected order:\n${calls.join('\n')}`);
  for (const svc of ['auth', 'products', 'search']) {
    assert.ok(calls.some((c) => c.startsWith('curl ') && c.endsWith(`https://${HOST}/api/${svc}/health/ready`)), `no smoke call for ${svc}`);
  }
  assert.equal(indexOf(calls, /rollout undo/), -1, 'a good release must not roll back');

  const all = r.readWork('manifests.yaml');
  assert.match(all, /image: acrcovachadev\.azurecr\.io\/covacha\/auth:abc123/);
  assert.match(all, /image: acrcovachadev\.azurecr\.io\/covacha\/frontend:abc123/);
  assert.match(all, /keyvaultName: kv-covacha-dev-abc123/);
  assert.match(all, /tenantId: 00000000-0000-0000-0000-000000000001/);
  assert.match(all, /userAssignedIdentityID: 00000000-0000-0000-0000-000000000002/);
  assert.match(all, new RegExp(`host: ${HOST.replace(/\./g, '\\.')}`));
  const infra = r.readWork('manifests-no-apps.yaml');
  assert.match(infra, /kind: Job/);
  assert.match(infra, /kind: SecretProviderClass/);
  assert.doesNotMatch(infra, /kind: Deployment/, 'app Deployments must wait until migrations are done');
  assert.equal(r.readWork('revisions-before').trim().split('\n')[0], 'auth=3');
});

test('a rollout that does not finish rolls every Deployment back to its recorded revision', { skip: !realKubectl && 'kubectl not installed' }, () => {
  const r = release({ FAKE_FAIL_ROLLOUT: 'search-api' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /rolled back/);
  for (const d of ['auth', 'products', 'search-api', 'search-indexer', 'frontend']) {
    assert.ok(r.calls.includes(`kubectl -n covacha rollout undo deployment/${d} --to-revision=3`), `${d} not rolled back:\n${r.calls.join('\n')}`);
  }
  assert.equal(indexOf(r.calls, /^curl /), -1, 'no smoke test after a failed rollout');
});

test('a failing smoke test rolls the release back', { skip: !realKubectl && 'kubectl not installed' }, () => {
  const r = release({ FAKE_HTTP_CODE: '503' });
  assert.notEqual(r.status, 0);
  assert.ok(r.calls.includes('kubectl -n covacha rollout undo deployment/auth --to-revision=3'), r.calls.join('\n'));
});
