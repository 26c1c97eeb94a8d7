/**
 * GET /feeds?region=&theme=&format=atom|json: public feeds of the newest reports of a region
 * and/or theme, for people who prefer a feed reader to email. Reads only the feed index,
 * whose entries hold what an alert email shows (shared/adapters/feeds.ts).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { listFeedEntries, type FeedKey } from '../../shared/adapters/feeds';
import { createDocumentClient } from '../../shared/clients';
import { renderAtom, renderJsonFeed } from '../../shared/domain/feeds';
import { FeedQuerySchema } from '../../shared/domain/report-query';
import { requireEnv } from '../../shared/env';
import { httpHandler } from '../../shared/http/handler';
import { parseQuery } from '../../shared/http/request';

const ddb = createDocumentClient();
const table = requireEnv('REPORTS_TABLE');

/** The API's public base URL, from the request (API Gateway sets x-forwarded-proto). */
export function baseUrlOf(event: APIGatewayProxyEventV2): string {
  // Only a well-formed host name (and port) may shape the feed's links: anything else in a
  // Host header (found by the fuzz test: `a[7` made the URL invalid, a 500) falls back to
  // the API's own domain name.
  const isHost = (value: string | undefined): value is string => value !== undefined && /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253})(:\d{1,5})?$/.test(value);
  const header = event.headers?.['host'];
  const host = isHost(header) ? header : isHost(event.requestContext?.domainName) ? event.requestContext.domainName : 'localhost';
  const forwarded = event.headers?.['x-forwarded-proto']?.split(',')[0]?.trim().toLowerCase();
  const proto = forwarded === 'http' || forwarded === 'https' ? forwarded : /^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https';
  return `${proto}://${host}`;
}

export const handler = httpHandler(async (event) => {
  const query = parseQuery(event, FeedQuerySchema);
  const key: FeedKey = query.region ? `region:${query.region}` : query.theme ? `theme:${query.theme}` : 'all';
  const entries = await listFeedEntries(ddb, table, { key, ...(query.region && query.theme ? { theme: query.theme } : {}), limit: query.limit });
  const baseUrl = baseUrlOf(event);
  const urlFor = (format: string) => `${baseUrl}/feeds?${new URLSearchParams({ ...(query.region ? { region: query.region } : {}), ...(query.theme ? { theme: query.theme } : {}), format }).toString()}`;
  const ctx = {
    baseUrl,
    selfUrl: urlFor(query.format),
    atomUrl: urlFor('atom'),
    jsonUrl: urlFor('json'),
    ...(query.region ? { region: query.region } : {}),
    ...(query.theme ? { theme: query.theme } : {}),
    updated: entries[0] ? new Date(entries[0].receivedAt) : new Date(),
  };
  const headers = { 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff', 'access-control-allow-origin': '*' };
  if (query.format === 'json') {
    return { statusCode: 200, headers: { 'content-type': 'application/feed+json; charset=utf-8', ...headers }, body: JSON.stringify(renderJsonFeed(entries, ctx)) };
  }
  return { statusCode: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8', ...headers }, body: renderAtom(entries, ctx) };
});
