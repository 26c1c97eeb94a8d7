/**
 * Bounces and complaints from the SES configuration set's event destination (EventBridge
 * in AWS; `POST /_local/ses-events` or `npx herald ses-event` locally): a hard bounce or a
 * complaint suppresses the address at once; soft bounces add to a score that halves every
 * week and suppress it at 3. Suppressed addresses get nothing from any sender.
 */
import { recordSoftBounce, suppress } from '../../shared/adapters/suppression';
import { createDocumentClient } from '../../shared/clients';
import { requireEnv } from '../../shared/env';
import { logger } from '../../shared/logger';
import { outcomesOf, sesEventsOf } from '../../shared/ses-events';

const ddb = createDocumentClient();
const table = requireEnv('SUBSCRIPTIONS_TABLE');

/** What one invocation did, per outcome. */
export interface SesEventsResult {
  suppressed: number;
  softBounces: number;
  ignored: number;
}

export async function handler(event: unknown): Promise<SesEventsResult> {
  const result: SesEventsResult = { suppressed: 0, softBounces: 0, ignored: 0 };
  const details = sesEventsOf(event);
  for (const detail of details) {
    const outcomes = outcomesOf(detail);
    if (outcomes.length === 0) result.ignored++;
    for (const outcome of outcomes) {
      if (outcome.kind === 'soft') {
        const { score, suppressed } = await recordSoftBounce(ddb, table, outcome.email, outcome.at);
        result.softBounces++;
        if (suppressed) result.suppressed++;
        logger.info('Soft bounce recorded', { score: Math.round(score * 100) / 100, suppressed });
      } else {
        await suppress(ddb, table, outcome.email, outcome.kind === 'hard' ? 'bounce' : 'complaint', outcome.at);
        result.suppressed++;
        logger.info('Address suppressed', { reason: outcome.kind });
      }
    }
  }
  if (details.length === 0) logger.warn('Event without SES bounce or complaint ignored');
  return result;
}
