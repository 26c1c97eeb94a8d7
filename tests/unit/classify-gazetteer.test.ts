import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const corpusDir = process.env.HERALD_CORPUS_DIR ?? path.resolve(root, '../shared/corpus');
const work = mkdtempSync(path.join(tmpdir(), 'herald-gazetteer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the shipped gazetteer', () => {
  it('is exactly what scripts/build-gazetteer.ts builds from the maintained packages', () => {
    const out = path.join(work, 'gazetteer.json');
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/build-gazetteer.ts')], {
      cwd: root,
      env: { ...process.env, HERALD_GAZETTEER_OUT: out, HERALD_CORPUS_DIR: corpusDir },
      stdio: 'pipe',
    });
    const built = JSON.parse(readFileSync(out, 'utf8')) as { entries: unknown[] };
    const shipped = JSON.parse(readFileSync(path.join(root, 'shared/classify/data/gazetteer.json'), 'utf8')) as { entries: unknown[] };
    expect(built.entries.length).toBeGreaterThan(5_000);
    expect(shipped.entries).toEqual(built.entries);
  }, 60_000);
});
