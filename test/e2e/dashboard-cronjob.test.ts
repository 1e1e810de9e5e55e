import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { TEST_TOKEN } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { startDashboardStack, type DashboardStack } from './dashboard-stack.js';
import { CHROMIUM, launchChromium, seriousViolations } from './browser.js';

// The CronJob list and detail page in a real headless Chromium against the real stack:
// kubectl's columns, Suspend/Resume, and "Trigger now" making a Job the page then lists.
describe('dashboard CronJob e2e', { skip: !existsSync(CHROMIUM) && `no ${CHROMIUM} (apt-get install -y chromium)`, timeout: 600_000 }, () => {
  let stack: DashboardStack;
  let browser: Browser;
  let page: Page;

  before(async () => {
    stack = await startDashboardStack();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await page.goto(`${stack.dashboardUrl}/sign-in`);
    await page.getByLabel('Bearer token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    // A schedule that is not due while the test runs (05:00 on 1 January): only the trigger makes Jobs.
    await stack.api.ok(`mutation($input: CronJobInput!) { createCronJob(namespace: "default", input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name: 'e2e-report' },
        spec: {
          schedule: '0 5 1 1 *',
          jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'report', image: 'busybox:1.36', command: ['sleep', '3600'] }] } } } },
        },
      },
    });
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  const suspended = async () => (await stack.api.ok(`{ cronJob(namespace: "default", name: "e2e-report") { spec { suspend } } }`)).cronJob.spec.suspend;

  test('the list shows kubectl’s columns; on the detail page Suspend/Resume flip spec.suspend and Trigger now makes a Job', async () => {
    await page.goto(`${stack.dashboardUrl}/cronjobs?namespace=default`);
    const row = page.locator('[data-testid=resource-row][data-name="e2e-report"]');
    await row.waitFor({ timeout: 30_000 });
    const text = (await row.textContent()) ?? '';
    assert.match(text, /0 5 1 1 \*/);
    assert.match(text, /False/);
    assert.deepEqual(await seriousViolations(page), []);

    await page.goto(`${stack.dashboardUrl}/cronjobs/default/e2e-report`);
    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    assert.equal(await suspended(), true);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Suspend' }).waitFor();
    assert.equal(await suspended(), false);

    await page.getByRole('button', { name: 'Trigger now' }).click();
    const link = page.getByRole('link', { name: /^e2e-report-manual-/ }).first();
    await link.waitFor({ timeout: 30_000 });
    const jobName = ((await link.textContent()) ?? '').trim();
    const { job } = await stack.api.ok(`query($n: String!) { job(namespace: "default", name: $n) { metadata { annotations ownerReferences { kind name controller } } } }`, {
      n: jobName,
    });
    assert.equal(job.metadata.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
    assert.deepEqual(job.metadata.ownerReferences, [{ kind: 'CronJob', name: 'e2e-report', controller: true }]);
    const jobs = page.getByTestId('child-jobs').locator('[data-testid=related-row]');
    await eventually(async () => (await jobs.count()) === 1, 30_000, 'the triggered Job under the CronJob');
    assert.deepEqual(await seriousViolations(page), []);
  });
});
