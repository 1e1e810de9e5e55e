import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { TEST_TOKEN } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { seedScale, waitForScalePods } from '../support/scale-seed.js';
import { startDashboardStack, type DashboardStack } from './dashboard-stack.js';
import { CHROMIUM, launchChromium, screenshot } from './browser.js';

const PODS = 2000;
const NODES = 40;
/** A round-trip into the page that takes longer means the tab stopped answering (generous: the machine is shared). */
const LIVENESS_MS = 5000;

/**
 * Every LIVENESS probe into the page for `ms` must come back: the tab keeps answering while
 * it renders thousands of objects and their watch events. Returns the slowest round-trip.
 */
async function keepsAnswering(page: Page, ms: number): Promise<number> {
  let slowest = 0;
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    const started = Date.now();
    const answer = await Promise.race([page.evaluate('document.readyState'), new Promise((r) => setTimeout(() => r('no answer'), LIVENESS_MS))]);
    assert.notEqual(answer, 'no answer', `the page did not answer within ${LIVENESS_MS} ms`);
    slowest = Math.max(slowest, Date.now() - started);
  }
  return slowest;
}

// Topology and the Pods list on a few-thousand-pod cluster (wh seed --scale's manifests, simulated nodes).
describe('dashboard at scale e2e', { skip: !existsSync(CHROMIUM) && `no ${CHROMIUM} (apt-get install -y chromium)`, timeout: 1_800_000 }, () => {
  let stack: DashboardStack;
  let browser: Browser;
  let page: Page;
  const slowest: Record<string, number> = {};

  before(async () => {
    stack = await startDashboardStack({
      agentArgs: ['--manage-annotated', '--nodes', '1', '--node-prefix', 'e2e-'],
      agentEnv: { WHEELHOUSE_NODE_LEASE_RENEW_MS: '10000', WHEELHOUSE_NODE_STATUS_UPDATE_MS: '10000', WHEELHOUSE_SIM_START_DELAY_MS: '0-200' },
    });
    await seedScale(stack.api, NODES, PODS);
    await waitForScalePods(stack.api, PODS, { running: false, timeoutMs: 1_200_000 });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await page.goto(`${stack.dashboardUrl}/sign-in`);
    await page.getByLabel('Bearer token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  });
  after(async () => {
    console.log(`dashboard scale e2e, slowest page round-trip (ms): ${JSON.stringify(slowest)}`);
    await browser?.close();
    await stack?.close();
  });

  test('Topology of all namespaces groups thousands of pods, keeps answering, and opens a group down to one Deployment', async () => {
    await page.goto(`${stack.dashboardUrl}/topology`);
    await page.getByTestId('topology-group-scale').waitFor({ timeout: 120_000 });
    slowest.topologyGroups = await keepsAnswering(page, 10_000);
    // Every page of the pod list counted in the group.
    await eventually(
      async () => new RegExp(`/${PODS} pods healthy`).test((await page.getByTestId('topology-group-scale').textContent()) ?? ''),
      120_000,
      `the scale group to count ${PODS} pods`,
    );
    await screenshot(page, 'topology-scale-groups');
    // Open the namespace: more than the detail limit, so grouped by owner.
    await page.getByTestId('topology-group-scale').click();
    await page.waitForURL(/namespace=scale/);
    // Unhealthy groups come first: open whichever Deployment leads.
    const owner = page.locator('[data-testid^="topology-group-Deployment scale/"]').first();
    await owner.waitFor({ timeout: 60_000 });
    assert.match((await owner.getAttribute('data-testid')) ?? '', /^topology-group-Deployment scale\/load-\d{4}$/);
    slowest.topologyOwners = await keepsAnswering(page, 5000);
    // Open one Deployment: focus mode draws it, its ReplicaSet, its pods and their nodes. Which one is read
    // from the URL after the click: health reorders the groups live (and only the visible ones are drawn).
    await owner.click();
    await page.waitForURL((url) => /^Deployment\/scale\/load-\d{4}$/.test(url.searchParams.get('focus') ?? ''));
    const name = new URL(page.url()).searchParams.get('focus')!.replace('Deployment/scale/', '');
    await page.getByTestId(`topology-Deployment-${name}`).waitFor({ timeout: 60_000 });
    await eventually(async () => (await page.locator(`[data-testid^=topology-Pod-${name}-]`).count()) === 10, 60_000, `the 10 pods of ${name} on the map`);
    assert.equal(await page.locator(`[data-testid^=topology-ReplicaSet-${name}-]`).count(), 1);
    assert.equal(await page.locator('[data-testid^=topology-Deployment-]').count(), 1, 'only the focused Deployment');
    assert.ok((await page.locator('[data-testid^=topology-Node-]').count()) >= 1, 'the nodes its pods run on');
    slowest.topologyFocus = await keepsAnswering(page, 5000);
    await screenshot(page, 'topology-scale-focus');
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.locator('[data-testid^="topology-group-Deployment scale/"]').first().waitFor({ timeout: 60_000 });
  });

  test('the all-namespaces Pods list shows rows, completes its paged list, sorts and keeps answering', async () => {
    await page.goto(`${stack.dashboardUrl}/pods`);
    await page.locator('[data-testid=resource-row]').first().waitFor({ timeout: 60_000 });
    slowest.podsLoading = await keepsAnswering(page, 5000);
    // Every page of the list arrives (the seeded pods, plus any in other namespaces).
    await eventually(
      async () => {
        const text =
          (await page
            .getByText(/\d+ pods/)
            .first()
            .textContent()) ?? '';
        return !text.includes('loading more') && Number(/(\d+) pods/.exec(text)?.[1]) >= PODS;
      },
      120_000,
      `the count to reach ${PODS} pods`,
    );
    // Sorting the loaded set (by name ascending at first): one click on Name sorts descending, the last seeded Deployment's pods first.
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await page.locator('th[aria-sort=descending]').waitFor();
    await eventually(
      async () => (await page.locator('[data-testid=resource-row]').first().getAttribute('data-name'))?.startsWith('load-0200-') ?? false,
      30_000,
      'load-0200 pods first',
    );
    slowest.podsLoaded = await keepsAnswering(page, 5000);
    await screenshot(page, 'pods-scale');
  });
});
