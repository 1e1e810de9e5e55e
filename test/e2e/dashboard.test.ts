import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_TOKEN } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { startDashboardStack, type DashboardStack } from './dashboard-stack.js';
import { CHROMIUM, launchChromium, screenshot, seriousViolations } from './browser.js';

// The dashboard in a real headless Chromium against a real cluster: API, controller-manager,
// scheduler, node agent and the dashboard server built by `next build`.
describe('dashboard e2e', { skip: !existsSync(CHROMIUM) && `no ${CHROMIUM} (apt-get install -y chromium)`, timeout: 600_000 }, () => {
  let stack: DashboardStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const latencies: Record<string, number> = {};

  const deployment = (name: string, replicas: number) =>
    stack.api.ok(`mutation($input: DeploymentInput!) { createDeployment(namespace: "default", input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name, labels: { app: name } },
        spec: {
          replicas,
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
          },
        },
      },
    });
  const podNames = async (app: string): Promise<string[]> => {
    const { pods } = await stack.api.ok(`query($s: String) { pods(namespace: "default", labelSelector: $s) { items { metadata { name deletionTimestamp } status { phase } } } }`, {
      s: `app=${app}`,
    });
    return pods.items.filter((p: { metadata: { deletionTimestamp: string | null } }) => !p.metadata.deletionTimestamp).map((p: { metadata: { name: string } }) => p.metadata.name);
  };
  const row = (name: string) => page.locator(`[data-testid=resource-row][data-name="${name}"]`);
  /** Marks the document so a reload (which would lose the mark) fails the test. */
  const markDocument = () => page.evaluate('window.e2eMark = 1');
  const stillSameDocument = async () => (await page.evaluate('window.e2eMark === 1')) === true;

  before(async () => {
    stack = await startDashboardStack();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
  });
  after(async () => {
    console.log(`dashboard e2e latencies (API write → on screen, ms): ${JSON.stringify(latencies)}`);
    await browser?.close();
    await stack?.close();
  });

  test('signed-out users get the sign-in page; a wrong token is refused; the token lands in an httpOnly cookie', async () => {
    await page.goto(`${stack.dashboardUrl}/deployments?namespace=default`);
    await page.waitForURL(/\/sign-in\?next=/);
    await screenshot(page, 'sign-in');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByLabel('Bearer token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'invalid bearer token' }).waitFor();
    await page.getByLabel('Bearer token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack.dashboardUrl}/deployments?namespace=default`);
    const cookie = (await context.cookies()).find((c) => c.name === 'wh-token');
    assert.equal(cookie?.httpOnly, true);
    assert.equal(await page.evaluate('document.cookie.includes("wh-token")'), false, 'page scripts cannot read the token');
    assert.equal(await page.evaluate(`JSON.stringify(localStorage).includes(${JSON.stringify(TEST_TOKEN)})`), false, 'nor is it in localStorage');
  });

  test('a Deployment created through the API appears in the list live, without a reload', async () => {
    await page.getByRole('heading', { name: 'Deployments' }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    await markDocument();
    const started = Date.now();
    await deployment('e2e-web', 1);
    // A hang guard, not a speed check: the latency is printed after the run (see `latencies`).
    await row('e2e-web').waitFor({ timeout: 30_000 });
    latencies.createToListRow = Date.now() - started;
    assert.ok(await stillSameDocument(), 'no reload');
    await eventually(async () => (await row('e2e-web').locator('[data-column=ready]').textContent()) === '1/1', 60_000, 'the deployment to be 1/1 ready');
    await screenshot(page, 'deployments');
  });

  test('scaling in the UI changes the pod count shown live', async () => {
    await row('e2e-web').getByRole('link', { name: 'e2e-web' }).click();
    await page.waitForURL(/\/deployments\/default\/e2e-web$/);
    await page.getByTestId('child-pods').waitFor();
    await markDocument();
    await page.getByRole('button', { name: 'Scale' }).click();
    await page.getByRole('dialog').getByLabel('Replicas').fill('3');
    const started = Date.now();
    await page.getByRole('dialog').getByRole('button', { name: 'Scale' }).click();
    await page.getByRole('heading', { name: 'Pods (3)' }).waitFor({ timeout: 30_000 });
    latencies.scaleToPodCount = Date.now() - started;
    await page.locator('[data-summary=ready]').getByText('3/3').waitFor({ timeout: 60_000 });
    assert.ok(await stillSameDocument(), 'no reload');
    const { deployment: d } = await stack.api.ok(`{ deployment(namespace: "default", name: "e2e-web") { spec { replicas } } }`);
    assert.equal(d.spec.replicas, 3);
    await screenshot(page, 'deployment-detail');
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('a pod deleted from outside disappears from the list live', async () => {
    await page.goto(`${stack.dashboardUrl}/pods?namespace=default`);
    const [victim] = await podNames('e2e-web');
    assert.ok(victim);
    await row(victim!).waitFor();
    await markDocument();
    const started = Date.now();
    await stack.api.ok(`mutation($name: String!) { deletePod(namespace: "default", name: $name, gracePeriodSeconds: 0) { metadata { name } } }`, { name: victim });
    await row(victim!).waitFor({ state: 'detached', timeout: 10_000 });
    latencies.deleteToRowGone = Date.now() - started;
    assert.ok(await stillSameDocument(), 'no reload');
    await screenshot(page, 'pods');
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('an invalid label selector shows the API message', async () => {
    await page.getByTestId('label-selector').fill('app in (web');
    await page.getByTestId('label-selector').press('Enter');
    const alert = page.getByTestId('list-error');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /labelSelector/);
    await page.getByTestId('label-selector').fill('app=e2e-web');
    await page.getByTestId('label-selector').press('Enter');
    await alert.waitFor({ state: 'detached' });
    await eventually(async () => (await page.locator('[data-testid=resource-row]').count()) === 3, 30_000, 'three e2e-web pods');
  });

  test('the overview shows nodes, pods by phase and workloads, and passes axe in both themes', async () => {
    await page.goto(`${stack.dashboardUrl}/`);
    await page.locator('[data-testid=node-capacity][data-node=e2e-node]').waitFor();
    await eventually(async () => /Running: 3/.test((await page.getByTestId('phase-Running').textContent()) ?? ''), 30_000, 'three running pods');
    await screenshot(page, 'overview-dark');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Switch to dark theme' }).waitFor();
    await page.locator('[data-testid=node-capacity][data-node=e2e-node]').waitFor();
    await screenshot(page, 'overview-light');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  });

  test('the namespace switcher, text search and sortable columns work on a list', async () => {
    await page.goto(`${stack.dashboardUrl}/pods?namespace=default`);
    await page.locator('[data-testid=resource-row]').first().waitFor();
    assert.equal(await page.getByRole('columnheader', { name: 'Namespace' }).count(), 0, 'one namespace: no namespace column');
    await page.getByRole('combobox', { name: 'Namespace' }).click();
    await page.getByRole('option', { name: 'All namespaces' }).click();
    await page.waitForURL((url) => !url.searchParams.has('namespace'));
    await page.getByRole('columnheader', { name: 'Namespace' }).waitFor();
    await page.getByTestId('search').fill('no-such-pod');
    await page
      .getByTestId('row-count')
      .getByText(/^0 of \d+ pods$/)
      .waitFor();
    await page.getByTestId('search').fill('e2e-web');
    await page
      .getByTestId('row-count')
      .getByText(/^3 (of \d+ )?pods$/)
      .waitFor();
    const names = () => page.locator('[data-testid=resource-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    const ascending = await names();
    assert.deepEqual(ascending, [...ascending].sort(new Intl.Collator('en', { numeric: true }).compare));
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await page.locator('th[aria-sort=descending]').waitFor();
    assert.deepEqual(await names(), [...ascending].reverse());
  });

  test('rollout restart, pause and resume, then delete with propagation, from the detail page', async () => {
    await deployment('e2e-actions', 1);
    await page.goto(`${stack.dashboardUrl}/deployments/default/e2e-actions`);
    const replicaSets = page.getByTestId('child-replicasets').locator('[data-testid=related-row]');
    await eventually(async () => (await replicaSets.count()) === 1, 30_000, 'the first ReplicaSet');
    await page.getByRole('button', { name: 'Restart' }).click();
    await eventually(async () => (await replicaSets.count()) === 2, 30_000, 'a second ReplicaSet after the restart');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    const paused = async () => (await stack.api.ok(`{ deployment(namespace: "default", name: "e2e-actions") { spec { paused } } }`)).deployment.spec.paused;
    assert.equal(await paused(), true);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    assert.notEqual(await paused(), true);
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Grace period (seconds)').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'the open dialog is accessible too');
    await dialog.getByLabel('Grace period (seconds)').fill('0');
    await dialog.getByRole('combobox', { name: 'Dependents' }).click();
    await page.getByRole('option', { name: /^Foreground/ }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/deployments$/);
    await eventually(
      async () => (await stack.api.ok(`{ deployment(namespace: "default", name: "e2e-actions") { metadata { name } } }`)).deployment === null,
      60_000,
      'the deployment to be deleted',
    );
    await eventually(async () => (await podNames('e2e-actions')).length === 0, 60_000, 'its pods to be deleted');
    await row('e2e-actions').waitFor({ state: 'detached', timeout: 10_000 });
  });

  test('when the socket drops the page shows Reconnecting…, then resumes and catches up', async () => {
    await page.goto(`${stack.dashboardUrl}/deployments?namespace=default`);
    await row('e2e-web').waitFor();
    await markDocument();
    await stack.restartDashboard(async () => {
      await page.getByTestId('reconnecting').first().waitFor({ timeout: 15_000 });
      await deployment('e2e-while-away', 1);
    });
    await row('e2e-while-away').waitFor({ timeout: 30_000 });
    await page.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 30_000 });
    assert.ok(await stillSameDocument(), 'resumed without a reload');
  });
});
