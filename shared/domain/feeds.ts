/**
 * Rendering public feeds of report entries: Atom 1.0 (RFC 4287, with the `feed` package)
 * and JSON Feed 1.1. Entries carry what an alert email shows, nothing more. Pure.
 */
import { Feed } from 'feed';
import type { FeedEntry } from '../adapters/feeds';
import { regionName } from '../taxonomy/m49';
import { themeName } from '../taxonomy/themes';

export interface FeedContext {
  /** Base URL of the API, e.g. https://api.example.org (no trailing slash). */
  readonly baseUrl: string;
  /** The feed's own URL (with its query), for self links. */
  readonly selfUrl: string;
  /** The same feed in each format. */
  readonly atomUrl: string;
  readonly jsonUrl: string;
  readonly region?: string;
  readonly theme?: string;
  /** Newest entry's time, or now for an empty feed. */
  readonly updated: Date;
}

export function feedTitle(ctx: Pick<FeedContext, 'region' | 'theme'>): string {
  const parts = [ctx.region ? regionName(ctx.region) : undefined, ctx.theme ? themeName(ctx.theme) : undefined].filter(Boolean);
  return `Herald reports${parts.length ? ` — ${parts.join(' · ')}` : ''}`;
}

const eventUrl = (ctx: FeedContext, e: FeedEntry) => `${ctx.baseUrl}/reports/${e.reportId}/event.ics`;
const entryLink = (ctx: FeedContext, e: FeedEntry) => e.url ?? `${ctx.selfUrl}#${e.reportId}`;
const places = (e: FeedEntry) => (e.countries.length ? e.countries : e.regions).map(regionName);

function entryText(e: FeedEntry): string {
  const meta = [e.dateline, e.source].filter(Boolean).join(' · ');
  return [meta, e.summary, places(e).length ? `Where: ${places(e).join(', ')}` : '', e.themes.length ? `Themes: ${e.themes.map(themeName).join(', ')}` : ''].filter(Boolean).join('\n\n');
}

function escapeXmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function entryHtml(ctx: FeedContext, e: FeedEntry): string {
  const meta = [e.dateline, e.source].filter(Boolean).join(' · ');
  return [
    meta ? `<p><em>${escapeXmlText(meta)}</em></p>` : '',
    `<p>${escapeXmlText(e.summary)}</p>`,
    places(e).length ? `<p><strong>Where:</strong> ${escapeXmlText(places(e).join(', '))}</p>` : '',
    e.themes.length ? `<p><strong>Themes:</strong> ${escapeXmlText(e.themes.map(themeName).join(', '))}</p>` : '',
    e.hasEvent ? `<p><a href="${escapeXmlText(eventUrl(ctx, e))}">Add the event to your calendar (.ics)</a></p>` : '',
  ].join('');
}

/** An Atom 1.0 document. */
export function renderAtom(entries: readonly FeedEntry[], ctx: FeedContext): string {
  const feed = new Feed({
    id: ctx.selfUrl,
    title: feedTitle(ctx),
    description: 'Event reports classified by region and theme, as Herald alerts show them.',
    link: `${ctx.baseUrl}/docs#op-get-feeds`,
    updated: ctx.updated,
    generator: 'Herald',
    feedLinks: { atom: ctx.atomUrl, json: ctx.jsonUrl },
    copyright: 'Each report belongs to its publisher.',
  });
  for (const e of entries) {
    feed.addItem({
      title: e.title,
      id: `urn:herald:report:${e.reportId}`,
      link: entryLink(ctx, e),
      date: new Date(e.receivedAt),
      published: new Date(e.published),
      description: e.summary,
      content: entryHtml(ctx, e),
      category: [...e.themes.map((t) => ({ term: t, name: themeName(t), scheme: 'https://herald.example/taxonomy/themes' })), ...e.countries.map((c) => ({ term: c, name: regionName(c), scheme: 'urn:iso:std:iso:3166:-1:alpha-3' }))],
      ...(e.source ? { author: [{ name: e.source }] } : {}),
      ...(e.hasEvent ? { enclosure: { url: eventUrl(ctx, e), type: 'text/calendar', title: 'Event (.ics)' } } : {}),
    });
  }
  return feed.atom1();
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export function renderJsonFeed(entries: readonly FeedEntry[], ctx: FeedContext): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(ctx),
    home_page_url: `${ctx.baseUrl}/docs#op-get-feeds`,
    feed_url: ctx.selfUrl,
    description: 'Event reports classified by region and theme, as Herald alerts show them.',
    items: entries.map((e) => ({
      id: `urn:herald:report:${e.reportId}`,
      url: entryLink(ctx, e),
      ...(e.url ? { external_url: e.url } : {}),
      title: e.title,
      summary: e.summary,
      content_text: entryText(e),
      content_html: entryHtml(ctx, e),
      date_published: new Date(e.published).toISOString(),
      date_modified: new Date(e.receivedAt).toISOString(),
      tags: [...e.themes.map(themeName), ...places(e)],
      ...(e.source ? { authors: [{ name: e.source }] } : {}),
      ...(e.language ? { language: e.language } : {}),
      ...(e.hasEvent ? { attachments: [{ url: eventUrl(ctx, e), mime_type: 'text/calendar', title: 'Event (.ics)' }] } : {}),
    })),
  };
}
