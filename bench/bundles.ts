/**
 * Lambda bundle sizes: every handler bundled by esbuild with the deployed settings
 * (ESM, minified, Node 24 target, AWS SDK included), side by side with the same bundle
 * unminified as a baseline. Cold-start time grows with bundle size, so it is tracked here.
 * Run: npm run bench -- bundles
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ALERT_ON_REPORT, AUTHORIZER, DIGEST_PLANNER, DIGEST_SENDER, ROUTES, SES_EVENTS } from '../functions/routes';

const BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

async function bundleSize(entry: string, minify: boolean): Promise<{ bytes: number; gzip: number }> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    minify,
    banner: { js: BANNER },
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.contents;
  return { bytes: code.byteLength, gzip: gzipSync(code).byteLength };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** Prints each distinct handler's bundle, minified (as deployed) and unminified. */
export async function runBundleBench(): Promise<void> {
  const entries = [...new Set([...ROUTES.map((r) => r.entry), AUTHORIZER.entry, ALERT_ON_REPORT.entry, SES_EVENTS.entry, DIGEST_PLANNER.entry, DIGEST_SENDER.entry])];
  console.log('Lambda bundles (esbuild, ESM, node24, AWS SDK bundled)');
  console.log(`${'handler'.padEnd(36)}${'minified'.padStart(10)}${'gzip'.padStart(10)}${'unminified'.padStart(12)}${'saved'.padStart(8)}`);
  let total = 0;
  for (const entry of entries.sort()) {
    const [min, full] = await Promise.all([bundleSize(entry, true), bundleSize(entry, false)]);
    total += min.bytes;
    const saved = `${Math.round((1 - min.bytes / full.bytes) * 100)}%`;
    console.log(`${entry.replace(/^functions\//, '').padEnd(36)}${kb(min.bytes).padStart(10)}${kb(min.gzip).padStart(10)}${kb(full.bytes).padStart(12)}${saved.padStart(8)}`);
  }
  console.log(`${entries.length} bundles, ${kb(total)} minified in all`);
}
