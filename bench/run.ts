/**
 * `npm run bench`: every benchmark, each printing Herald's figures side by side with its
 * baseline. Benchmark figures, not timed tests. `npm run bench -- classify` runs one.
 *
 * Several suites run one after another in a fresh Node process each, so that one suite's heap
 * (the classifier's data, the digest bench's 290,000 rows) does not inflate another's resident
 * memory figures.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const suites: Record<string, () => Promise<void>> = {
  classify: async () => (await import('./classify')).runClassifyBench(),
  digest: async () => (await import('./digest')).runDigestBench(),
  bundles: async () => (await import('./bundles')).runBundleBench(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  process.stderr.write(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(suites).join(', ')}\n`);
  process.exit(2);
}
const names = wanted.length ? wanted : Object.keys(suites);
if (names.length === 1) {
  process.stdout.write(`\n=== ${names[0]} ===\n`);
  await suites[names[0]!]!();
} else {
  let failed = 0;
  for (const name of names) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (run.status !== 0) failed++;
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

export {};
