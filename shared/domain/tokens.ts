/**
 * Signed single-purpose link tokens (confirm, unsubscribe, manage): an HMAC-SHA256 over
 * a small JSON payload, bound to one purpose, one subscriber and, where it matters, that
 * subscriber's state version, with an expiry. Keys rotate: sign with the first, accept any.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, ValidationError } from '../errors';

/** What a link may be used for. A token for one purpose is refused for another. */
export type TokenPurpose = 'confirm' | 'unsubscribe' | 'manage';

/** How long each kind of link stays valid. */
export const TOKEN_TTL_SECONDS: Record<TokenPurpose, number> = {
  confirm: 72 * 3600,
  unsubscribe: 60 * 24 * 3600,
  manage: 7 * 24 * 3600,
};

/** The claims a link carries. */
export interface TokenClaims {
  readonly purpose: TokenPurpose;
  readonly subscriberId: string;
  /** The subscriber's state version the link was made for (confirm links are single-use through it). */
  readonly version?: number;
  /** Restricts an unsubscribe link to one rule. */
  readonly ruleId?: string;
  /** Expiry, epoch seconds. */
  readonly expiresAt: number;
}

/** Thrown when a token is malformed, forged, expired or for another purpose. */
export class InvalidTokenError extends ForbiddenError {
  override name = 'InvalidTokenError';
  constructor(reason: string) {
    super(`This link is not valid: ${reason}`, 'invalid_link');
  }
}

const DOMAIN = 'herald-link-v1';

interface WirePayload {
  p: TokenPurpose;
  s: string;
  v?: number;
  r?: string;
  e: number;
}

function mac(key: string, payload: string): Buffer {
  return createHmac('sha256', key).update(`${DOMAIN}.${payload}`).digest();
}

/** Signs claims with the current (first) key. */
export function signToken(claims: Omit<TokenClaims, 'expiresAt'> & { expiresAt?: number }, keys: readonly string[], now = new Date()): string {
  const [current] = keys;
  if (!current) throw new Error('No signing key configured');
  const wire: WirePayload = {
    p: claims.purpose,
    s: claims.subscriberId,
    ...(claims.version !== undefined ? { v: claims.version } : {}),
    ...(claims.ruleId !== undefined ? { r: claims.ruleId } : {}),
    e: claims.expiresAt ?? Math.floor(now.getTime() / 1000) + TOKEN_TTL_SECONDS[claims.purpose],
  };
  const payload = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${payload}.${mac(current, payload).toString('base64url')}`;
}

/**
 * Verifies a token for one purpose: signature by any configured key (constant-time
 * comparison), purpose, expiry. Throws InvalidTokenError otherwise.
 */
export function verifyToken(token: string, purpose: TokenPurpose, keys: readonly string[], now = new Date()): TokenClaims {
  if (typeof token !== 'string' || token.length > 1024) throw new InvalidTokenError('malformed');
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new InvalidTokenError('malformed');
  const [payload, signature] = parts as [string, string];
  // Buffer.from skips characters outside the alphabet and ignores the last character's
  // spare bits, so several strings decode to one signature: accept only the canonical one.
  if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) throw new InvalidTokenError('malformed');
  const given = Buffer.from(signature, 'base64url');
  if (given.toString('base64url') !== signature) throw new InvalidTokenError('malformed');
  const valid = keys.some((key) => {
    const expected = mac(key, payload);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!valid) throw new InvalidTokenError('signature does not match');
  let wire: WirePayload;
  try {
    wire = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as WirePayload;
  } catch {
    throw new InvalidTokenError('malformed');
  }
  if (wire.p !== purpose) throw new InvalidTokenError(`it is for another purpose`);
  if (typeof wire.s !== 'string' || typeof wire.e !== 'number') throw new InvalidTokenError('malformed');
  if (wire.e * 1000 < now.getTime()) throw new InvalidTokenError('it has expired');
  return { purpose: wire.p, subscriberId: wire.s, version: wire.v, ruleId: wire.r, expiresAt: wire.e };
}

/**
 * Verifies the token a link request carries: a 400 naming `token` when there is none,
 * else verifyToken's answer for that purpose.
 */
export function verifyLinkToken(token: string | null | undefined, purpose: TokenPurpose, keys: readonly string[], now = new Date()): { token: string; claims: TokenClaims } {
  if (!token) throw new ValidationError([{ field: 'token', problem: 'is missing: open the link from your email' }]);
  return { token, claims: verifyToken(token, purpose, keys, now) };
}
