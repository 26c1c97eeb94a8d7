import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the launcher is plain JavaScript (it runs before any TypeScript loader)
import { ensureCliBundle } from '../../bin/launch.mjs';

const repo = path.resolve(__dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'herald-launch-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A project with a cli/main.ts that returns what shared/answer.ts exports. */
function fixture(answer: number): string {
  const root = path.join(temp, 'project');
  mkdirSync(path.join(root, 'cli'), { recursive: true });
  mkdirSync(path.join(root, 'shared'), { recursive: true });
  writeFileSync(path.join(root, 'cli/main.ts'), "export async function main(): Promise<number> {\n  return (await import('../shared/answer')).answer;\n}\n");
  writeFileSync(path.join(root, 'shared/answer.ts'), `export const answer: number = ${answer};\n`);
  return root;
}

describe('the herald command bundle (bin/launch.mjs)', () => {
  it('builds once, reuses the bundle while sources are unchanged, rebuilds when one changes', async () => {
    const root = fixture(41);
    const cacheDir = path.join(temp, 'cache');
    const first: string = await ensureCliBundle({ root, cacheDir });
    expect(existsSync(first)).toBe(true);
    expect(await (await import(pathToFileURL(first).href)).main()).toBe(41);
    expect(await ensureCliBundle({ root, cacheDir })).toBe(first);

    writeFileSync(path.join(root, 'shared/answer.ts'), 'export const answer: number = 42;\n');
    // A later modification time even on coarse-grained file systems.
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(root, 'shared/answer.ts'), later, later);
    const second: string = await ensureCliBundle({ root, cacheDir });
    expect(second).not.toBe(first);
    expect(await (await import(pathToFileURL(second).href)).main()).toBe(42);
    // The stale bundle is gone; no half-built directory is left behind.
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(cacheDir)).toEqual([path.basename(path.dirname(second))]);
  });

  it('`herald classify` gives the same lines from the bundle as through tsx', () => {
    const input = `${JSON.stringify({ id: 'a', title: 'Border talks', body: 'Tajik and Afghan border guards met in Dushanbe.', dateline: 'DUSHANBE, Tajikistan' })}\n{not json}\n`;
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(repo, 'bin/herald.mjs'), 'classify'], { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
    const bundled = run({});
    const tsx = run({ HERALD_CLI_TSX: '1' });
    expect(bundled.status).toBe(1); // the malformed line
    expect(JSON.parse(bundled.stderr.trim())).toMatchObject({ line: 2 });
    const row = JSON.parse(bundled.stdout.trim());
    expect(row).toMatchObject({ id: 'a', primaryCountry: 'TJK' });
    expect(row.mentioned).toEqual(expect.arrayContaining(['TJK', 'AFG']));
    expect(tsx.status).toBe(1);
    expect(tsx.stdout).toBe(bundled.stdout);
  });
});
