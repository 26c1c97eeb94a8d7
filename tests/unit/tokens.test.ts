import { describe, expect, it } from 'vitest';
import { InvalidTokenError, signToken, verifyToken } from '../../shared/domain/tokens';

const KEY = 'k'.repeat(32);
const OLD_KEY = 'o'.repeat(32);

describe('link tokens', () => {
  it('round-trips claims for their purpose', () => {
    const token = signToken({ purpose: 'confirm', subscriberId: 'sub_1', version: 3 }, [KEY]);
    const claims = verifyToken(token, 'confirm', [KEY]);
    expect(claims).toMatchObject({ purpose: 'confirm', subscriberId: 'sub_1', version: 3 });
  });

  it('refuses a token for another purpose', () => {
    const token = signToken({ purpose: 'unsubscribe', subscriberId: 'sub_1' }, [KEY]);
    expect(() => verifyToken(token, 'confirm', [KEY])).toThrow(/another purpose/);
  });

  it('refuses an expired token', () => {
    const issued = new Date('2026-01-01T00:00:00Z');
    const token = signToken({ purpose: 'confirm', subscriberId: 'sub_1', version: 1 }, [KEY], issued);
    expect(() => verifyToken(token, 'confirm', [KEY], new Date('2026-01-03T23:00:00Z'))).not.toThrow();
    expect(() => verifyToken(token, 'confirm', [KEY], new Date('2026-01-04T00:00:01Z'))).toThrow(/expired/);
  });

  it('keeps unsubscribe links valid for at least 30 days', () => {
    const issued = new Date('2026-01-01T00:00:00Z');
    const token = signToken({ purpose: 'unsubscribe', subscriberId: 'sub_1' }, [KEY], issued);
    expect(verifyToken(token, 'unsubscribe', [KEY], new Date('2026-02-01T00:00:00Z')).subscriberId).toBe('sub_1');
  });

  it('refuses a tampered payload or signature', () => {
    const token = signToken({ purpose: 'unsubscribe', subscriberId: 'sub_1' }, [KEY]);
    const [payload, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ p: 'unsubscribe', s: 'sub_2', e: 9999999999 })).toString('base64url');
    expect(() => verifyToken(`${forged}.${sig}`, 'unsubscribe', [KEY])).toThrow(InvalidTokenError);
    const flipped = sig.slice(0, -2) + (sig.endsWith('AA') ? 'BB' : 'AA');
    expect(() => verifyToken(`${payload}.${flipped}`, 'unsubscribe', [KEY])).toThrow(InvalidTokenError);
    expect(() => verifyToken('garbage', 'unsubscribe', [KEY])).toThrow(InvalidTokenError);
  });

  it('accepts tokens signed with a fallback key during rotation, and signs with the first', () => {
    const old = signToken({ purpose: 'unsubscribe', subscriberId: 'sub_1' }, [OLD_KEY]);
    expect(verifyToken(old, 'unsubscribe', [KEY, OLD_KEY]).subscriberId).toBe('sub_1');
    expect(() => verifyToken(old, 'unsubscribe', [KEY])).toThrow(InvalidTokenError);
    const fresh = signToken({ purpose: 'unsubscribe', subscriberId: 'sub_1' }, [KEY, OLD_KEY]);
    expect(() => verifyToken(fresh, 'unsubscribe', [OLD_KEY])).toThrow(InvalidTokenError);
  });
});
