/**
 * Bounces and complaints, injected the way the local stack does it (POST /_local/ses-events,
 * which `npx herald ses-event` uses) into the same handler the SesEvents Lambda runs: a hard
 * bounce or a complaint suppresses at once, soft bounces after a decaying threshold, and
 * suppressed addresses get nothing: no alerts, no confirmations, no manage links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decayedScore, SOFT_BOUNCE_THRESHOLD } from '../../shared/adapters/suppression';
import { emailHash } from '../../shared/domain/subscription';
import { sampleSesEvent } from '../../shared/ses-events';
import { startTestStack, type TestStack } from '../helpers/local';
import { emailsTo } from '../helpers/mail';
import { postForm, subscriberKit } from '../helpers/subscribers';

let stack: TestStack;
let kit: ReturnType<typeof subscriberKit>;

beforeAll(async () => {
  stack = await startTestStack();
  kit = subscriberKit(stack);
});
afterAll(async () => {
  await stack?.stop();
});

async function inject(body: unknown) {
  const res = await fetch(`${stack.apiUrl}/_local/ses-events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as { suppressed: number; softBounces: number; ignored: number };
}

async function suppression(address: string) {
  return (await kit.allItems()).find((i) => i['pk'] === `SUPPRESSED#${emailHash(address)}`);
}

describe('hard bounces and complaints', () => {
  it('suppresses a hard-bounced address at once: the next report sends it nothing', async () => {
    const address = 'hard@example.org';
    await kit.subscribeAndConfirm(address);
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(1);
    expect(await inject({ kind: 'bounce', email: address, bounceType: 'Permanent' })).toEqual({ suppressed: 1, softBounces: 0, ignored: 0 });
    expect((await suppression(address))?.['reason']).toBe('bounce');
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(1);
  });

  it('suppresses on a complaint, delivered in the EventBridge shape with mixed-case address', async () => {
    const address = 'complains@example.org';
    await kit.subscribeAndConfirm(address);
    expect(await inject(sampleSesEvent({ kind: 'complaint', email: 'Complains@Example.org' }))).toMatchObject({ suppressed: 1 });
    expect((await suppression(address))?.['reason']).toBe('complaint');
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(0);
  });

  it('accepts the SNS shape too, and ignores other event types', async () => {
    const address = 'sns@example.org';
    const sns = { Records: [{ Sns: { Message: JSON.stringify(sampleSesEvent({ kind: 'bounce', email: address }).detail) } }] };
    expect(await inject(sns)).toMatchObject({ suppressed: 1 });
    expect(await inject({ detail: { eventType: 'Delivery', mail: {} } })).toEqual({ suppressed: 0, softBounces: 0, ignored: 1 });
  });

  it('sends a suppressed address neither confirmations nor manage links, with the usual answers', async () => {
    const address = 'hard@example.org';
    const before = (await emailsTo(stack.sesUrl, address)).length;
    expect((await kit.subscribe(address, { regions: ['TJK'] })).status).toBe(202);
    const link = await postForm(`${stack.apiUrl}/manage/link`, { email: address });
    expect(link.status).toBe(200);
    expect(link.text).toContain('If this address is subscribed');
    expect(await emailsTo(stack.sesUrl, address)).toHaveLength(before);
  });

  it('keeps a bounce suppression when the subscriber erases their data', async () => {
    const address = 'hard@example.org';
    // The subscriber still has a (suppressed) subscription; erase it through the centre.
    const { signToken } = await import('../../shared/domain/tokens');
    const subscriberId = (await kit.allItems()).find((i) => i['kind'] === 'profile' && i['email'] === address)!['subscriberId'] as string;
    const token = signToken({ purpose: 'manage', subscriberId }, [stack.env['SIGNING_KEY']!]);
    expect((await postForm(`${stack.apiUrl}/manage`, { token, action: 'erase', confirm: 'yes' })).status).toBe(200);
    expect((await suppression(address))?.['reason']).toBe('bounce');
  });
});

describe('soft bounces', () => {
  it(`suppress only once the decaying score reaches ${SOFT_BOUNCE_THRESHOLD} (the third soft bounce in a row)`, async () => {
    const address = 'soft@example.org';
    await kit.subscribeAndConfirm(address);
    for (let i = 1; i < 3; i++) {
      expect(await inject({ kind: 'bounce', email: address, bounceType: 'Transient' })).toEqual({ suppressed: 0, softBounces: 1, ignored: 0 });
    }
    expect(await suppression(address)).toBeUndefined();
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(1);
    expect(await inject({ kind: 'bounce', email: address, bounceType: 'Transient' })).toEqual({ suppressed: 1, softBounces: 1, ignored: 0 });
    expect((await suppression(address))?.['reason']).toBe('soft-bounce');
    await kit.postReport();
    expect(await kit.alertsTo(address)).toHaveLength(1);
  });

  it('forget old soft bounces: the same count spread over weeks does not suppress', async () => {
    const address = 'soft-old@example.org';
    const weeks = (n: number) => new Date(Date.now() - n * 7 * 86_400_000).toISOString();
    await inject({ kind: 'bounce', email: address, bounceType: 'Undetermined', at: weeks(4) });
    await inject({ kind: 'bounce', email: address, bounceType: 'Transient', at: weeks(2) });
    await inject({ kind: 'bounce', email: address, bounceType: 'Transient', at: new Date().toISOString() });
    expect(await suppression(address)).toBeUndefined();
    const score = (await kit.allItems()).find((i) => i['pk'] === `BOUNCE#${emailHash(address)}`)!['score'] as number;
    // (1/4 + 1) / 4 + 1 ≈ 1.31
    expect(score).toBeCloseTo(1.3125, 2);
    expect(score).toBeLessThan(SOFT_BOUNCE_THRESHOLD);
  });

  it('decays by half every week', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(decayedScore(2, t0, new Date('2026-01-08T00:00:00Z'))).toBeCloseTo(1, 6);
    expect(decayedScore(2, t0, t0)).toBe(2);
  });
});
