/**
 * The signed links in Herald's emails, under the API's public base URL.
 */
import { signToken } from './tokens';

const trimBase = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/** The double opt-in link, bound to the subscriber's current state version. */
export function confirmUrl(baseUrl: string, keys: readonly string[], subscriber: { subscriberId: string; version: number }, now = new Date()): string {
  const token = signToken({ purpose: 'confirm', subscriberId: subscriber.subscriberId, version: subscriber.version }, keys, now);
  return `${trimBase(baseUrl)}/subscriptions/confirm?token=${encodeURIComponent(token)}`;
}

/** The unsubscribe link (page on GET, RFC 8058 one-click on POST); for one rule or for everything. */
export function unsubscribeUrl(baseUrl: string, keys: readonly string[], subscriberId: string, now = new Date(), ruleId?: string): string {
  const token = signToken({ purpose: 'unsubscribe', subscriberId, ...(ruleId ? { ruleId } : {}) }, keys, now);
  return `${trimBase(baseUrl)}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** The preference-centre link (`GET /manage?token=`), valid for 7 days. */
export function manageUrl(baseUrl: string, keys: readonly string[], subscriberId: string, now = new Date()): string {
  const token = signToken({ purpose: 'manage', subscriberId }, keys, now);
  return `${trimBase(baseUrl)}/manage?token=${encodeURIComponent(token)}`;
}
