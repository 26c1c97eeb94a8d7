/**
 * Reports that arrive as HTML pages (a press release as published): the request shape, and
 * extraction of title, date, dateline and clean body text with a maintained HTML parser
 * (node-html-parser), before the normal validation and classification path.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { z } from 'zod';
import { ReportInputSchema } from './report';

/** Largest HTML page accepted, in bytes (pages carry markup, navigation, inline scripts...). */
export const MAX_HTML_BYTES = 2 * 1024 * 1024;
/** Largest HTML page accepted, in characters. */
export const MAX_HTML_CHARS = MAX_HTML_BYTES;

/**
 * The JSON body of `POST /reports` carrying a page: `html` plus optional fields that override
 * what is extracted from it (a page's own title, date or dateline may be missing or wrong).
 */
export const ReportHtmlInputSchema = z.strictObject({
  html: z.string().min(1, 'must not be empty').max(MAX_HTML_CHARS, `must be at most ${MAX_HTML_CHARS} characters`),
  title: ReportInputSchema.shape.title.optional(),
  published: ReportInputSchema.shape.published,
  dateline: ReportInputSchema.shape.dateline,
  url: ReportInputSchema.shape.url,
  language: ReportInputSchema.shape.language,
  source: ReportInputSchema.shape.source,
});

export type ReportHtmlInput = z.output<typeof ReportHtmlInputSchema>;

/** What a page yields; any field may be missing. */
export interface ExtractedPage {
  readonly title?: string;
  /** ISO date (`2022-10-20`) or date-time with offset. */
  readonly published?: string;
  /** Place line, e.g. "DUSHANBE, Tajikistan". */
  readonly dateline?: string;
  /** Clean text: paragraphs separated by blank lines, the dateline removed from the first. */
  readonly body: string;
  readonly url?: string;
  readonly language?: string;
}

/** Elements that never hold the report's text. */
const NOISE = 'script, style, noscript, template, iframe, svg, canvas, nav, header, footer, aside, form, button, select, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], .share, .social, .breadcrumb, .breadcrumbs, .related, .comments, .sidebar, .menu, .cookie';
/** Blocks whose text makes the body, in document order. */
const BLOCKS = 'p, li, h2, h3, h4, h5, h6, blockquote, pre, td';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const clean = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

