/**
 * The place gazetteer at run time: a token trie built once per process from the generated
 * data/gazetteer.json (see scripts/build-gazetteer.ts), with Russian inflected forms mapped
 * back to their base forms and a Cyrillic→Latin transliteration fallback for city and country
 * names that only the English data carries (Кыргызстан → kyrgyzstan, Магнитогорске → magnitogorsk).
 */
import gazetteerData from './data/gazetteer.json';
import { phraseTokens } from './text';

/** What a gazetteer phrase refers to. */
export interface PlaceEntry {
  /** ISO3 codes (several when the name is shared, preferred first); empty for a block or region. */
  readonly countries: readonly string[];
  /** M49 area code for a region phrase. */
  readonly area?: string;
  /** n name, c capital, d demonym, t city, g region, b block. */
  readonly via: 'n' | 'c' | 'd' | 't' | 'g' | 'b';
  /** Matches in lower case too (French and Russian adjectives, region phrases). */
  readonly lowerOk: boolean;
  /** Acronym: must be written in capitals. */
  readonly acronym: boolean;
  /** Also a person's given name or a common word: stricter context checks. */
  readonly personLike: boolean;
  readonly phrase: string;
}

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  entries: PlaceEntry[] | null;
}

export interface Gazetteer {
  readonly root: TrieNode;
  /** Russian inflected form → base forms. */
  readonly ruLemmas: Map<string, string[]>;
  /** Single-token Latin names (cities, countries) for the transliteration fallback. */
  readonly latinSingles: Map<string, PlaceEntry[]>;
  /** The same by `spellingSkeleton`, for Russian spellings of foreign names ("Багдад", "Пешавар", "Доха"). */
  readonly latinSkeletons: Map<string, PlaceEntry[]>;
  /** Common surnames, lower case: an ambiguous name followed by one is a person ("Jordan Henderson"). */
  readonly surnames: ReadonlySet<string>;
  /** Common given names, lower case: an ambiguous name after one is a person ("Michael Jordan"). */
  readonly givenNames: ReadonlySet<string>;
  readonly size: number;
}

