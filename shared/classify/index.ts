/**
 * Herald's classifier: pure TypeScript, no I/O. `classify` tags a report with the countries it
 * mentions and concerns, its primary country, M49 regions and 1 to 4 themes with evidence.
 *
 * Evidence offsets point into `documentText(input)`:
 *   title + "\n\n" + dateline + "\n\n" + body   (the dateline part omitted when absent or blank).
 *
 * The gazetteer and the theme lexicon are built once per process, on first use.
 */
import type { Classification, ClassifyInput } from './types';
import { analysePlaces } from './places';
import { scoreThemes } from './themes';
import { detectLanguage, documentLayout, documentText, tokenize } from './text';

export { documentText } from './text';
export type { Classification, ClassifyInput, Evidence, ThemeTag } from './types';

/** Classify one report. Never throws on odd text; throws only when title/body are not strings. */
export function classify(input: ClassifyInput): Classification {
  const safe: ClassifyInput = {
    title: typeof input.title === 'string' ? input.title : '',
    body: typeof input.body === 'string' ? input.body : '',
    language: typeof input.language === 'string' && input.language.trim() ? input.language : undefined,
    dateline: typeof input.dateline === 'string' ? input.dateline : undefined,
  };
  const text = documentText(safe);
  const layout = documentLayout(safe);
  const tokens = tokenize(text);
  const language = (safe.language ?? detectLanguage(text)).toLowerCase().slice(0, 2);
  const places = analysePlaces(text, tokens, layout);
  const { themes, primary } = scoreThemes(text, tokens, layout.titleEnd, { donorInTitle: places.donorInTitle });
  return {
    countries: places.countries,
    mentioned: places.mentioned,
    primaryCountry: places.primaryCountry,
    regions: places.regions,
    themes,
    primaryTheme: primary,
    language,
  };
}
