/**
 * The report model: what publishers send, what Herald stores, and how a report's
 * identity is derived so that a retried POST stores one report.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Classification } from '../classify/types';

/** Largest accepted report body, in characters. */
export const MAX_BODY_CHARS = 100_000;
/** Largest accepted Idempotency-Key header. */
export const MAX_IDEMPOTENCY_KEY_CHARS = 255;

const trimmed = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The JSON body of `POST /reports`. Unknown fields are rejected so typos are caught. */
export const ReportInputSchema = z
  .strictObject({
    title: trimmed(500),
    body: trimmed(MAX_BODY_CHARS),
    published: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset, e.g. 2022-10-20T09:00:00Z' })
      .or(z.iso.date({ message: 'must be an ISO 8601 date, e.g. 2022-10-20' }))
      .optional(),
    dateline: trimmed(200).optional(),
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(2048, 'must be at most 2048 characters')
      .optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as en, ru or fr')
      .optional(),
    source: trimmed(200).optional(),
  });

/** A validated report submission. */
export type ReportInput = z.output<typeof ReportInputSchema>;

/** A stored report with its classification. */
export interface Report extends Omit<ReportInput, 'published'> {
  readonly id: string;
  readonly publisherId: string;
  /** ISO date-time; the receipt time when the publisher gave none. */
  readonly published: string;
  readonly receivedAt: string;
  /** SHA-256 of the canonical content, to tell a retry from a conflicting reuse of a key. */
  readonly contentHash: string;
  readonly classification: Classification;
  /** Every region a subscription can name that covers this report: countries and M49 areas. */
  readonly regionKeys: string[];
}

/** Normalises a published date to a full ISO date-time (dates become midnight UTC). */
export function normalisePublished(published: string | undefined, now: Date): string {
  if (!published) return now.toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return `${published}T00:00:00.000Z`;
  return new Date(published).toISOString();
}

/** SHA-256 (hex) of a report's content fields, in a fixed order. */
export function contentHash(input: ReportInput): string {
  const canonical = JSON.stringify([input.title, input.body, input.published ?? null, input.dateline ?? null, input.url ?? null, input.language ?? null, input.source ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The report id: derived from the publisher and its Idempotency-Key, or from the content
 * when no key is sent, so the same submission always maps to the same item.
 */
export function reportId(publisherId: string, idempotencyKey: string | undefined, hash: string): string {
  const basis = idempotencyKey ? `key\n${publisherId}\n${idempotencyKey}` : `content\n${publisherId}\n${hash}`;
  return `rpt_${createHash('sha256').update(basis).digest('base64url').slice(0, 22)}`;
}