const ADJ_ENDINGS = ['ый', 'ий', 'ой', 'ого', 'его', 'ому', 'ему', 'им', 'ым', 'ом', 'ем', 'ая', 'яя', 'ую', 'юю', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ыми', 'ими', 'ей'];

/** Inflected forms of one Russian word (nouns and adjectives, singular and common plural cases). */
export function russianForms(w: string): string[] {
  const forms = new Set<string>([w]);
  const addAll = (stem: string, ends: readonly string[]): void => {
    for (const e of ends) forms.add(stem + e);
  };
  if (w.length < 3) return [...forms];
  if (/(ый|ий|ой|ая|яя|ое|ее|ые|ие)$/.test(w) && w.length > 5) addAll(w.slice(0, -2), ADJ_ENDINGS);
  else if (/ия$/.test(w)) addAll(w.slice(0, -2), ['ия', 'ии', 'ию', 'ией']);
  else if (/[еиа]я$/.test(w)) addAll(w.slice(0, -1), ['я', 'и', 'ю', 'ей', 'е']);
  else if (/я$/.test(w)) addAll(w.slice(0, -1), ['я', 'и', 'е', 'ю', 'ей']);
  else if (/[гкхжшщч]а$/.test(w)) addAll(w.slice(0, -1), ['а', 'и', 'е', 'у', 'ой', 'ою']);
  else if (/а$/.test(w)) addAll(w.slice(0, -1), ['а', 'ы', 'е', 'у', 'ой', 'ою']);
  else if (/ь$/.test(w)) addAll(w.slice(0, -1), ['ь', 'и', 'ью', 'я', 'ю', 'ем', 'е']);
  else if (/й$/.test(w)) addAll(w.slice(0, -1), ['й', 'я', 'ю', 'ем', 'е']);
  else if (/ы$/.test(w)) addAll(w.slice(0, -1), ['ы', 'ов', 'ам', 'ах', 'ами']);
  else if (/[бвгджзклмнпрстфхцчшщ]$/.test(w)) {
    const soft = /[жшщчц]$/.test(w);
    addAll(w, ['а', 'у', 'ом', 'е', 'ем', soft ? 'и' : 'ы', 'и', 'ов', 'ам', 'ами', 'ах', 'ей']);
    if (/ец$/.test(w)) addAll(w.slice(0, -2), ['цы', 'ца', 'цев', 'цам']);
  }
  return [...forms];
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', қ: 'q', ғ: 'gh', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u',
};

/**
 * What a Latin name and the transliteration of its Russian spelling share: Russian writes Arabic
 * and Persian "h" as х or drops it ("Baghdad" Багдад, "Doha" Доха), "w" as в ("Peshawar"
 * Пешавар), "j" as дж, "ch" as ч and "c" as к; doubled letters are single. A word's first "h"
 * stays: Somalia's Хиран region had met Iran. Used only after an exact transliteration failed.
 */
export function spellingSkeleton(latin: string): string {
  return latin.replace(/dzh/g, 'j').replace(/kh/g, 'h').replace(/sh/g, 's').replace(/ch/g, 'c').replace(/(?!^)h/g, '').replace(/w/g, 'v').replace(/c/g, 'k').replace(/y/g, 'i').replace(/(.)\1/g, '$1');
}

/** Transliterate a normalised Cyrillic token to Latin (BGN-like, lower case). */
export function transliterate(token: string): string {
  let out = '';
  for (const ch of token) out += TRANSLIT[ch] ?? ch;
  return out;
}

interface RawData {
  entries: Array<[string, string, string, string, string]>;
  surnames?: string[];
  givenNames?: string[];
}

let cached: Gazetteer | undefined;

/** The gazetteer, built on first use and kept for the life of the process. */
export function getGazetteer(): Gazetteer {
  if (!cached) cached = buildGazetteer(gazetteerData as unknown as RawData);
  return cached;
}

function buildGazetteer(data: RawData): Gazetteer {
  const root: TrieNode = { next: null, entries: null };
  const ruLemmas = new Map<string, string[]>();
  const latinSingles = new Map<string, PlaceEntry[]>();
  const latinSkeletons = new Map<string, PlaceEntry[]>();
  let size = 0;
  for (const [phrase, code, via, flags] of data.entries) {
    const tokens = phraseTokens(phrase);
    if (tokens.length === 0) continue;
    const entry: PlaceEntry = {
      countries: code === '' || code.startsWith('m:') ? [] : code.split('|'),
      area: code.startsWith('m:') ? code.slice(2) : undefined,
      via: via as PlaceEntry['via'],
      lowerOk: flags.includes('l'),
      acronym: flags.includes('A'),
      personLike: flags.includes('p'),
      phrase,
    };
    let node = root;
    for (const t of tokens) {
      if (!node.next) node.next = new Map();
      let child = node.next.get(t);
      if (!child) {
        child = { next: null, entries: null };
        node.next.set(t, child);
      }
      node = child;
    }
    (node.entries ??= []).push(entry);
    size++;
    // (an acronym is not declined: "ДРКУ" is an office's acronym, not "ДРК" in the dative)
    if (flags.includes('r') && !entry.acronym && phrase !== phrase.toUpperCase()) {
      for (const t of tokens) {
        for (const f of russianForms(t)) {
          if (f === t) continue;
          const list = ruLemmas.get(f);
          if (!list) ruLemmas.set(f, [t]);
          else if (!list.includes(t)) list.push(t);
        }
      }
    }
    if (tokens.length === 1 && /^[a-z]+$/.test(tokens[0]!) && (via === 't' || via === 'c' || via === 'n') && entry.countries.length > 0) {
      const list = latinSingles.get(tokens[0]!) ?? [];
      list.push(entry);
      latinSingles.set(tokens[0]!, list);
      const skeleton = spellingSkeleton(tokens[0]!);
      const similar = latinSkeletons.get(skeleton) ?? [];
      similar.push(entry);
      latinSkeletons.set(skeleton, similar);
    }
  }
  return { root, ruLemmas, latinSingles, latinSkeletons, surnames: new Set(data.surnames ?? []), givenNames: new Set(data.givenNames ?? []), size };
}
