/**
 * `npm run bench`: every benchmark, each printing Herald's figures side by side with its
 * baseline. Benchmark figures, not timed tests. `npm run bench -- classify` runs one.
 */
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
for (const name of wanted.length ? wanted : Object.keys(suites)) {
  process.stdout.write(`\n=== ${name} ===\n`);
  await suites[name]!();
}

export {};