function meta(root: HTMLElement, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = clean(root.querySelector(selector)?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return undefined;
}

/** An ISO date or date-time with offset from a machine-readable date, or undefined. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v)) return `${v.length === 16 ? `${v}:00` : v}Z`;
  const date = new Date(v);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 ? undefined : date.toISOString();
}

/** "20 October 2022", "October 20, 2022" → 2022-10-20. */
export function parseWrittenDate(text: string): string | undefined {
  const dmy = /\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/.exec(text);
  const mdy = /\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  for (const [day, month, year] of [dmy ? [dmy[1], dmy[2], dmy[3]] : [], mdy ? [mdy[2], mdy[1], mdy[3]] : []]) {
    if (!day || !month || !year) continue;
    const m = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase()) && month.length >= 3);
    const d = Number(day);
    if (m >= 0 && d >= 1 && d <= 31) return `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return undefined;
}

function jsonLdDate(root: HTMLElement): string | undefined {
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.rawText);
      if (found) return found[1];
    } catch {
      // ignore malformed JSON-LD
    }
  }
  return undefined;
}

/**
 * A dateline at the start of a paragraph: "DUSHANBE, Tajikistan – On 18-19 ...",
 * "Tashkent, 20 October 2022 — ...", "ALMATY (UN News) - ...". Returns the place, a
 * written date when present, and the rest of the paragraph.
 */
export function splitDateline(paragraph: string): { dateline: string; date?: string; rest: string } | undefined {
  const m = /^([\p{Lu}][\p{L}.'’-]*(?:[ ,]+[\p{L}][\p{L}.'’-]*){0,6}?(?:,?\s+\d{1,2}\s+[A-Za-z]+\s+\d{4}|,?\s+[A-Za-z]+\s+\d{1,2},\s+\d{4})?)\s*(?:\([^)]{1,60}\))?\s*[–—-]{1,2}\s+(?=\S)/u.exec(paragraph);
  if (!m) return undefined;
  const head = m[1]!.trim();
  const date = parseWrittenDate(head);
  const place = head.replace(/,?\s+(\d{1,2}\s+[A-Za-z]+\s+\d{4}|[A-Za-z]+\s+\d{1,2},\s+\d{4})$/, '').replace(/,\s*$/, '').trim();
  // A place: a few capitalised words, the first usually in capitals or title case; not a sentence.
  if (!place || place.length > 60 || !/^[\p{Lu}]/u.test(place) || place.split(/\s+/).length > 6) return undefined;
  const firstWord = place.split(/[\s,]+/)[0]!;
  const looksLikePlace = /^[\p{Lu}.'’-]{2,}$/u.test(firstWord) || place.includes(',') || !/\s/.test(place);
  if (!looksLikePlace || /^(The|On|In|At|A|An|This|Today|Yesterday)$/.test(place)) return undefined;
  return { dateline: place, ...(date ? { date } : {}), rest: paragraph.slice(m[0].length) };
}

/** Extracts the report from an HTML page. */
export function extractReportFromHtml(html: string): ExtractedPage {
  const root = parse(html, { comment: false, lowerCaseTagName: true });
  const language = /^([a-z]{2})\b/i.exec(root.querySelector('html')?.getAttribute('lang') ?? '')?.[1]?.toLowerCase();
  const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(root, 'meta[property="og:url"]');
  const url = canonical && /^https?:\/\//.test(canonical) ? canonical : undefined;
  let published = toIsoDate(
    meta(root, 'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'meta[name="pubdate"]') ??
      jsonLdDate(root) ??
      root.querySelector('time[datetime]')?.getAttribute('datetime'),
  );

  for (const el of root.querySelectorAll(NOISE)) el.remove();
  const container = root.querySelector('article') ?? root.querySelector('main') ?? root.querySelector('[role=main]') ?? root.querySelector('#content, .content') ?? root.querySelector('body') ?? root;
  const h1 = container.querySelector('h1') ?? root.querySelector('h1');
  const docTitle = clean(root.querySelector('title')?.text ?? '').replace(/\s+[|–—-]\s+[^|–—-]+$/, '');
  const title = meta(root, 'meta[property="og:title"]') || (h1 ? clean(h1.text) : '') || docTitle;
  h1?.remove();

  // Blocks nested in other blocks (a <p> inside an <li>) are taken once, by the outermost.
  const blocks = container.querySelectorAll(BLOCKS).filter((el) => !el.parentNode || !hasBlockAncestor(el, container));
  let paragraphs = blocks.map((el) => clean(el.text)).filter((t) => t !== '' && t !== title);
  if (paragraphs.length === 0) paragraphs = container.structuredText.split('\n').map(clean).filter(Boolean);

  let dateline: string | undefined;
  const first = paragraphs[0];
  const split = first ? splitDateline(first) : undefined;
  if (split) {
    dateline = split.dateline;
    paragraphs[0] = split.rest;
    published ??= split.date;
  }
  published ??= parseWrittenDate(clean(root.querySelector('.date, .field--name-field-date, .post-date')?.text ?? ''));
  return {
    ...(title || docTitle ? { title: title || docTitle } : {}),
    ...(published ? { published } : {}),
    ...(dateline ? { dateline } : {}),
    body: paragraphs.join('\n\n'),
    ...(url ? { url } : {}),
    ...(language ? { language } : {}),
  };
}

function hasBlockAncestor(el: HTMLElement, stop: HTMLElement): boolean {
  for (let p = el.parentNode; p && p !== stop; p = p.parentNode) {
    if (/^(p|li|h[2-6]|blockquote|pre|td)$/.test(p.rawTagName?.toLowerCase() ?? '')) return true;
  }
  return false;
}

/**
 * A report submission from a page: what the page yields, overridden by the fields sent
 * alongside it. Not yet validated: the caller validates it with ReportInputSchema, so a
 * page without a title or text is a 400 naming the field.
 */
export function reportFieldsFromHtml(input: ReportHtmlInput): Record<string, unknown> {
  const page = extractReportFromHtml(input.html);
  const fields: Record<string, unknown> = {
    title: input.title ?? page.title,
    body: page.body,
    published: input.published ?? page.published,
    dateline: input.dateline ?? page.dateline,
    url: input.url ?? page.url,
    language: input.language ?? page.language,
    source: input.source,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
}
