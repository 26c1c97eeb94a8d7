/**
 * Classifier benchmark: on the same generated English reports, side by side in one run,
 *  - Herald's whole classify (tokenise, places, concern, regions, themes): MB/s and docs/s;
 *  - a naive baseline running one regular expression per gazetteer phrase, with the share of
 *    Herald's place spans it also finds (and the reverse);
 *  - compromise's `places()` as a peer.
 * Also: gazetteer + theme model build time (once per process) and resident memory, measured on
 * the command itself (`herald classify --stats` in a fresh process, streaming the same reports;
 * this run holds all the documents and loads the peers, so its own RSS overstates the classifier).
 * These are benchmark figures, not timed tests. Run: npx tsx bench/classify.ts
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../shared/prng';

interface Doc { title: string; body: string; dateline?: string }


const PLACES = ['Tajikistan', 'Afghanistan', 'Kyrgyzstan', 'Uzbekistan', 'Kazakhstan', 'Turkmenistan', 'Pakistan', 'Dushanbe', 'Kabul', 'Bishkek',
  'Tashkent', 'Geneva', 'New York', 'Burkina Faso', 'Mali', 'the Niger', 'Chad', 'Georgia', 'the Democratic Republic of the Congo', 'Yemen',
  'Syria', 'Haiti', 'Colombia', 'Bangladesh', 'Myanmar', 'Ukraine', 'the Russian Federation', 'Nairobi', 'Mogadishu', 'Somalia'];
const DEMONYMS = ['Tajik', 'Afghan', 'Kyrgyz', 'Uzbek', 'Kazakh', 'Malian', 'Yemeni', 'Syrian', 'Haitian', 'Ukrainian'];
const REGIONS = ['Central Asia', 'the Sahel', 'the Horn of Africa', 'the Balkans', 'West Africa', 'the Fergana Valley'];
const PHRASES = ['border security and management', 'humanitarian assistance', 'food insecurity', 'the protection of civilians', 'preventive diplomacy',
  'violent extremism', 'drug trafficking', 'transboundary water cooperation', 'the electoral process', 'landmine clearance',
  'health services', 'school enrolment', 'shelter and non-food items', 'the flash appeal', 'cluster coordination', 'regional connectivity',
  'small arms control', 'flood preparedness', 'gender-based violence', 'safe drinking water'];
const FILLER = ['the meeting', 'officials', 'reviewed', 'progress on', 'and agreed', 'to strengthen', 'cooperation in', 'the mission', 'partners',
  'noted that', 'continued', 'support for', 'the government', 'in the coming months', 'a joint statement', 'the representatives of', 'discussed'];

/** Reports of about `size` characters, deterministic, one at a time (nothing is held). */
export function* streamDocs(count: number, size = 3000, seed = 42): Generator<Doc> {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  for (let i = 0; i < count; i++) {
    const place = pick(PLACES);
    const sentences: string[] = [];
    let len = 0;
    while (len < size) {
      const parts = [pick(FILLER), pick(FILLER), pick(PHRASES)];
      const roll = r();
      if (roll < 0.35) parts.push(`in ${pick(PLACES)}`);
      else if (roll < 0.5) parts.unshift(`${pick(DEMONYMS)} officials`);
      else if (roll < 0.6) parts.push(`across ${pick(REGIONS)}`);
      parts.push(pick(FILLER), pick(PHRASES));
      const s = parts.join(' ');
      const sentence = `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
      sentences.push(sentence);
      len += sentence.length + 1;
    }
    const body = sentences.reduce((acc, s, k) => acc + (k > 0 ? (k % 5 === 0 ? '\n\n' : ' ') : '') + s, '');
    yield { title: `Conference on ${pick(PHRASES)} in ${place}`, dateline: `${place.replace(/^the /, '').toUpperCase()}`, body };
  }
}

/** The same reports as `streamDocs`, as an array. */
export function generateDocs(count: number, size = 3000, seed = 42): Doc[] {
  return [...streamDocs(count, size, seed)];
}

/** What `herald classify --stats` reports at the end of its stream. */
interface MemoryProbe { rssAtStartMB: number; peakRssMB: number; reports: number; mbPerSecond: number; docs: number }

/**
 * Resident memory of the command itself: `herald classify --stats` (bin/herald.mjs, as a user runs
 * it) in a fresh process, fed N generated reports × 3 passes on stdin, its output discarded. The
 * command reports its resident memory once the classifier is built and its peak.
 */
function runMemoryProbe(count: number): MemoryProbe | null {
  const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/herald.mjs');
  // Build (or find) the command's bundle first, so the probe measures a normal start.
  spawnSync(process.execPath, [bin, '--help'], { stdio: 'ignore' });
  const lines: string[] = [];
  for (let pass = 0; pass < 3; pass++) {
    let i = 0;
    for (const d of streamDocs(count, 3000)) lines.push(JSON.stringify({ id: `${pass}-${i++}`, ...d }));
  }
  const res = spawnSync(process.execPath, [bin, 'classify', '--stats'], { input: `${lines.join('\n')}\n`, encoding: 'utf8', stdio: ['pipe', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  const line = res.stderr?.trim().split('\n').pop();
  if (res.status !== 0 || !line) return null;
  try {
    const { stats } = JSON.parse(line) as { stats: Omit<MemoryProbe, 'docs'> };
    return { ...stats, docs: count };
  } catch {
    return null;
  }
}

const mb = (chars: number): number => chars / 1e6;
const fmt = (x: number, d = 1): string => x.toFixed(d);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Run the benchmark and print the figures. */
export async function runClassifyBench(): Promise<void> {
  const rssStart = process.memoryUsage().rss;
  const tImport = performance.now();
  const { classify, documentText } = await import('../shared/classify/index');
  const { getGazetteer } = await import('../shared/classify/gazetteer');
  const { getThemeModel, findConcepts } = await import('../shared/classify/themes');
  const { analysePlaces } = await import('../shared/classify/places');
  const { tokenize, documentLayout } = await import('../shared/classify/text');
  const importMs = performance.now() - tImport;
  const tBuild = performance.now();
  const gaz = getGazetteer();
  getThemeModel();
  findConcepts(tokenize('warm up the lexicon'), 0);
  const buildMs = performance.now() - tBuild;

  const docs = generateDocs(2000, 3000);
  const texts = docs.map((d) => documentText(d));
  const totalChars = texts.reduce((a, t) => a + t.length, 0);

  // Herald: warm-up, then best of 3 passes over all documents
  for (let i = 0; i < 50; i++) classify(docs[i]!);
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    for (const d of docs) classify(d);
    best = Math.min(best, performance.now() - t0);
  }
  const heraldMBs = mb(totalChars) / (best / 1000);
  const heraldDocs = docs.length / (best / 1000);
  const rssAfterHerald = process.memoryUsage().rss;

  // Naive baseline: one regular expression per gazetteer phrase (same phrases, same case rule)
  const phrases: string[] = [];
  const collect = (node: typeof gaz.root, prefix: string[]): void => {
    if (node.entries) for (const e of node.entries) if (e.via !== 'b' && !/[\u0400-\u04ff]/.test(e.phrase)) phrases.push(e.phrase);
    if (node.next) for (const [k, child] of node.next) collect(child, [...prefix, k]);
  };
  collect(gaz.root, []);
  const uniquePhrases = [...new Set(phrases)];
  const tRe = performance.now();
  const regexes = uniquePhrases.map((p) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(p).replace(/[\s-]+/g, '[\\s\\-]+')}(?![\\p{L}\\p{N}])`, 'gu'));
  const reBuildMs = performance.now() - tRe;
  const sample = Math.min(100, docs.length);
  const t1 = performance.now();
  const naiveSpans: Array<Set<string>> = [];
  for (let i = 0; i < sample; i++) {
    const spans = new Set<string>();
    const text = texts[i]!;
    for (const re of regexes) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) spans.add(`${m.index}:${m.index + m[0].length}`);
    }
    naiveSpans.push(spans);
  }
  const naiveMs = performance.now() - t1;
  const sampleChars = texts.slice(0, sample).reduce((a, t) => a + t.length, 0);
  const naiveMBs = mb(sampleChars) / (naiveMs / 1000);
  // agreement on place spans (Herald's country/city/region mentions vs the baseline's matches)
  let heraldSpans = 0, foundByNaive = 0, naiveTotal = 0, naiveFoundByHerald = 0;
  for (let i = 0; i < sample; i++) {
    const d = docs[i]!;
    const text = texts[i]!;
    const tokens = tokenize(text);
    const res = analysePlaces(text, tokens, documentLayout(d));
    const hs = new Set(res.mentions.map((m) => `${m.start}:${m.end}`));
    heraldSpans += hs.size;
    for (const s of hs) if (naiveSpans[i]!.has(s)) foundByNaive++;
    // the baseline also reports sub-phrases ("Congo" inside "Democratic Republic of the Congo"): count maximal ones
    const spans = [...naiveSpans[i]!].map((s) => s.split(':').map(Number) as [number, number]);
    const maximal = spans.filter(([a, b]) => !spans.some(([c, e]) => c <= a && e >= b && (c !== a || e !== b)));
    naiveTotal += maximal.length;
    for (const [a, b] of maximal) if (hs.has(`${a}:${b}`)) naiveFoundByHerald++;
  }

  // compromise places() as a peer
  const nlp = (await import('compromise')).default as unknown as (t: string) => { places: () => { out: (f: string) => string[] } };
  const peerSample = Math.min(200, docs.length);
  nlp(texts[0]!).places().out('array');
  const t2 = performance.now();
  let peerPlaces = 0;
  for (let i = 0; i < peerSample; i++) peerPlaces += nlp(texts[i]!).places().out('array').length;
  const peerMs = performance.now() - t2;
  const peerChars = texts.slice(0, peerSample).reduce((a, t) => a + t.length, 0);
  const peerMBs = mb(peerChars) / (peerMs / 1000);

  const rows: Array<[string, string, string, string]> = [
    ['Herald classify (all stages)', fmt(heraldMBs, 2), fmt(heraldDocs, 0), `${docs.length} docs × 3 passes, best`],
    ['naive regex per phrase', fmt(naiveMBs, 3), fmt(sample / (naiveMs / 1000), 1), `${uniquePhrases.length} regexes, ${sample} docs, places only`],
    ['compromise places()', fmt(peerMBs, 3), fmt(peerSample / (peerMs / 1000), 1), `${peerSample} docs, places only (${peerPlaces} found)`],
  ];
  console.log(`\nClassifier benchmark: ${docs.length} generated English reports, ${fmt(mb(totalChars), 2)} MB, avg ${Math.round(totalChars / docs.length)} chars, one core (Node ${process.version})`);
  console.log(`${'contender'.padEnd(32)}${'MB/s'.padStart(10)}${'docs/s'.padStart(10)}  notes`);
  for (const [a, b, c, d] of rows) console.log(`${a.padEnd(32)}${b.padStart(10)}${c.padStart(10)}  ${d}`);
  console.log(`Herald vs naive baseline: ${fmt(heraldMBs / naiveMBs, 0)}× faster (target ≥ 50×); vs compromise: ${fmt(heraldMBs / peerMBs, 0)}×`);
  console.log(`match agreement on the ${sample} docs: baseline finds ${fmt((100 * foundByNaive) / Math.max(1, heraldSpans))}% of Herald's ${heraldSpans} place spans; Herald finds ${fmt((100 * naiveFoundByHerald) / Math.max(1, naiveTotal))}% of the baseline's ${naiveTotal} maximal spans`);
  console.log(`build once per process: module import ${fmt(importMs, 0)} ms (includes JSON parse and transpile), gazetteer (${gaz.size} phrases) + theme model ${fmt(buildMs, 0)} ms (target ≤ 300 ms); naive regex compile ${fmt(reBuildMs, 0)} ms`);
  console.log(`resident memory of this run: ${fmt(rssStart / 2 ** 20, 0)} MB at start, ${fmt(rssAfterHerald / 2 ** 20, 0)} MB after Herald (holding all ${docs.length} documents and their texts), ${fmt(process.memoryUsage().rss / 2 ** 20, 0)} MB with baseline and compromise loaded`);
  const probe = runMemoryProbe(docs.length);
  if (probe) {
    console.log(`resident memory of \`herald classify\` streaming ${probe.docs} such reports × 3 passes (${probe.reports} JSON lines in, out; ${fmt(probe.mbPerSecond, 1)} MB/s with JSON): ${fmt(probe.rssAtStartMB, 0)} MB once the classifier is built, peak ${fmt(probe.peakRssMB, 0)} MB (target ≤ 150 MB: ${probe.peakRssMB <= 150 ? 'met' : 'NOT MET'})`);
  } else console.log('resident memory probe: the child process failed');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await runClassifyBench();
