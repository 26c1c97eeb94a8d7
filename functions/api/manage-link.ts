/**
 * POST /manage/link (form: email): emails a fresh preference-centre link. The answer is
 * the same page whether or not the address is known (or suppressed, or over its limit),
 * so nobody learns who subscribes; and it comes after the same time either way (at least
 * MANAGE_LINK_MIN_RESPONSE_MS, default 800 ms), since only a known address costs a lookup
 * and an email. At most 3 link emails per address per hour; at most 20 requests per
 * client address per hour (429 beyond, for every address alike).
 */
import { sendEmail } from '../../shared/adapters/mailer';
import { consumeRateLimit, MANAGE_LINK_EMAILS_PER_ADDRESS, MANAGE_LINK_REQUESTS_PER_IP, rateKey } from '../../shared/adapters/rate-limit';
import { signingKeyLoader } from '../../shared/adapters/signing-keys';
import { findSubscriberByEmail } from '../../shared/adapters/subscriptions';
import { isSuppressed } from '../../shared/adapters/suppression';
import { createDocumentClient, createSesClient } from '../../shared/clients';
import { renderManageLinkEmail } from '../../shared/domain/email';
import { manageUrl, unsubscribeUrl } from '../../shared/domain/links';
import { requestLinkPage } from '../../shared/domain/preference-centre';
import { normaliseEmail, SubscribeInputSchema } from '../../shared/domain/subscription';
import { intEnv, requireEnv } from '../../shared/env';
import { TooManyRequestsError, ValidationError } from '../../shared/errors';
import { formParams, sourceIp } from '../../shared/http/form';
import { httpHandler } from '../../shared/http/handler';
import { validate } from '../../shared/http/request';
import { html } from '../../shared/http/response';
import { DEFAULT_MIN_RESPONSE_MS, padToMinimum } from '../../shared/http/timing';
import { logger } from '../../shared/logger';
import { mailSettingsFromEnv } from '../../shared/mail-settings';

const ddb = createDocumentClient();
const ses = createSesClient();
const table = requireEnv('SUBSCRIPTIONS_TABLE');
const mail = mailSettingsFromEnv();
const signingKeys = signingKeyLoader();
const minResponseMs = intEnv('MANAGE_LINK_MIN_RESPONSE_MS', DEFAULT_MIN_RESPONSE_MS);

const EmailSchema = SubscribeInputSchema.pick({ email: true });

export const handler = httpHandler(
  async (event) => {
    const action = event.rawPath;
    const params = formParams(event, 4 * 1024);
    let email: string;
    try {
      ({ email } = validate(EmailSchema, { email: params.get('email') ?? '' }));
    } catch (error) {
      if (error instanceof ValidationError) return html(400, requestLinkPage({ action, problems: error.issues }));
      throw error;
    }
    const now = new Date();
    const started = performance.now();
    const perIp = await consumeRateLimit(ddb, table, MANAGE_LINK_REQUESTS_PER_IP, rateKey(`ip:${sourceIp(event)}`), now);
    if (!perIp.allowed) throw new TooManyRequestsError('Too many link requests from your network; please try again later', perIp.retryAfterSeconds);
    // Count the address whether or not it is known, so the limit itself reveals nothing.
    const perAddress = await consumeRateLimit(ddb, table, MANAGE_LINK_EMAILS_PER_ADDRESS, rateKey(normaliseEmail(email)), now);
    const found = perAddress.allowed ? await findSubscriberByEmail(ddb, table, email) : undefined;
    if (found && !(await isSuppressed(ddb, table, found.profile.email))) {
      const keys = await signingKeys();
      const id = found.profile.subscriberId;
      await sendEmail(
        ses,
        mail,
        renderManageLinkEmail({
          to: found.profile.email,
          manageUrl: manageUrl(mail.publicBaseUrl, keys, id, now),
          links: { unsubscribeUrl: unsubscribeUrl(mail.publicBaseUrl, keys, id, now) },
        }),
      );
      logger.info('Manage link sent', { subscriberId: id });
    } else {
      logger.info('Manage link not sent', { reason: perAddress.allowed ? 'unknown or suppressed address' : 'rate-limited' });
    }
    const took = await padToMinimum(started, minResponseMs);
    if (took > minResponseMs) logger.warn('Manage link answer slower than its floor: its timing may show whether the address is known', { tookMs: Math.round(took), minResponseMs });
    return html(200, requestLinkPage({ action, sent: true }));
  },
  { htmlErrors: true },
);
