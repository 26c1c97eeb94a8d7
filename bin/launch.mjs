// Loads the `herald` command line as one JavaScript bundle built by esbuild from cli/ and
// shared/, cached under node_modules/.cache/herald/ and rebuilt whenever a source file changes.
// Why not run the TypeScript through tsx's loader every time: the loader runs its hooks on a
// second thread with its own V8 heap (about 25 MB resident) and compiles each file at every start,
// and `herald classify` is held to ≤ 150 MB resident. tsx remains the fallback when a bundle
// cannot be built or written (a read-only install).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Directories whose files go into the bundle, relative to the project root. */
const SOURCE_DIRS = ['cli', 'shared'];
const SOURCE_FILE = /\.(ts|mts|json)$/;

/**
 * A fingerprint of every source file the bundle is made of (path, size, modification time) and
 * of the esbuild version: a change to any of them names a different bundle.
 * @param {string} root project root
 * @param {string} esbuildVersion
 * @returns {string}
 */
export function sourceFingerprint(root, esbuildVersion) {
  const hash = createHash('sha256').update(`esbuild ${esbuildVersion}\n`);
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (SOURCE_FILE.test(entry.name)) {
        const st = statSync(full);
        hash.update(`${path.relative(root, full)}\t${st.size}\t${st.mtimeMs}\n`);
      }
    }
  };
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The path of an up-to-date bundle of `cli/main.ts`, built now if there is none. Builds go to a
 * fresh directory renamed into place, so concurrent invocations never read a half-written bundle;
 * bundles of older sources are removed after a build.
 * @param {{ root: string, cacheDir?: string }} options
 * @returns {Promise<string>} absolute path of the bundle's entry module
 */
export async function ensureCliBundle({ root, cacheDir = path.join(root, 'node_modules', '.cache', 'herald') }) {
  // esbuild's version from its package.json: esbuild itself is loaded only to build.
  const esbuildPackage = createRequire(import.meta.url).resolve('esbuild/package.json');
  const key = sourceFingerprint(root, JSON.parse(readFileSync(esbuildPackage, 'utf8')).version);
  const dir = path.join(cacheDir, `cli-${key}`);
  const entry = path.join(dir, 'main.mjs');
  if (existsSync(entry)) return entry;
  const esbuild = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const tmp = path.join(cacheDir, `.build-${key}-${process.pid}-${Date.now()}`);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: path.join(root, 'cli', 'main.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Subcommands import what they need on demand: `classify` never loads the AWS SDK.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are loaded from node_modules as usual; only Herald's own code is bundled.
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  try {
    renameSync(tmp, dir);
  } catch (error) {
    // Another invocation put the same bundle in place first.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(entry)) throw error;
  }
  for (const old of readdirSync(cacheDir)) {
    if (old.startsWith('cli-') && old !== `cli-${key}`) rmSync(path.join(cacheDir, old), { recursive: true, force: true });
  }
  return entry;
}

/**
 * Imports the CLI's `main`: from the bundle, or through tsx when no bundle can be had.
 * @param {string} root project root
 * @returns {Promise<{ main: (argv: string[]) => Promise<number> }>}
 */
export async function loadCli(root) {
  if (process.env.HERALD_CLI_TSX !== '1') {
    let entry;
    try {
      entry = await ensureCliBundle({ root });
    } catch {
      entry = undefined;
    }
    if (entry) return import(pathToFileURL(entry).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(root, 'cli', 'main.ts')).href);
}
