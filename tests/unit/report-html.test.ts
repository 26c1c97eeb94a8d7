/**
 * Extracting a report from a press-release page: title, date, dateline, clean text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReportFromHtml, parseWrittenDate, reportFieldsFromHtml, splitDateline } from '../../shared/domain/report-html';

const page = readFileSync(new URL('../fixtures/press-release.html', import.meta.url), 'utf8');

describe('extractReportFromHtml', () => {
  const r = extractReportFromHtml(page);
  it('takes og:title, article:published_time, canonical URL and language', () => {
    expect(r.title).toBe('UNRCCA and OSCE hold regional workshop on transboundary water cooperation in Almaty');
    expect(r.published).toBe('2024-05-06T05:30:00.000Z');
    expect(r.url).toBe('https://unrcca.unmissions.org/unrcca-and-osce-hold-regional-workshop-transboundary-water-cooperation-almaty');
    expect(r.language).toBe('en');
  });
  it('splits the dateline off the first paragraph', () => {
    expect(r.dateline).toBe('ALMATY, Kazakhstan');
    expect(r.body.startsWith('From 3 to 5 May 2024, the UN Regional Centre')).toBe(true);
  });
  it('keeps the article text only: no navigation, scripts, share links, related items or footer', () => {
    const paragraphs = r.body.split('\n\n');
    expect(paragraphs).toHaveLength(6);
    expect(r.body).toContain('Aral Sea (IFAS)'); // &nbsp; decoded and collapsed
    expect(r.body).toContain('Preventive diplomacy on water'); // inline markup flattened
    for (const noise of ['Skip to main', 'News & Press', 'Share on', 'Related news', '©', 'gtag', 'Home']) expect(r.body).not.toContain(noise);
  });
  it('falls back to h1, <title>, <time> and a written date in the dateline', () => {
    expect(extractReportFromHtml('<title>Talks in Osh | UNRCCA</title><p>OSH, Kyrgyzstan – Talks.</p>')).toMatchObject({ title: 'Talks in Osh', dateline: 'OSH, Kyrgyzstan', body: 'Talks.' });
    expect(extractReportFromHtml('<h1>T</h1><time datetime="2024-01-02">2 Jan</time><p>x</p>').published).toBe('2024-01-02');
    expect(extractReportFromHtml('<h1>T</h1><p>Tashkent, 20 October 2022 — The Centre met.</p>')).toMatchObject({ dateline: 'Tashkent', published: '2022-10-20', body: 'The Centre met.' });
  });
  it('does not take a sentence for a dateline', () => {
    expect(splitDateline('The meeting – held in Osh – ended.')).toBeUndefined();
    expect(splitDateline('On 18-19 October 2022, UNRCCA - and others')).toBeUndefined();
  });
  it('lets fields sent alongside override the page', () => {
    expect(reportFieldsFromHtml({ html: page, title: 'Mine', dateline: 'ASTANA, Kazakhstan' })).toMatchObject({ title: 'Mine', dateline: 'ASTANA, Kazakhstan', language: 'en' });
  });
  it('reads written dates', () => {
    expect(parseWrittenDate('20 October 2022')).toBe('2022-10-20');
    expect(parseWrittenDate('October 5, 2023')).toBe('2023-10-05');
    expect(parseWrittenDate('sometime')).toBeUndefined();
  });
});
