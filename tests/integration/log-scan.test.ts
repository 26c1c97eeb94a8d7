/**
 * Every line Herald logs during a full run — subscribe, confirm, post a report, alert,
 * one-click unsubscribe, and refused requests (forged token, bad link, invalid email) — is
 * captured and scanned: no email address, no publisher token, no link token and no
 * fragment of a report body may appear. Handler log lines are structured JSON carrying a
 * correlation id (the report id) for everything about a report.
 *
 * Figures go to test-artifacts/reliability/logs.json for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/local';
import { emailsTo, type StoredEmail } from '../helpers/mail';

const run = Math.random().toString(36).slice(2, 8);
const address = `log.scan+${run}@example.org`;
const title = `Border security conference ${run} in Dushanbe`;
const body =
  `Senior officials from Tajikistan and Afghanistan met in Dushanbe on ${run} to review border management along the Panj river. ` +
  'Delegations discussed joint patrols, customs modernisation and the exchange of liaison officers between the two border services. ' +
  'The Regional Centre offered to host a follow-up technical meeting in Almaty later this year.';

let stack: TestStack;
const lines: string[] = [];
const restore: (() => void)[] = [];

function capture(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    (stream as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
    restore.push(() => ((stream as { write: unknown }).write = original));
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}\n${a.stack}` : JSON.stringify(a))).join(' '));
      original.apply(console, args);
    };
    restore.push(() => (console[method] = original));
  }
}

async function api(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${stack.apiUrl}${path}`, { method, headers: init.headers, body: init.body });
  return { status: res.status, text: await res.text() };
}

function linkIn(email: StoredEmail, path: string): string {
  const match = new RegExp(`https?://[^\\s"<>]+${path.replace('/', '\\/')}\\?token=([^\\s"<>&]+)`).exec(email.body.text ?? '');
  if (!match) throw new Error(`no ${path} link in "${email.subject}"`);
  return decodeURIComponent(match[1]!);
}

const secrets: Record<string, string[]> = {};
let reportId = '';

beforeAll(async () => {
  capture();
  // Request lines on, as `npm start` has them.
  stack = await startTestStack({ logRequests: true });
  const json = { 'content-type': 'application/json' };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  expect((await api('POST', '/subscriptions', { body: JSON.stringify({ email: address, regions: ['143'], themes: [], frequency: 'instant' }), headers: json })).status).toBe(202);
  expect((await api('POST', '/subscriptions', { body: JSON.stringify({ email: `not-an-address-${run}`, regions: ['143'] }), headers: json })).status).toBe(400);
  const [confirmation] = await emailsTo(stack.sesUrl, address);
  const confirmToken = linkIn(confirmation!, '/subscriptions/confirm');
  expect((await api('GET', `/subscriptions/confirm?token=${encodeURIComponent(confirmToken)}`)).status).toBe(200);
  expect((await api('POST', '/subscriptions/confirm', { body: new URLSearchParams({ token: confirmToken }).toString(), headers: form })).status).toBe(200);

  const auth = { authorization: `Bearer ${stack.publisherToken}` };
  const posted = await api('POST', '/reports', { body: JSON.stringify({ title, body }), headers: { ...json, ...auth, 'idempotency-key': `log-${run}` } });
  expect(posted.status).toBe(201);
  reportId = (JSON.parse(posted.text) as { id: string }).id;
  expect((await api('POST', '/reports', { body: JSON.stringify({ title, body }), headers: { ...json, authorization: `Bearer ${stack.publisherToken}x` } })).status).toBe(403);
  expect((await api('POST', '/reports', { body: JSON.stringify({ title, body: body.repeat(500) }), headers: { ...json, ...auth } })).status).toBe(400);
  await stack.drainStream();

  const alert = (await emailsTo(stack.sesUrl, address)).find((e) => e.subject.includes(run))!;
  const unsubscribeToken = linkIn(alert, '/unsubscribe');
  expect((await api('POST', `/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`, { body: 'List-Unsubscribe=One-Click', headers: form })).status).toBe(200);
  expect((await api('GET', `/unsubscribe?token=${encodeURIComponent(`${unsubscribeToken}x`)}`)).status).toBe(403);

  secrets['email address'] = [address, address.split('@')[0]!, `not-an-address-${run}`];
  secrets['publisher token'] = [stack.publisherToken, stack.publisherToken.slice(5, 25)];
  secrets['link token'] = [confirmToken, unsubscribeToken, confirmToken.split('.')[1]!, unsubscribeToken.split('.')[1]!];
  // Fragments of the body from the start, middle and end (the title is not secret; the body is).
  secrets['report body'] = [body.slice(0, 40), body.slice(120, 170), body.slice(-40), 'joint patrols, customs modernisation'];
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  for (const undo of restore.splice(0).reverse()) undo();
});

describe('the logs of a full run', () => {
  it('were captured (handler lines, request lines, the alert handler)', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => l.includes('"Report stored"'))).toBe(true);
    expect(lines.some((l) => l.includes('"Report alerts processed"'))).toBe(true);
    expect(lines.some((l) => l.includes('POST /subscriptions ->'))).toBe(true);
  });

  it('hold no email address, token, link token or report body', () => {
    const found: string[] = [];
    for (const [kind, values] of Object.entries(secrets)) {
      for (const value of values) {
        const hits = lines.filter((l) => l.includes(value) || l.includes(encodeURIComponent(value)));
        if (hits.length > 0) found.push(`${kind} "${value.slice(0, 30)}…" in: ${hits[0]!.slice(0, 300)}`);
      }
    }
    const handlerLines = lines.filter((l) => l.startsWith('{"level"'));
    mkdirSync('test-artifacts/reliability', { recursive: true });
    writeFileSync(
      'test-artifacts/reliability/logs.json',
      `${JSON.stringify({ linesScanned: lines.length, structuredLines: handlerLines.length, secretsChecked: Object.values(secrets).flat().length, leaks: found.length }, null, 2)}\n`,
    );
    console.log(`[logs] ${lines.length} lines scanned, ${found.length} leaks`);
    expect(found).toEqual([]);
  });

  it('are structured JSON with a correlation id: every line about the report carries its id', () => {
    const structured = lines.filter((l) => l.startsWith('{"level"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(structured.length).toBeGreaterThan(5);
    for (const entry of structured) expect(entry).toMatchObject({ level: expect.any(String), message: expect.any(String), timestamp: expect.any(String), service: expect.any(String) });
    const aboutReport = structured.filter((e) => e['message'] === 'Report stored' || e['message'] === 'Report alerts processed');
    expect(aboutReport.length).toBeGreaterThanOrEqual(2);
    for (const entry of aboutReport) expect(entry['reportId']).toBe(reportId);
    // The request-level lines of POST /reports carry it too.
    const postLines = structured.filter((e) => e['route'] === 'POST /reports' && e['message'] === 'Request handled');
    expect(postLines.some((e) => e['reportId'] === reportId)).toBe(true);
  });
});
