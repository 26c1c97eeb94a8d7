/**
 * `herald post` and `herald import` against the real local stack, called in-process with
 * --api/--token as a script would; and HTML reports posted straight to POST /reports.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, runPost, type RunIo } from '../../cli/reports';
import { startTestStack, type TestStack } from '../helpers/local';

let stack: TestStack;
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

function io(stdin = '', tty = false) {
  let out = '';
  let err = '';
  const value: RunIo = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { isTTY: tty, columns: 100, write: (s: string) => ((err += s), true) },
    stdin: Readable.from([Buffer.from(stdin)]),
  };
  return { io: value, out: () => out, err: () => err };
}

const auth = () => ['--api', stack.apiUrl, '--token', stack.publisherToken];

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('herald post', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'herald-post-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ id: 'a-1', title: 'Border talks in Osh', body: 'OSH, Kyrgyzstan – Border guards of Kyrgyzstan and Tajikistan met in Osh to discuss border management.', published: '2024-03-01' }));
    writeFileSync(
      join(dir, 'b.jsonl'),
      [
        JSON.stringify({ title: 'Water dialogue in Tashkent', body: 'Uzbekistan hosted a dialogue on the Amu Darya basin and transboundary water cooperation.' }),
        JSON.stringify({ title: '', body: 'A report without a title.' }),
        '{not json',
        JSON.stringify({ title: 'Unknown field', body: 'Some text about Kazakhstan.', colour: 'blue' }),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'c.html'), readFileSync(fixture('press-release.html')));
    writeFileSync(join(dir, 'd.txt'), 'Statement on the floods in Kyrgyzstan\n\nUNRCCA expresses its condolences to the families of the victims of the floods in Kyrgyzstan.');
    writeFileSync(join(dir, 'ignored.md'), '# not a report');
  });

  it('posts a directory, summarising created and rejected reports with reasons; exit 1', async () => {
    const t = io();
    const code = await runPost([dir, ...auth()], t.io);
    expect(code).toBe(1);
    expect(t.out()).toMatch(/^7 reports: 4 created, 0 duplicate \(already stored\), 3 rejected/);
    expect(t.out()).toMatch(/rejected {3}b\.jsonl:2 \(HTTP 400\): title: must not be empty/);
    expect(t.out()).toMatch(/rejected {3}b\.jsonl:3 \(HTTP 400\): body: is not valid JSON/);
    expect(t.out()).toMatch(/rejected {3}b\.jsonl:4 \(HTTP 400\): .*colour/);
    expect(t.out()).toMatch(/created .* UNRCCA and OSCE hold regional workshop .*\(c\.html\)/);
    expect(t.err()).toBe(''); // no progress bar when stderr is not a terminal
  });

  it('posts them again as duplicates, with JSON output', async () => {
    const t = io();
    const code = await runPost([dir, '--json', ...auth()], t.io);
    expect(code).toBe(1); // the same three are still rejected
    const summary = JSON.parse(t.out());
    expect(summary).toMatchObject({ created: 0, duplicate: 4, rejected: 3, failed: 0 });
  });

  it('reads stdin, and draws a progress bar on a terminal; exit 0 when nothing is rejected', async () => {
    const lines = [1, 2, 3].map((n) => JSON.stringify({ title: `Stdin report ${n}`, body: `Report number ${n} about a meeting in Bishkek, Kyrgyzstan.` })).join('\n');
    const t = io(lines, true);
    expect(await runPost(['-', ...auth()], t.io)).toBe(0);
    expect(t.out()).toMatch(/^3 reports: 3 created/);
    expect(t.err()).toContain('3/3  created 3 · duplicate 0 · rejected 0');
  });

  it('exits 2 with usage for bad invocations, 0 for --help', async () => {
    let t = io();
    expect(await runPost([...auth()], t.io)).toBe(2);
    expect(t.err()).toContain('Usage: herald post');
    t = io();
    expect(await runPost(['/no/such/file.json', ...auth()], t.io)).toBe(2);
    expect(t.err()).toContain('no such file');
    t = io();
    expect(await runPost([dir, '--api', 'ftp://x', '--token', 't'], t.io)).toBe(2);
    t = io();
    expect(await runPost(['--help'], t.io)).toBe(0);
    expect(t.out()).toContain('Usage: herald post');
  });

  it('exits 1 when the token is refused', async () => {
    const t = io();
    expect(await runPost([join(dir, 'a.json'), '--api', stack.apiUrl, '--token', 'wrong'], t.io)).toBe(1);
    expect(t.out()).toMatch(/rejected   .*a\.json \(HTTP 403\)/);
  });
});

describe('herald import', () => {
  it('posts the items of an Atom feed; an item without text is rejected with the reason', async () => {
    const t = io();
    const code = await runImport([fixture('press-releases.atom'), ...auth()], t.io);
    expect(code).toBe(1);
    expect(t.out()).toMatch(/^6 reports: 5 created, 0 duplicate \(already stored\), 1 rejected/);
    expect(t.out()).toMatch(/rejected {3}press-releases\.atom item 6 “Photo gallery.*body: the page has no paragraphs/);
  });

  it('posts only new items the second time', async () => {
    const t = io();
    await runImport([fixture('press-releases.atom'), '--json', ...auth()], t.io);
    expect(JSON.parse(t.out())).toMatchObject({ created: 0, duplicate: 5, rejected: 1 });
  });

  it('stores the item’s title, link, date, dateline and clean text', async () => {
    const res = await fetch(`${stack.apiUrl}/reports?country=TJK`, { headers: { authorization: `Bearer ${stack.publisherToken}` } });
    const { items } = (await res.json()) as { items: Record<string, any>[] };
    const item = items.find((r) => String(r['title']).startsWith('UNRCCA and UNODC'));
    expect(item).toMatchObject({
      url: 'https://unrcca.unmissions.org/unrcca-and-unodc-training-countering-drug-trafficking',
      published: '2024-06-05T07:30:00.000Z',
      dateline: 'DUSHANBE, Tajikistan',
      source: 'UNRCCA – Press releases',
      language: 'en',
    });
    expect(item!['body']).toMatch(/^From 3 to 5 June 2024, UNRCCA/);
    expect(item!['body']).not.toContain('<p>');
  });

  it('fails clearly for a file that is not a feed', async () => {
    const t = io();
    expect(await runImport([fixture('press-release.html'), ...auth()], t.io)).toBe(1);
    expect(t.err()).toMatch(/is not an RSS or Atom feed/);
  });
});

describe('POST /reports with an HTML page', () => {
  const post = (body: string, type: string, extra: Record<string, string> = {}) =>
    fetch(`${stack.apiUrl}/reports`, { method: 'POST', headers: { authorization: `Bearer ${stack.publisherToken}`, 'content-type': type, ...extra }, body });

  it('extracts title, date, dateline and clean text from text/html', async () => {
    const res = await post(readFileSync(fixture('press-release.html'), 'utf8'), 'text/html; charset=utf-8', { 'idempotency-key': 'html-1' });
    expect(res.status).toBe(201);
    const report = (await res.json()) as Record<string, any>;
    expect(report).toMatchObject({
      title: 'UNRCCA and OSCE hold regional workshop on transboundary water cooperation in Almaty',
      published: '2024-05-06T05:30:00.000Z',
      dateline: 'ALMATY, Kazakhstan',
      url: 'https://unrcca.unmissions.org/unrcca-and-osce-hold-regional-workshop-transboundary-water-cooperation-almaty',
      language: 'en',
    });
    expect(report['body']).toMatch(/^From 3 to 5 May 2024/);
    for (const noise of ['Share on', 'Home', 'Related news', '©', 'dataLayer', 'Skip to main']) expect(report['body']).not.toContain(noise);
    expect(report['classification']['countries']).toContain('KAZ');
    expect(report['classification']['themes'].map((t: { id: string }) => t.id)).toContain('transboundary-water-energy');
  });

  it('accepts JSON {html} with overrides', async () => {
    const res = await post(JSON.stringify({ html: '<h1>Ignored title</h1><p>BISHKEK, Kyrgyzstan – A meeting on border management.</p>', title: 'Given title', source: 'Test' }), 'application/json');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ title: 'Given title', dateline: 'BISHKEK, Kyrgyzstan', body: 'A meeting on border management.', source: 'Test' });
  });

  it('names what a page lacks', async () => {
    const res = await post('<html><body><div><img src="x.png"></div></body></html>', 'text/html');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { field: string }[] } };
    expect(error.issues.map((i) => i.field)).toEqual(['title', 'body']);
  });

  it('answers 415 naming both accepted types', async () => {
    const res = await post('title=x', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(JSON.stringify(await res.json())).toContain('application/json or text/html');
  });

  it('still requires a token', async () => {
    const res = await fetch(`${stack.apiUrl}/reports`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<p>x</p>' });
    expect(res.status).toBe(401);
  });
});
