/**
 * Loads the labelled corpus (../shared/corpus relative to the repo root, or $HERALD_CORPUS_DIR).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LabelledReport {
  readonly id: string;
  readonly source: 'seed' | 'un' | 'reliefweb' | 'helper';
  readonly language?: string;
  readonly title: string;
  readonly body: string;
  readonly dateline?: string;
  /** Full place labels (seed and UN reports only). */
  readonly countries?: string[];
  readonly mentioned?: string[];
  readonly primaryCountry?: string | null;
  readonly themes: string[];
  readonly primaryTheme?: string;
  /** False when the theme labels are a subset of the true ones (ReliefWeb). */
  readonly themesComplete: boolean;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function corpusDir(): string {
  return process.env.HERALD_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
}

interface Raw {
  id: string; language?: string; title: string; body: string; dateline?: string;
  countries?: string[]; mentioned?: string[]; primary_country?: string | null; themes: string[]; primary_theme?: string;
}

function fromRaw(r: Raw, source: LabelledReport['source']): LabelledReport {
  return {
    id: r.id, source, language: r.language, title: r.title, body: r.body, dateline: r.dateline || undefined,
    countries: r.countries, mentioned: r.mentioned, primaryCountry: r.primary_country,
    themes: r.themes, primaryTheme: r.primary_theme, themesComplete: source !== 'reliefweb',
  };
}

function readJsonl(file: string): Raw[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Raw);
}

/** Every labelled report of the corpus. */
export function loadCorpus(dir = corpusDir()): LabelledReport[] {
  const out: LabelledReport[] = [];
  const seed = path.join(dir, 'seed.json');
  if (existsSync(seed)) out.push(fromRaw(JSON.parse(readFileSync(seed, 'utf8')) as Raw, 'seed'));
  const un = path.join(dir, 'un-reports-dev.jsonl');
  if (existsSync(un)) out.push(...readJsonl(un).map((r) => fromRaw(r, 'un')));
  const rw = path.join(dir, 'reliefweb-themes-dev.jsonl');
  if (existsSync(rw)) out.push(...readJsonl(rw).map((r) => fromRaw(r, 'reliefweb')));
  return out;
}

/**
 * UN-style reports written and fully labelled (places and themes) by helper agents that never saw
 * the classifier, by the corpus README's rules (scripts/labelled-reports.jsonl; `set` names the
 * writer). Not part of ../shared/corpus.
 */
export function loadHelperReports(file = path.join(repoRoot, 'scripts/labelled-reports.jsonl')): (LabelledReport & { readonly set: string })[] {
  if (!existsSync(file)) return [];
  return readJsonl(file).map((r) => ({ ...fromRaw(r, 'helper'), set: (r as Raw & { set?: string }).set ?? 'helper' }));
}

/** Deterministic fold of a report (hash of its id). */
export function foldOf(id: string, k: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % k;
}
