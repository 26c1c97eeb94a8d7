/**
 * The contract between the classifier and the rest of Herald. Pure types, no AWS.
 */
import type { ThemeId } from '../taxonomy/themes';

/** What the classifier reads. */
export interface ClassifyInput {
  readonly title: string;
  readonly body: string;
  /** ISO 639-1 code (`en`, `ru`, `fr`); detected when absent. */
  readonly language?: string;
  /** Place line of a press release, e.g. "DUSHANBE, Tajikistan". */
  readonly dateline?: string;
}

/** A span of the document text that justified a tag. */
export interface Evidence {
  readonly text: string;
  /** Offsets into `documentText(input)` (UTF-16 code units, end exclusive). */
  readonly start: number;
  readonly end: number;
}

/** One theme assigned to a report. */
export interface ThemeTag {
  readonly id: ThemeId;
  /** Confidence in [0, 1]. */
  readonly score: number;
  readonly evidence: readonly Evidence[];
}

/** The classifier's answer for one report. */
export interface Classification {
  /** ISO alpha-3 countries the report substantively concerns (subset of `mentioned`), sorted. */
  readonly countries: string[];
  /** Every ISO alpha-3 country the text names, sorted. */
  readonly mentioned: string[];
  readonly primaryCountry: string | null;
  /** M49 area codes: ancestors of the concerned countries plus areas the text names itself, sorted. */
  readonly regions: string[];
  /** 1 to 4 themes, best first. */
  readonly themes: ThemeTag[];
  readonly primaryTheme: ThemeId | null;
  /** Language used (given or detected). */
  readonly language: string;
}
