import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, logInToOptions } from '../harness/browser.ts';
import { startWorld, WORLD_ADMIN, type World } from '../harness/sandbox-world.ts';
import { screenshot } from '../harness/screenshots.ts';

let w: World;
let browser: ExtensionBrowser;
let admin: string;
let page: { id: string; name: string; access_token: string };

beforeAll(async () => {
  w = await startWorld();
  admin = await w.login();
  page = await w.control('POST', '/pages', { name: 'Zapatería Luna' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  for (const name of ['Ana Agent', 'Bruno Agent']) {
    const email = `${name.split(' ')[0]!.toLowerCase()}@example.test`;
    await w.api('POST', '/api/users', admin, { email, name, role: 'agent', password: 'agent password 1' });
  }
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await w?.stop();
});

describe('campaign screens, in the browser', () => {
  it('creates a campaign with a schedule, thresholds, a canned response and members, then disables it', async () => {
    const options = await logInToOptions(browser, w.backend.url, WORLD_ADMIN);
    await options.getByRole('tab', { name: 'Campaigns' }).click();
    await options.getByRole('button', { name: 'New campaign' }).click();

    const form = options.getByTestId('campaign-form');
    await form.getByLabel('Name', { exact: true }).fill('Luna comments');
    await form.getByLabel('Page', { exact: true }).selectOption(page.id);
    await form.getByLabel('Channel', { exact: true }).selectOption('facebook');
    await form.getByLabel('Strategy', { exact: true }).selectOption('rrmemory');
    await form.getByLabel('Time zone', { exact: true }).fill('Europe/Madrid');
    await form.getByLabel('Service level (seconds)').fill('45');

    // Schedule: a row with From after To is refused beside the row, then fixed.
    await form.getByRole('button', { name: 'Add schedule row' }).click();
    const row = form.getByTestId('schedule-row').first();
    await row.getByLabel('Weekday').selectOption('1');
    await row.getByLabel('From').fill('18:00');
    await row.getByLabel('To').fill('09:00');
    await form.getByRole('button', { name: 'Save' }).click();
    await row.getByText('From must be before To', { exact: false }).waitFor();
    await row.getByLabel('From').fill('09:00');
    await row.getByLabel('To').fill('18:00');

    await form.getByLabel('Dropout (seconds)').fill('600');
    await form.getByLabel('Chat time (seconds)').fill('1200');
    await form.getByLabel('Maximum customers waiting (ACD)').fill('5');
    await form.getByLabel('Maximum interactions per agent').fill('2');
    await form.getByLabel('New response title').fill('Greeting');
    await form.getByLabel('New response text').fill('Hola, ¿en qué podemos ayudarte?');
    await form.getByRole('button', { name: 'Add response' }).click();
    for (const agent of ['Ana Agent', 'Bruno Agent']) {
      await form.getByRole('combobox', { name: /^Agent/ }).selectOption({ label: agent });
      await form.getByRole('button', { name: 'Add member' }).click();
    }
    await expect.poll(() => form.getByTestId('member-row').count()).toBe(2);
    await screenshot(options, 'options-campaign-form');
    await form.getByRole('button', { name: 'Save' }).click();

    const created = options.locator('[data-testid="campaign-row"][data-name="Luna comments"]');
    await created.waitFor({ timeout: 15_000 });
    expect(await created.textContent()).toContain('Zapatería Luna');
    expect(await created.locator('[data-testid="token-badge"]').getAttribute('data-health')).toBe('active');
    await screenshot(options, 'options-campaigns');

    const saved = (await (await w.api('GET', '/api/campaigns', admin)).json()).campaigns[0];
    expect(saved).toMatchObject({
      name: 'Luna comments',
      pageId: page.id,
      channel: 'facebook',
      strategy: 'rrmemory',
      timeZone: 'Europe/Madrid',
      schedule: [{ weekday: 1, from: '09:00', to: '18:00' }],
      thresholds: { serviceLevel: 45, dropout: 600, chatTime: 1200, acd: 5 },
      maxInteractionsPerAgent: 2,
      enabled: true,
      cannedResponses: [{ title: 'Greeting', text: 'Hola, ¿en qué podemos ayudarte?' }],
    });
    expect(saved.members.map((m: { name: string; position: number }) => [m.name, m.position])).toEqual([
      ['Ana Agent', 0],
      ['Bruno Agent', 1],
    ]);

    // Disabling keeps the campaign and everything in it.
    await created.click();
    await form.getByLabel('Enabled', { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Save' }).click();
    await options.locator('[data-testid="campaign-row"][data-name="Luna comments"]').waitFor();
    const after = (await (await w.api('GET', '/api/campaigns', admin)).json()).campaigns[0];
    expect(after).toMatchObject({
      enabled: false,
      cannedResponses: saved.cannedResponses,
      schedule: saved.schedule,
    });
    expect(after.members).toHaveLength(2);
  });
});
