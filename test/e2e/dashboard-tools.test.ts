import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { TEST_TOKEN } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { startDashboardStack, type DashboardStack } from './dashboard-stack.js';
import { CHROMIUM, launchChromium, screenshot, seriousViolations } from './browser.js';

// The dashboard's YAML editor, history, logs, topology and command palette in a real
// headless Chromium against the real stack (API, controllers, scheduler, simulated node agent).
describe('dashboard tools e2e', { skip: !existsSync(CHROMIUM) && `no ${CHROMIUM} (apt-get install -y chromium)`, timeout: 600_000 }, () => {
  let stack: DashboardStack;
  let browser: Browser;
  let page: Page;

  const manifest = (name: string, replicas: number, label: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${JSON.stringify(label)}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: app
          image: busybox:1.36
          command: ["sleep", "3600"]
`;
  /** Replaces the editor's whole text, as a user pasting a manifest. */
  const typeManifest = async (text: string) => {
    const editor = page.locator('[data-testid=yaml-editor] .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  };
  const runningPod = async (app: string): Promise<string | undefined> => {
    const { pods } = await stack.api.ok(`query($s: String) { pods(namespace: "default", labelSelector: $s) { items { metadata { name } status { phase } } } }`, {
      s: `app=${app}`,
    });
    return pods.items.find((p: { status: { phase: string } }) => p.status.phase === 'Running')?.metadata.name;
  };

  before(async () => {
    stack = await startDashboardStack();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await page.goto(`${stack.dashboardUrl}/sign-in`);
    await page.getByLabel('Bearer token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    // The history, logs, topology and palette checks share one Deployment made through the API.
    await stack.api.ok(`mutation($m: String!) { apply(manifest: $m, namespace: "default") { objects { name } } }`, { m: manifest('e2e-tools', 1, 'e2e-tools') });
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  test('applying YAML with an invalid label shows the field error at its line; a valid one applies', async () => {
    await page.goto(`${stack.dashboardUrl}/apply?namespace=default`);
    await typeManifest(manifest('e2e-yaml', 1, '-not a label-'));
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    const error = page.getByTestId('apply-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /metadata\.labels\[app\]/);
    assert.match((await error.textContent()) ?? '', /line 6/);
    const marked = page.getByTestId('yaml-error-line');
    await marked.waitFor();
    assert.match((await marked.textContent()) ?? '', /app: "-not a label-"/);
    await screenshot(page, 'apply-yaml-error');
    assert.deepEqual(await seriousViolations(page), []);

    await typeManifest(manifest('e2e-yaml', 1, 'e2e-yaml'));
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByTestId('dry-run').getByText('created (dry run)').waitFor();
    const { deployment: before } = await stack.api.ok(`{ deployment(namespace: "default", name: "e2e-yaml") { metadata { name } } }`);
    assert.equal(before, null, 'a dry run writes nothing');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.getByTestId('apply-result').getByText('created').waitFor();
    const { deployment } = await stack.api.ok(`{ deployment(namespace: "default", name: "e2e-yaml") { spec { replicas } } }`);
    assert.equal(deployment.spec.replicas, 1);
  });

  test('the history view shows the scale change as a diff, and grows live', async () => {
    await page.goto(`${stack.dashboardUrl}/history/deployments/default/e2e-tools`);
    await page.getByTestId('revisions').waitFor();
    await stack.api.ok(`mutation { scaleDeployment(namespace: "default", name: "e2e-tools", replicas: 2) { metadata { name } } }`);
    // The scale arrives live; controllers' status writes may land around it.
    const scaleRow = page.locator('[data-testid^=revision-]').filter({ hasText: 'spec.replicas' }).first();
    await scaleRow.waitFor({ timeout: 15_000 });
    const revision = (await scaleRow.getAttribute('data-testid'))!.replace('revision-', '');
    const all = await page.locator('[data-testid^=revision-]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('revision-', '')));
    const previous = all[all.indexOf(revision) - 1]!;
    await page.getByLabel(`Compare from revision ${previous}`).check();
    await page.getByLabel(`Compare to revision ${revision}`).check();
    const diff = page.getByTestId('revision-diff');
    await diff.locator('[data-diff=removed]', { hasText: 'replicas: 1' }).waitFor();
    await diff.locator('[data-diff=added]', { hasText: 'replicas: 2' }).waitFor();
    const actor = await scaleRow.locator('td').nth(5).textContent();
    assert.equal(actor, 'admin');
    await screenshot(page, 'history');
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('editing YAML warns, live, when someone else changes the object meanwhile; a dry run previews the stored object', async () => {
    await page.goto(`${stack.dashboardUrl}/edit/deployments/default/e2e-tools`);
    await page.locator('[data-testid=yaml-editor] .cm-content').getByText('name: e2e-tools').first().waitFor();
    const { deployment } = await stack.api.ok(`{ deployment(namespace: "default", name: "e2e-tools") { spec { replicas } } }`);
    await stack.api.ok(`mutation($r: Int!) { scaleDeployment(namespace: "default", name: "e2e-tools", replicas: $r) { metadata { name } } }`, { r: deployment.spec.replicas + 1 });
    const conflict = page.getByTestId('edit-conflict');
    await conflict.waitFor({ timeout: 10_000 });
    assert.match((await conflict.textContent()) ?? '', /spec\.replicas/);
    await screenshot(page, 'edit-conflict');
    assert.deepEqual(await seriousViolations(page), []);
    await conflict.getByRole('button', { name: /Reload/ }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Dry run' }).click();
    const preview = page.getByTestId('dry-run');
    await preview.getByText('(dry run)').waitFor();
    assert.match((await preview.getByTestId('yaml-preview').textContent()) ?? '', new RegExp(`replicas: ${deployment.spec.replicas + 1}`));
  });

  test('logs of a running pod stream while the page is open, and search filters them', async () => {
    let pod: string | undefined;
    await eventually(
      async () => {
        pod = await runningPod('e2e-tools');
        return Boolean(pod);
      },
      60_000,
      'a running e2e-tools pod',
    );
    await page.goto(`${stack.dashboardUrl}/logs/pods/default/${pod}`);
    const lines = page.getByTestId('log-lines');
    await lines.getByText(/simulated container app .* started/).waitFor({ timeout: 20_000 });
    // The simulated container writes a line every 5 s: a new one must arrive on the open stream.
    const ticks = async () => (await lines.textContent())?.match(/working, tick \d+/g)?.length ?? 0;
    const seen = await ticks();
    await eventually(async () => (await ticks()) > seen, 20_000, 'a new log line streamed in');
    await page.getByLabel('Search', { exact: true }).fill('started');
    await eventually(async () => (await lines.locator('mark').count()) === 1 && (await ticks()) === 0, 5_000, 'search to keep only the start line');
    await screenshot(page, 'pod-logs');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    assert.match(download.suggestedFilename(), new RegExp(`^${pod}_app_\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.log$`));
    const saved = await readFile((await download.path())!, 'utf8');
    assert.match(saved, /simulated container app .* started/);
    assert.match(saved, /working, tick \d+/, 'the file holds every line, not only the search hits');
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('following a log longer than the view stays at the newest line, until the reader scrolls up (issue 16 bug 2)', async () => {
    // A simulated container that logs every 50 ms: the log outgrows the view within seconds.
    const chatty = manifest('e2e-chatty', 1, 'e2e-chatty').replace(
      '    metadata:\n      labels:\n        app: e2e-chatty',
      '    metadata:\n      annotations:\n        sim.wheelhouse.io/log-every-ms: "50"\n      labels:\n        app: e2e-chatty',
    );
    assert.match(chatty, /log-every-ms/);
    await stack.api.ok(`mutation($m: String!) { apply(manifest: $m, namespace: "default") { objects { name } } }`, { m: chatty });
    let pod: string | undefined;
    await eventually(
      async () => {
        pod = await runningPod('e2e-chatty');
        return Boolean(pod);
      },
      60_000,
      'a running e2e-chatty pod',
    );
    // Opened on a log already longer than the view, as a reader arriving late: the tail comes in one burst.
    await eventually(
      async () => {
        const { podLogs } = await stack.api.ok(`query($n: String!) { podLogs(namespace: "default", name: $n) }`, { n: pod });
        return (podLogs as string).split('\n').length > 250;
      },
      60_000,
      'the chatty pod to write 250 lines',
    );
    await page.goto(`${stack.dashboardUrl}/logs/pods/default/${pod}`);
    const lines = page.getByTestId('log-lines');
    await lines
      .getByText(/working, tick \d+/)
      .first()
      .waitFor({ timeout: 20_000 });
    /** The viewport's scroll state and the newest tick shown. */
    const view = () =>
      lines.evaluate((pre) => {
        const viewport = pre.closest('[data-radix-scroll-area-viewport], .mantine-ScrollArea-viewport');
        const ticks = pre.textContent?.match(/tick (\d+)/g) ?? [];
        return {
          gap: viewport.scrollHeight - viewport.scrollTop - viewport.clientHeight,
          overflow: viewport.scrollHeight - viewport.clientHeight,
          scrollTop: viewport.scrollTop,
          newest: Number(ticks.at(-1)?.slice(5) ?? 0),
        };
      });
    await eventually(async () => (await view()).overflow > 1000, 30_000, 'the log to outgrow the view by 1000 px');
    // Several rounds of new lines: after each, the newest line is in view.
    for (let round = 0; round < 5; round++) {
      const before = await view();
      await eventually(async () => (await view()).newest > before.newest + 5, 10_000, 'more lines streamed in');
      const now = await view();
      assert.ok(now.gap <= 30, `round ${round}: ${now.gap} px short of the bottom while following (${JSON.stringify(now)})`);
    }
    // The reader scrolls up: new lines no longer move the view.
    await lines.evaluate((pre) => {
      const viewport = pre.closest('[data-radix-scroll-area-viewport], .mantine-ScrollArea-viewport');
      viewport.scrollTop = 100;
      viewport.dispatchEvent(new Event('scroll'));
    });
    const scrolled = await view();
    await eventually(async () => (await view()).newest > scrolled.newest + 5, 10_000, 'more lines streamed in');
    assert.ok(Math.abs((await view()).scrollTop - 100) <= 2, 'scrolled up, the view stays where the reader put it');
    await stack.api.ok(`mutation { deleteDeployment(namespace: "default", name: "e2e-chatty") { metadata { name } } }`);
  });

  test('the topology map links the Deployment, its ReplicaSet, pods and the node', async () => {
    await page.goto(`${stack.dashboardUrl}/topology?namespace=default`);
    await page.getByTestId('topology-Deployment-e2e-tools').waitFor();
    const { deployment } = await stack.api.ok(`{ deployment(namespace: "default", name: "e2e-tools") { spec { replicas } } }`);
    const want = deployment.spec.replicas as number;
    await eventually(async () => (await page.locator('[data-testid^=topology-Pod-e2e-tools-]').count()) === want, 30_000, `${want} pods on the map`);
    await page.getByTestId('topology-Node-e2e-node').waitFor();
    assert.equal(await page.locator('[data-testid^=topology-ReplicaSet-e2e-tools-]').count(), 1);
    await screenshot(page, 'topology');
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('the topology map shows an Ingress and the Service it routes to (edges to pods: build-graph unit test)', async () => {
    await stack.api.ok(
      `mutation { createService(namespace: "default", input: { metadata: { name: "e2e-tools" }, spec: { selector: { app: "e2e-tools" }, ports: [{ port: 80 }] } }) { metadata { name } } }`,
    );
    await stack.api.ok(
      `mutation { createIngress(namespace: "default", input: { metadata: { name: "e2e-tools" }, spec: { rules: [{ host: "tools.test", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "e2e-tools", port: { number: 80 } } } }] } }] } }) { metadata { name } } }`,
    );
    await page.goto(`${stack.dashboardUrl}/topology?namespace=default`);
    await page.getByTestId('topology-Ingress-e2e-tools').waitFor();
    await page.getByTestId('topology-Service-e2e-tools').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('Ctrl+K goes to an object by name', async () => {
    await page.keyboard.press('Control+K');
    await page.getByLabel('Search kinds and objects').fill('e2e-tools deployment');
    // In the palette: the page behind it (the topology) has its own e2e-tools buttons.
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /e2e-tools/ })
      .first()
      .click();
    await page.waitForURL(/\/deployments\/default\/e2e-tools(\?|$)/);
  });
});
