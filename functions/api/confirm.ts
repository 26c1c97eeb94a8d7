/**
 * GET /subscriptions/confirm shows a page whose button POSTs; POST confirms. A GET never
 * changes state, because mail scanners follow links.
 */
import { signingKeyLoader } from '../../shared/adapters/signing-keys';
import { confirmSubscriber } from '../../shared/adapters/subscriptions';
import { createDocumentClient } from '../../shared/clients';
import { actionPage, messagePage } from '../../shared/domain/pages';
import { verifyLinkToken } from '../../shared/domain/tokens';
import { requireEnv } from '../../shared/env';
import { httpHandler } from '../../shared/http/handler';
import { parseFormBody } from '../../shared/http/request';
import { html } from '../../shared/http/response';
import { logger } from '../../shared/logger';

const ddb = createDocumentClient();
const table = requireEnv('SUBSCRIPTIONS_TABLE');
const signingKeys = signingKeyLoader();

export const handler = httpHandler(
  async (event) => {
    const isPost = event.requestContext.http.method === 'POST';
    const given = (isPost ? parseFormBody(event)['token'] : undefined) ?? event.queryStringParameters?.['token'];
    const { token, claims } = verifyLinkToken(given, 'confirm', await signingKeys());
    if (!isPost) {
      return html(
        200,
        actionPage({
          title: 'Confirm your subscription',
          intro: 'Press the button to start receiving the Herald alerts you asked for.',
          action: event.rawPath,
          token,
          button: 'Confirm subscription',
        }),
      );
    }
    const { activated } = await confirmSubscriber(ddb, table, claims.subscriberId, claims.version ?? -1, new Date());
    logger.info('Subscription confirmed', { subscriberId: claims.subscriberId, rulesActivated: activated.length });
    return html(200, messagePage('Subscription confirmed', 'Thank you. You will receive Herald alerts for the reports you chose. Every email has a link to unsubscribe.'));
  },
  { htmlErrors: true },
);
