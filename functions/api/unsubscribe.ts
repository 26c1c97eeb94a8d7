/**
 * GET /unsubscribe shows a page whose button POSTs. POST unsubscribes: from the page's
 * form, or as an RFC 8058 one-click request (`List-Unsubscribe=One-Click`, token in the
 * URL, no cookies), which is answered 200 with no redirect.
 */
import { signingKeyLoader } from '../../shared/adapters/signing-keys';
import { unsubscribe } from '../../shared/adapters/subscriptions';
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
    const form = isPost ? parseFormBody(event) : {};
    const { token, claims } = verifyLinkToken(form['token'] ?? event.queryStringParameters?.['token'], 'unsubscribe', await signingKeys());
    if (!isPost) {
      return html(
        200,
        actionPage({
          title: 'Unsubscribe',
          intro: claims.ruleId ? 'Press the button to stop the alerts of this subscription.' : 'Press the button to stop all Herald emails to this address.',
          action: event.rawPath,
          token,
          button: 'Unsubscribe',
        }),
      );
    }
    const { removed } = await unsubscribe(ddb, table, claims.subscriberId, claims.ruleId);
    logger.info('Unsubscribed', { subscriberId: claims.subscriberId, rulesRemoved: removed, oneClick: form['List-Unsubscribe'] === 'One-Click' });
    return html(200, messagePage('You are unsubscribed', 'You will not receive any more of these emails. You can subscribe again at any time.'));
  },
  { htmlErrors: true },
);
