/**
 * POST /subscriptions: record a pending rule and send the double opt-in email. JSON from
 * the API (202), or the HTML form of `GET /subscribe` (a page). The answer is the same
 * whether or not the address was known, suppressed or rate-limited, so nobody learns who
 * subscribes; at most 3 confirmation emails per address per hour are sent.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { sendEmail } from '../../shared/adapters/mailer';
import { CONFIRMATION_EMAILS_PER_ADDRESS, consumeRateLimit, rateKey } from '../../shared/adapters/rate-limit';
import { signingKeyLoader } from '../../shared/adapters/signing-keys';
import { requestSubscription } from '../../shared/adapters/subscriptions';
import { getSuppression } from '../../shared/adapters/suppression';
import { createDocumentClient, createSesClient } from '../../shared/clients';
import { renderConfirmationEmail } from '../../shared/domain/email';
import { confirmUrl, unsubscribeUrl } from '../../shared/domain/links';
import { subscribeAcceptedPage, subscribePage } from '../../shared/domain/preference-centre';
import { normaliseEmail, SubscribeInputSchema, type SubscribeInput } from '../../shared/domain/subscription';
import { requireEnv } from '../../shared/env';
import { HttpError, ValidationError } from '../../shared/errors';
import { deliveryTimeFieldsOf, formParams, isFormRequest, ruleFieldsOf } from '../../shared/http/form';
import { httpHandler } from '../../shared/http/handler';
import { parseJsonBody, validate } from '../../shared/http/request';
import { html, json } from '../../shared/http/response';
import { logger } from '../../shared/logger';
import { mailSettingsFromEnv } from '../../shared/mail-settings';

const ddb = createDocumentClient();
const ses = createSesClient();
const table = requireEnv('SUBSCRIPTIONS_TABLE');
const mail = mailSettingsFromEnv();
const signingKeys = signingKeyLoader();

async function subscribe(input: SubscribeInput, method: string): Promise<void> {
  const now = new Date();
  // Bounced or complained-about addresses get nothing, and nothing is written for them.
  // An erased subscriber's opt-out is lifted only by a new confirmed opt-in.
  const suppression = await getSuppression(ddb, table, input.email);
  if (suppression && suppression.reason !== 'erased') {
    logger.info('Subscription request for a suppressed address ignored', { reason: suppression.reason });
    return;
  }
  const { profile, rule, ruleCreated } = await requestSubscription(ddb, table, input, { now, method });
  // A new rule, or a repeat while still unconfirmed, gets a confirmation email; a repeat of
  // an already active rule gets nothing; and never more than the per-address limit.
  if (rule.status === 'pending') {
    const { allowed } = await consumeRateLimit(ddb, table, CONFIRMATION_EMAILS_PER_ADDRESS, rateKey(normaliseEmail(profile.email)), now);
    if (!allowed) {
      logger.info('Confirmation email rate-limited', { subscriberId: profile.subscriberId });
      return;
    }
    const keys = await signingKeys();
    const email = renderConfirmationEmail({
      to: profile.email,
      confirmUrl: confirmUrl(mail.publicBaseUrl, keys, profile, now),
      rule,
      links: { unsubscribeUrl: unsubscribeUrl(mail.publicBaseUrl, keys, profile.subscriberId, now) },
    });
    await sendEmail(ses, mail, email);
  }
  logger.info('Subscription requested', { subscriberId: profile.subscriberId, ruleId: rule.ruleId, ruleCreated, frequency: rule.frequency, method });
}

async function fromForm(event: APIGatewayProxyEventV2) {
  const params = formParams(event, 16 * 1024);
  const values = { email: params.get('email') ?? '', ...ruleFieldsOf(params), ...deliveryTimeFieldsOf(params) };
  let input: SubscribeInput;
  try {
    input = validate(SubscribeInputSchema, values);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return html(400, subscribePage({ action: event.rawPath, values: values as never, problems: error.issues }));
  }
  try {
    await subscribe(input, 'web-form');
  } catch (error) {
    if (error instanceof HttpError && error.statusCode < 500) return html(error.statusCode, subscribePage({ action: event.rawPath, values: values as never, problems: [{ field: 'body', problem: error.message }] }));
    throw error;
  }
  return html(200, subscribeAcceptedPage());
}

export const handler = httpHandler(async (event) => {
  if (isFormRequest(event)) return fromForm(event);
  const input = parseJsonBody(event, SubscribeInputSchema, 16 * 1024);
  await subscribe(input, 'api');
  return json(202, {
    status: 'pending_confirmation',
    message: 'Check your inbox: follow the link in the email we sent to confirm this subscription.',
  });
});
