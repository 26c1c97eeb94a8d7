/**
 * `npm run screenshots`: pictures for the README, taken from a fresh local stack so they
 * stay current — an instant alert, a daily digest and the preference centre (emails from
 * the SES emulator's store, pages from the local API), rendered in headless Chromium.
 *
 *   npm run screenshots                     writes docs/images/*.png
 *   CHROMIUM=/path/to/chrome npm run screenshots
 *
 * Needs Java (DynamoDB Local) and Chromium (Debian: `apt-get install chromium`). To add a
 * picture, add a SHOTS entry: a name and how to get its HTML or URL from the Scene.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type BrowserContext } from 'playwright-core';
import { runImport } from '../cli/reports';
import { startLocalDigests } from '../local/digests';
import { repoRoot, startLocalStack, type LocalStack } from '../local/stack';
import { SEED_REPORT_INPUT } from '../shared/openapi/examples';

const OUT = join(repoRoot, 'docs', 'images');
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const INSTANT = 'amina.karimova@example.org';
const DAILY = 'daily.reader@example.org';

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** What the shots are taken from. */
interface Scene {
  readonly stack: LocalStack;
  emailsTo(address: string): Promise<StoredEmail[]>;
}

/** A picture: an email's HTML or a page's URL, at a width. */
interface Shot {
  readonly name: string;
  readonly width: number;
  /** Only the first screen (default: the whole page). */
  readonly viewportOnly?: boolean;
  readonly source: (scene: Scene) => Promise<{ html: string } | { url: string } | undefined>;
}

const linkIn = (text: string | undefined, path: string) => new RegExp(`(https?://\\S+${path.replace(/\//g, '\\/')}\\?token=[^\\s"<>]+)`).exec(text ?? '')?.[1];

const SHOTS: Shot[] = [
  {
    name: 'alert',
    width: 720,
    source: async (scene) => {
      const alert = (await scene.emailsTo(INSTANT)).find((e) => e.subject.includes('BORDER SECURITY'));
      return alert?.body.html ? { html: alert.body.html } : undefined;
    },
  },
  {
    name: 'digest',
    width: 720,
    source: async (scene) => {
      const digest = (await scene.emailsTo(DAILY)).find((e) => /digest/i.test(e.subject));
      return digest?.body.html ? { html: digest.body.html } : undefined;
    },
  },
  {
    name: 'preference-centre',
    width: 900,
    source: async (scene) => {
      const alert = (await scene.emailsTo(INSTANT)).find((e) => e.subject.includes('BORDER SECURITY'));
      const url = linkIn(alert?.body.text, '/manage');
      return url ? { url } : undefined;
    },
  },
  {
    name: 'api-docs',
    width: 1200,
    viewportOnly: true,
    source: async (scene) => ({ url: `${scene.stack.apiUrl}/docs` }),
  },
];

async function confirm(scene: Scene, address: string): Promise<void> {
  const [confirmation] = await scene.emailsTo(address);
  const url = linkIn(confirmation?.body.text, '/subscriptions/confirm');
  if (!url) throw new Error(`no confirmation email for ${address}`);
  const token = new URL(url).searchParams.get('token')!;
  const res = await fetch(`${scene.stack.apiUrl}/subscriptions/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() });
  if (!res.ok) throw new Error(`confirming ${address}: HTTP ${res.status}`);
}

async function subscribe(scene: Scene, rule: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${scene.stack.apiUrl}/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
  if (res.status !== 202) throw new Error(`subscribing: HTTP ${res.status} ${await res.text()}`);
  await confirm(scene, String(rule['email']));
}

async function shoot(context: BrowserContext, shot: Shot, scene: Scene): Promise<string> {
  const source = await shot.source(scene);
  if (!source) return `${shot.name}: skipped (nothing to show yet)`;
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: shot.width, height: 800 });
    if ('html' in source) await page.setContent(source.html, { waitUntil: 'load' });
    else await page.goto(source.url, { waitUntil: 'load' });
    const path = join(OUT, `${shot.name}.png`);
    await page.screenshot({ path, fullPage: !shot.viewportOnly });
    return `${shot.name}: ${path}`;
  } finally {
    await page.close();
  }
}

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'WARN';
const stack = await startLocalStack({ persist: false, port: 0, tablePrefix: `herald-shots-${randomBytes(3).toString('hex')}`, pollIntervalMs: 100, logRequests: false, log: () => undefined });
const profile = mkdtempSync(join(tmpdir(), 'herald-chromium-'));
let context: BrowserContext | undefined;
try {
  const scene: Scene = {
    stack,
    emailsTo: async (address) => {
      const { emails } = (await (await fetch(`${stack.sesUrl}/store`)).json()) as { emails: StoredEmail[] };
      return emails.filter((e) => e.destination.to.includes(address));
    },
  };
  await subscribe(scene, { email: INSTANT, regions: ['143'], themes: [], frequency: 'instant', timezone: 'Asia/Dushanbe' });
  await subscribe(scene, { email: DAILY, regions: ['143'], themes: ['transboundary-water-energy', 'border-management', 'preventive-diplomacy'], frequency: 'daily', timezone: 'Asia/Tashkent' });

  // Reports: the press releases of the sample feed, then the seed.
  const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
  await runImport([join(repoRoot, 'tests/fixtures/press-releases.atom'), '--api', stack.apiUrl, '--token', stack.publisherToken, '--quiet'], quiet);
  const res = await fetch(`${stack.apiUrl}/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.publisherToken}`, 'content-type': 'application/json', 'idempotency-key': 'seed-001' },
    body: JSON.stringify({ ...SEED_REPORT_INPUT, url: 'https://unrcca.unmissions.org/unrcca-co-organizes-high-level-border-security-conference', source: 'UNRCCA' }),
  });
  if (res.status !== 201) throw new Error(`posting the seed: HTTP ${res.status} ${await res.text()}`);
  await stack.drainStream();

  // A daily digest, due now.
  const digests = startLocalDigests({ tables: stack.tables, log: () => undefined });
  await digests.run({ scheduledTime: new Date().toISOString(), dueNow: true });
  await digests.drain();

  mkdirSync(OUT, { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    deviceScaleFactor: 1,
  });
  // Only the local API may be reached: emails must not fetch anything.
  await context.route('**/*', (route) => (route.request().url().startsWith(stack.apiUrl) || route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  for (const shot of SHOTS) console.log(await shoot(context, shot, scene));
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
  await stack.stop();
}
