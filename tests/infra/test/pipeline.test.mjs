// The Jenkinsfile, the GitHub workflow and scripts/deploy.sh: they run the
// tests, build the images k8s/ deploys, and deploy in the order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import { repoRoot, read, existsSync } from '../lib/repo.mjs';

const jenkinsfile = read(join(repoRoot, 'Jenkinsfile'));
const workflowPath = join(repoRoot, '.github', 'workflows', 'delivery.yml');
const workflowSrc = read(workflowPath);
const workflow = YAML.parse(workflowSrc);
const deploySh = read(join(repoRoot, 'scripts', 'deploy.sh'));

// Image → Dockerfile, build context and APP build argument (the Functions app the
// shared functions/Dockerfile builds; empty for the frontend).
const DOCKERFILES = {
  'covacha/auth': ['functions/Dockerfile', '.', 'Auth'],
  'covacha/products': ['functions/Dockerfile', '.', 'Products'],
  'covacha/search': ['functions/Dockerfile', '.', 'Search'],
  'covacha/frontend': ['frontend/Dockerfile', 'frontend', ''],
};

// k8s/ is written by the Kubernetes work; COVACHA_K8S_DIR points the check at
// another checkout of it.
function k8sImageNames() {
  const k8sDir = process.env.COVACHA_K8S_DIR ?? join(repoRoot, 'k8s');
  const file = join(k8sDir, 'overlays', 'aks', 'kustomization.yaml');
  assert.ok(existsSync(file),
    `${file} does not exist: the image-name check needs the aks overlay's kustomize images: entries (k8s/ comes from the Kubernetes issue)`);
  const images = YAML.parse(read(file))?.images;
  assert.ok(Array.isArray(images) && images.length, `${file} has no images: entries`);
  return images.map((i) => i.name).sort();
}

const jenkinsImages = () => [...jenkinsfile.matchAll(/\[name: '([^']+)', dockerfile: '([^']+)', context: '([^']+)', app: '([^']*)'\]/g)]
  .map((m) => ({ name: m[1], dockerfile: m[2], context: m[3], app: m[4] }));
const workflowImages = () => workflow.jobs.images.strategy.matrix.image;
const deployShImages = () => [...deploySh.matchAll(/^\s+"(covacha\/[a-z-]+)\|([^|]+)\|([^|]+)\|([^"]*)"$/gm)]
  .map((m) => ({ name: m[1], dockerfile: m[2], context: m[3], app: m[4] }));
const runSteps = (job) => (job.steps ?? []).map((s) => s.run ?? '').join('\n');

test('the Jenkinsfile and the workflow run ./covacha test', () => {
  assert.match(jenkinsfile, /sh\s+'\.\/covacha test'/);
  assert.match(runSteps(workflow.jobs.test), /^\.\/covacha test$/m);
});

test('the Jenkinsfile, the workflow and deploy.sh build the images k8s/overlays/aks deploys, from the agreed Dockerfiles', () => {
  const expected = k8sImageNames();
  for (const [who, images] of [['Jenkinsfile', jenkinsImages()], ['workflow', workflowImages()], ['scripts/deploy.sh', deployShImages()]]) {
    assert.deepEqual(images.map((i) => i.name).sort(), expected, `${who} builds different images than k8s/overlays/aks names`);
    for (const i of images) {
      assert.deepEqual([i.dockerfile, i.context, i.app], DOCKERFILES[i.name], `${who}: ${i.name} built from the wrong Dockerfile/context/APP`);
    }
  }
  // Each builder hands the APP argument to the Dockerfile.
  assert.match(jenkinsfile, /docker build [^"]*--build-arg APP=\$\{img\.app\}/);
  assert.equal(deploySh.match(/--build-arg "APP=\$app"/g)?.length, 2, 'scripts/deploy.sh: docker build and az acr build both pass APP');
  const buildStep = workflow.jobs.images.steps.find((st) => (st.uses ?? '').startsWith('docker/build-push-action'));
  assert.equal(buildStep.with['build-args'], 'APP=${{ matrix.image.app }}');
  // The workflow's push loop names the same images.
  for (const name of expected) assert.match(runSteps(workflow.jobs.plan), new RegExp(name.replace('/', '\\/')));
});

test('the Jenkinsfile is webhook-triggered and runs the stages in order, with approval and rollback', () => {
  assert.match(jenkinsfile, /triggers\s*\{[^}]*githubPush\(\)/s, 'no webhook trigger');
  const order = ['Checkout', 'Test', 'Build and push images', 'Terraform plan', 'Approve and apply', 'Migrations',
    'Apply manifests', 'Wait for rollouts', 'Smoke test through the gateway'];
  let last = -1;
  for (const stage of order) {
    const at = jenkinsfile.indexOf(`stage('${stage}')`);
    assert.ok(at > last, `stage '${stage}' is missing or out of order`);
    last = at;
  }
  const apply = jenkinsfile.slice(jenkinsfile.indexOf("stage('Approve and apply')"), jenkinsfile.indexOf("stage('Migrations')"));
  assert.match(apply, /when\s*\{\s*branch 'main'\s*\}/);
  assert.match(apply, /input message:/);
  assert.match(jenkinsfile, /post\s*\{\s*failure\s*\{[\s\S]*deploy\.sh rollback/);
  assert.match(jenkinsfile, /--tag "\$IMAGE_TAG"/);
  assert.match(jenkinsfile, /IMAGE_TAG = "\$\{env\.GIT_COMMIT\}"/, 'images must be tagged with the commit');
});

test('the workflow runs on webhooks, checks terraform, and deploys main with approval, smoke test and rollback', () => {
  assert.ok(workflow.on.push && 'pull_request' in workflow.on, 'workflow must run on push and pull_request');
  const tf = runSteps(workflow.jobs['terraform-static']);
  assert.match(tf, /terraform fmt -check/);
  assert.match(tf, /terraform -chdir=terraform validate/);
  assert.equal(workflow.env.IMAGE_TAG, '${{ github.sha }}');
  const deploy = workflow.jobs.deploy;
  assert.ok(deploy.environment, 'deploy job needs an environment (required reviewers = approval)');
  assert.match(workflow.jobs.plan.if, /refs\/heads\/main/);
  const steps = runSteps(deploy);
  const order = ['deploy.sh plan', 'deploy.sh apply', 'deploy.sh migrate', 'deploy.sh apply-manifests', 'deploy.sh wait', 'deploy.sh smoke'];
  let last = -1;
  for (const s of order) {
    const at = steps.indexOf(s);
    assert.ok(at > last, `deploy job: '${s}' is missing or out of order`);
    last = at;
  }
  const rollback = deploy.steps.find((s) => /deploy\.sh rollback/.test(s.run ?? ''));
  assert.match(rollback?.if ?? '', /failure\(\)/);
});

test('the smoke test calls the three readiness endpoints', () => {
  for (const path of ['/api/auth/health/ready', '/api/products/health/ready', '/api/search/health/ready']) {
    assert.ok(deploySh.includes(path), `deploy.sh does not call ${path}`);
  }
});

test('deploy.sh is valid bash (and clean under shellcheck when installed)', (t) => {
  const syntax = spawnSync('bash', ['-n', join(repoRoot, 'scripts', 'deploy.sh')], { encoding: 'utf8' });
  assert.equal(syntax.status, 0, syntax.stderr);
  const sc = spawnSync('shellcheck', [join(repoRoot, 'scripts', 'deploy.sh')], { encoding: 'utf8' });
  if (sc.error) { t.skip('shellcheck not installed'); return; }
  assert.equal(sc.status, 0, sc.stdout);
});
