/**
 * Event detection and the RFC 5545 file: the seed (18–19 October 2022 in Dushanbe), date
 * forms, venues, escaping, folding at 75 octets, CRLF, all-day DTEND exclusive.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datelinePlace, detectEvent, escapeText, eventIcs, foldLine } from '../../shared/domain/calendar';
import { SEED_REPORT } from '../../shared/openapi/examples';

const seedPath = new URL('../../../shared/corpus/seed.json', import.meta.url);
const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as { title: string; body: string; dateline: string };

describe('detectEvent', () => {
  it('finds the seed conference: 18–19 October 2022 in Dushanbe', () => {
    expect(detectEvent(seed)).toEqual({ start: '2022-10-18', end: '2022-10-19', venue: 'Dushanbe, Tajikistan' });
  });
  it.each([
    ['From 3 to 5 May 2024, the Centre held a workshop in Almaty.', { start: '2024-05-03', end: '2024-05-05', venue: 'Almaty' }],
    ['On 27–28 May 2024, UN Women convened the conference.', { start: '2024-05-27', end: '2024-05-28' }],
    ['from 30 September to 2 October 2024 experts met in Osh', { start: '2024-09-30', end: '2024-10-02', venue: 'Osh' }],
    ['On 11 June 2024, the Special Representative met the Minister.', { start: '2024-06-11', end: '2024-06-11' }],
    ['The meeting took place on October 18-19, 2022 in Bishkek.', { start: '2022-10-18', end: '2022-10-19', venue: 'Bishkek' }],
    ['The Organization for Security and Cooperation in Europe met on 2 March 2023.', { start: '2023-03-02', end: '2023-03-02' }],
  ])('%s', (body, expected) => {
    expect(detectEvent({ body })).toEqual(expected);
  });
  it('finds nothing without a day and a year, or for impossible dates', () => {
    expect(detectEvent({ body: 'The Dushanbe Process launched in May 2018.' })).toBeUndefined();
    expect(detectEvent({ body: 'On 31 February 2024 nothing happened.' })).toBeUndefined();
  });
  it('title-cases a capitalised dateline', () => {
    expect(datelinePlace('DUSHANBE, Tajikistan')).toBe('Dushanbe, Tajikistan');
    expect(datelinePlace('NEW YORK')).toBe('New York');
  });
});

describe('eventIcs', () => {
  const event = detectEvent(seed)!;
  const ics = eventIcs({ ...SEED_REPORT, title: seed.title, body: seed.body, url: 'https://example.org/a,b' }, event, { description: seed.body.slice(0, 400) });
  const unfolded = ics.replace(/\r\n /g, '');
  const lines = unfolded.split('\r\n');

  it('is a CRLF calendar with one all-day VEVENT, DTEND exclusive', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain(`UID:${SEED_REPORT.id}@herald`);
    expect(lines).toContain('DTSTAMP:20261102T081500Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20221018');
    expect(lines).toContain('DTEND;VALUE=DATE:20221020');
    expect(lines).toContain('LOCATION:Dushanbe\\, Tajikistan');
    expect(lines).toContain(`SUMMARY:${seed.title}`);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });
  it('folds every line at 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain('\r\n '); // the description is long enough to fold
  });
  it('escapes text and keeps multi-byte characters whole when folding', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'“Ж”'.repeat(40)}`);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'“Ж”'.repeat(40)}`);
  });
});
