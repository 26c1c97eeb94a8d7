/**
 * POST /subscriptions: record a pending rule and send the double opt-in email. The answer
 * is the same whether or not the address was known, so nobody learns who subscribes.
 */
import { sendEmail } from '../../shared/adapters/mailer';
import { signingKeyLoader } from '../../shared/adapters/signing-keys';
import { requestSubscription } from '../../shared/adapters/subscriptions';
import { createDocumentClient, createSesClient } from '../../shared/clients';
import { renderConfirmationEmail } from '../../shared/domain/email';
import { confirmUrl, unsubscribeUrl } from '../../shared/domain/links';
import { SubscribeInputSchema } from '../../shared/domain/subscription';
import { requireEnv } from '../../shared/env';
import { httpHandler } from '../../shared/http/handler';
import { parseJsonBody } from '../../shared/http/request';
import { json } from '../../shared/http/response';
import { logger } from '../../shared/logger';
import { mailSettingsFromEnv } from '../../shared/mail-settings';

const ddb = createDocumentClient();
const ses = createSesClient();
const table = requireEnv('SUBSCRIPTIONS_TABLE');
const mail = mailSettingsFromEnv();
const signingKeys = signingKeyLoader();

export const handler = httpHandler(async (event) => {
  const input = parseJsonBody(event, SubscribeInputSchema, 16 * 1024);
  const now = new Date();
  const { profile, rule, ruleCreated } = await requestSubscription(ddb, table, input, { now, method: 'api' });
  // A new rule, or a repeat while still unconfirmed, gets a confirmation email; a repeat of
  // an already active rule gets nothing (no email floods from repeated requests).
  if (rule.status === 'pending') {
    const keys = await signingKeys();
    const email = renderConfirmationEmail({
      to: profile.email,
      confirmUrl: confirmUrl(mail.publicBaseUrl, keys, profile, now),
      rule,
      links: { unsubscribeUrl: unsubscribeUrl(mail.publicBaseUrl, keys, profile.subscriberId, now) },
    });
    await sendEmail(ses, mail, email);
  }
  logger.info('Subscription requested', { subscriberId: profile.subscriberId, ruleId: rule.ruleId, ruleCreated, frequency: rule.frequency });
  return json(202, {
    status: 'pending_confirmation',
    message: 'Check your inbox: follow the link in the email we sent to confirm this subscription.',
  });
});
