/**
 * SES v2 event-destination messages (bounces and complaints), as EventBridge delivers
 * them (`detail` is the SES event) or as SNS does (`Records[].Sns.Message` is its JSON).
 * Pure: parsing, and building sample events for the local injection path and tests.
 */

/** What Herald does with one recipient of an SES event. */
export interface RecipientOutcome {
  readonly email: string;
  /** `hard`: suppress at once; `soft`: add to the decaying soft-bounce score; `complaint`: suppress at once. */
  readonly kind: 'hard' | 'soft' | 'complaint';
  readonly at: Date;
}

interface SesEventDetail {
  eventType?: string;
  notificationType?: string;
  bounce?: { bounceType?: string; bounceSubType?: string; bouncedRecipients?: { emailAddress?: string }[]; timestamp?: string };
  complaint?: { complainedRecipients?: { emailAddress?: string }[]; timestamp?: string; complaintFeedbackType?: string };
  mail?: { timestamp?: string; messageId?: string; tags?: Record<string, string[]> };
}

/** The SES events inside an EventBridge event, an SNS event or a bare SES event. */
export function sesEventsOf(event: unknown): SesEventDetail[] {
  if (!event || typeof event !== 'object') return [];
  const e = event as { detail?: unknown; Records?: { Sns?: { Message?: string } }[]; eventType?: unknown; notificationType?: unknown };
  if (e.detail && typeof e.detail === 'object') return [e.detail as SesEventDetail];
  if (Array.isArray(e.Records)) {
    return e.Records.flatMap((r) => {
      try {
        return r.Sns?.Message ? [JSON.parse(r.Sns.Message) as SesEventDetail] : [];
      } catch {
        return [];
      }
    });
  }
  if (typeof e.eventType === 'string' || typeof e.notificationType === 'string') return [event as SesEventDetail];
  return [];
}

function dateOf(value: string | undefined, fallback: Date): Date {
  const date = value ? new Date(value) : fallback;
  return Number.isNaN(date.getTime()) ? fallback : date;
}

/** The recipients of an SES event and what each one's bounce or complaint means. */
export function outcomesOf(detail: SesEventDetail, now = new Date()): RecipientOutcome[] {
  const type = detail.eventType ?? detail.notificationType;
  if (type === 'Bounce' && detail.bounce) {
    // Permanent: the address does not exist. Transient and Undetermined may pass.
    const kind = detail.bounce.bounceType === 'Permanent' ? 'hard' : 'soft';
    const at = dateOf(detail.bounce.timestamp, now);
    return (detail.bounce.bouncedRecipients ?? []).flatMap((r) => (r.emailAddress ? [{ email: r.emailAddress, kind, at } as const] : []));
  }
  if (type === 'Complaint' && detail.complaint) {
    const at = dateOf(detail.complaint.timestamp, now);
    return (detail.complaint.complainedRecipients ?? []).flatMap((r) => (r.emailAddress ? [{ email: r.emailAddress, kind: 'complaint', at } as const] : []));
  }
  return [];
}

/** A sample EventBridge event as SES sends it, for `herald ses-event` and tests. */
export function sampleSesEvent(opts: { kind: 'bounce' | 'complaint'; email: string; bounceType?: 'Permanent' | 'Transient' | 'Undetermined'; at?: Date; configurationSet?: string }) {
  const at = (opts.at ?? new Date()).toISOString();
  const mail = { timestamp: at, messageId: `local-${Date.now()}`, destination: [opts.email], tags: { 'ses:configuration-set': [opts.configurationSet ?? 'herald-local'] } };
  const detail =
    opts.kind === 'bounce'
      ? { eventType: 'Bounce', mail, bounce: { bounceType: opts.bounceType ?? 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: opts.email }], timestamp: at } }
      : { eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: opts.email }], complaintFeedbackType: 'abuse', timestamp: at } };
  return { version: '0', id: `local-${Date.now()}`, 'detail-type': opts.kind === 'bounce' ? 'Email Bounced' : 'Email Complaint', source: 'aws.ses', time: at, region: 'us-east-1', resources: [], detail };
}
