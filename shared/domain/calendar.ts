/**
 * Events that reports announce: the dates and venue named in a report's text ("On 18-19
 * October 2022", "from 3 to 5 May 2024", "in Almaty", or the dateline), and the RFC 5545
 * iCalendar file for them (an all-day VEVENT). Pure: no AWS imports.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.map((m) => `${m[0]!.toUpperCase()}${m.slice(1)}`).join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?`;
const DASH = '\\s*(?:-|–|—|to|until|till|and)\\s*';

/** An event a report announces: all-day dates (end inclusive) and a venue when known. */
export interface ReportEvent {
  /** First day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  readonly end: string;
  readonly venue?: string;
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)));
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Date expressions, most specific first. Each yields [startDay, startMonth, endDay, endMonth, year]. */
const PATTERNS: { regex: RegExp; pick: (m: RegExpExecArray) => [string, string, string, string, string] }[] = [
  // 30 September to 2 October 2024
  { regex: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}${DASH}(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'), pick: (m) => [m[1]!, m[2]!, m[3]!, m[4]!, m[5]!] },
  // 18-19 October 2022, from 3 to 5 May 2024
  { regex: new RegExp(`\\b(\\d{1,2})${DASH}(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'), pick: (m) => [m[1]!, m[3]!, m[2]!, m[3]!, m[4]!] },
  // October 18-19, 2022
  { regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${DASH}(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'), pick: (m) => [m[2]!, m[1]!, m[3]!, m[1]!, m[4]!] },
  // 11 June 2024
  { regex: new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'), pick: (m) => [m[1]!, m[2]!, m[1]!, m[2]!, m[3]!] },
  // June 11, 2024
  { regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),\\s+(\\d{4})\\b`, 'i'), pick: (m) => [m[2]!, m[1]!, m[2]!, m[1]!, m[3]!] },
];

/** Words after "in" that are not places. */
const NOT_PLACES = new Set([...MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)), 'Accordance', 'Addition', 'Particular', 'Order', 'Support', 'Partnership', 'Cooperation', 'Line', 'Response', 'Light', 'Charge', 'Person', 'Total', 'General', 'The', 'Its', 'Their', 'His', 'Her', 'Republic', 'Region', 'Country', 'Countries', 'Framework', 'Areas', 'Capital']);

function venueInSentence(sentence: string): string | undefined {
  const re = /\bin\s+((?:the\s+)?[A-Z][\p{L}'’-]+(?:[ -][A-Z][\p{L}'’-]+){0,2})/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const place = m[1]!.replace(/^the\s+/, '');
    const first = place.split(/[ -]/)[0]!;
    // "Cooperation in Europe", "Minister in ...": after a capitalised word, "in" is part of a name.
    const before = /([\p{L}\d]+)\W*$/u.exec(sentence.slice(0, m.index))?.[1] ?? '';
    if (/^\p{Lu}/u.test(before)) continue;
    if (!NOT_PLACES.has(first) && !/^(UN|OSCE|EU|UNRCCA)$/.test(first)) return place;
  }
  return undefined;
}

/** "DUSHANBE, Tajikistan" → "Dushanbe, Tajikistan". */
export function datelinePlace(dateline: string): string {
  return dateline
    .split(',')
    .map((part) => part.trim().replace(/\p{L}+/gu, (w) => (w === w.toUpperCase() && w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w)))
    .filter(Boolean)
    .join(', ');
}

/**
 * The event a report announces: the first date or date range with a day and a year in its
 * text (the first paragraphs come first), and a venue from "in <Place>" in the same sentence,
 * else the dateline. Undefined when the text names no such date.
 */
export function detectEvent(report: { readonly body: string; readonly dateline?: string }): ReportEvent | undefined {
  const text = report.body.slice(0, 5000);
  let best: { index: number; start: string; end: string; length: number } | undefined;
  for (const { regex, pick } of PATTERNS) {
    const m = regex.exec(text);
    if (!m || (best && m.index >= best.index)) continue;
    const [d1, m1, d2, m2, y] = pick(m);
    const year = Number(y);
    const start = isoDate(year, monthIndex(m1), Number(d1));
    let end = isoDate(year, monthIndex(m2), Number(d2));
    if (!start || !end) continue;
    if (end < start) end = isoDate(year + 1, monthIndex(m2), Number(d2)); // 30 December to 2 January 2025
    if (!end || Date.parse(end) - Date.parse(start) > 31 * 86_400_000) continue;
    best = { index: m.index, start, end, length: m[0].length };
  }
  if (!best) return undefined;
  const sentenceStart = Math.max(text.lastIndexOf('. ', best.index) + 1, text.lastIndexOf('\n', best.index) + 1, 0);
  const sentenceEnd = (() => {
    const candidates = [text.indexOf('. ', best.index + best.length), text.indexOf('\n', best.index + best.length)].filter((i) => i >= 0);
    return candidates.length ? Math.min(...candidates) : text.length;
  })();
  const venue = venueInSentence(text.slice(sentenceStart, sentenceEnd)) ?? (report.dateline ? datelinePlace(report.dateline) : undefined);
  return { start: best.start, end: best.end, ...(venue ? { venue } : {}) };
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines begin with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');
const utcStamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The report fields a calendar entry shows. */
export interface CalendarReport {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly dateline?: string;
  readonly url?: string;
  readonly receivedAt: string;
}

/** An RFC 5545 calendar with one all-day VEVENT (DTEND exclusive), CRLF lines, folded and escaped. */
export function eventIcs(report: CalendarReport, event: ReportEvent, opts: { description?: string } = {}): string {
  const endExclusive = new Date(Date.parse(`${event.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const description = [opts.description, report.url].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Herald//Event reports//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${report.id}@herald`,
    `DTSTAMP:${utcStamp(new Date(report.receivedAt))}`,
    `DTSTART;VALUE=DATE:${compactDate(event.start)}`,
    `DTEND;VALUE=DATE:${compactDate(endExclusive)}`,
    `SUMMARY:${escapeText(report.title)}`,
    ...(event.venue ? [`LOCATION:${escapeText(event.venue)}`] : []),
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(report.url ? [`URL:${report.url}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
