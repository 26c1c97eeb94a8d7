/**
 * The preference centre. GET /manage?token= shows it (a GET never changes state); without
 * a token it shows the "email me a link" form. POST /manage (form: token, action, fields)
 * changes one thing and shows the centre again: save-rule (add, or edit with ruleId),
 * remove-rule, delivery-time (time zone, digest hour, weekly day; `timezone` is the older
 * name of the same action), pause, resume, unsubscribe-all, export (JSON download), erase.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signingKeyLoader } from '../../shared/adapters/signing-keys';
import { eraseSubscriber, exportSubscriber, getSubscriber, saveRule, setDeliveryTime, setPaused, unsubscribe, type SubscriberProfile } from '../../shared/adapters/subscriptions';
import { createDocumentClient } from '../../shared/clients';
import { describeRule } from '../../shared/domain/email';
import { messagePage } from '../../shared/domain/pages';
import { deliveryTimeText, preferenceCentrePage, requestLinkPage, type FormProblem } from '../../shared/domain/preference-centre';
import { DeliveryTimeSchema, SubscribeInputSchema } from '../../shared/domain/subscription';
import { InvalidTokenError, verifyLinkToken, verifyToken } from '../../shared/domain/tokens';
import { requireEnv } from '../../shared/env';
import { HttpError, ValidationError } from '../../shared/errors';
import { deliveryTimeFieldsOf, formParams, ruleFieldsOf } from '../../shared/http/form';
import { httpHandler } from '../../shared/http/handler';
import { validate } from '../../shared/http/request';
import { html, json } from '../../shared/http/response';
import { logger } from '../../shared/logger';

const ddb = createDocumentClient();
const table = requireEnv('SUBSCRIPTIONS_TABLE');
const signingKeys = signingKeyLoader();

const RuleInputSchema = SubscribeInputSchema.pick({ regions: true, themes: true, frequency: true, language: true });

/** Most rule forms a page may post; the body limit keeps everything else small. */
const MAX_FORM_BYTES = 32 * 1024;

/** What to say above the centre: text, or text made from the subscriber as just read. */
type CentreMessage = string | ((profile: SubscriberProfile) => string);

async function centre(event: APIGatewayProxyEventV2, token: string, subscriberId: string, status: number, extra: { message?: CentreMessage; problems?: readonly FormProblem[] } = {}) {
  const found = await getSubscriber(ddb, table, subscriberId);
  // An erased subscriber's links die with their data.
  if (!found) throw new InvalidTokenError('this subscription no longer exists');
  const message = typeof extra.message === 'function' ? extra.message(found.profile) : extra.message;
  return html(status, preferenceCentrePage({ action: event.rawPath, token, subscriber: found.profile, rules: found.rules, ...(message ? { message } : {}), ...(extra.problems ? { problems: extra.problems } : {}) }));
}

async function act(event: APIGatewayProxyEventV2) {
  const params = formParams(event, MAX_FORM_BYTES);
  const {
    token,
    claims: { subscriberId },
  } = verifyLinkToken(params.get('token'), 'manage', await signingKeys());
  const action = params.get('action') ?? '';
  const now = new Date();
  try {
    switch (action) {
      case 'save-rule': {
        const input = validate(RuleInputSchema, ruleFieldsOf(params));
        const replaceRuleId = params.get('ruleId') || undefined;
        const { rule } = await saveRule(ddb, table, subscriberId, input, { now, ...(replaceRuleId ? { replaceRuleId } : {}) });
        logger.info('Rule saved in the preference centre', { subscriberId, ruleId: rule.ruleId, replaced: replaceRuleId });
        return centre(event, token, subscriberId, 200, { message: `Saved: ${describeRule(rule)}.` });
      }
      case 'remove-rule': {
        const ruleId = params.get('ruleId');
        if (!ruleId) throw new ValidationError([{ field: 'ruleId', problem: 'is missing' }]);
        const { removed } = await unsubscribe(ddb, table, subscriberId, ruleId);
        return centre(event, token, subscriberId, 200, { message: removed ? 'That rule is stopped: it sends nothing more.' : 'That rule was already stopped.' });
      }
      case 'delivery-time':
      case 'timezone': {
        const time = validate(DeliveryTimeSchema, { timezone: '', ...deliveryTimeFieldsOf(params) });
        await setDeliveryTime(ddb, table, subscriberId, time);
        return centre(event, token, subscriberId, 200, { message: (profile) => `Saved: ${deliveryTimeText(profile)}.` });
      }
      case 'pause':
      case 'resume': {
        await setPaused(ddb, table, subscriberId, action === 'pause');
        return centre(event, token, subscriberId, 200, { message: action === 'pause' ? 'Paused: Herald sends you nothing until you resume.' : 'Resumed: your rules are active again.' });
      }
      case 'unsubscribe-all': {
        await unsubscribe(ddb, table, subscriberId);
        return centre(event, token, subscriberId, 200, { message: 'You are unsubscribed from everything. Add a rule to start again.' });
      }
      case 'export': {
        const data = await exportSubscriber(ddb, table, subscriberId, now);
        logger.info('Subscriber data exported', { subscriberId });
        return json(200, data, { 'content-disposition': 'attachment; filename="herald-my-data.json"' });
      }
      case 'erase': {
        if (params.get('confirm') !== 'yes') {
          return centre(event, token, subscriberId, 400, { problems: [{ field: 'confirm', problem: 'tick the box to confirm that you want your data erased' }] });
        }
        await eraseSubscriber(ddb, table, subscriberId, now);
        logger.info('Subscriber erased', { subscriberId });
        return html(200, messagePage('Your data is erased', 'Herald has deleted your address, rules and history. Only a one-way hash of the address is kept, so that we never email it again unless you subscribe anew.'));
      }
      default:
        throw new ValidationError([{ field: 'action', problem: 'must be one of save-rule, remove-rule, delivery-time, pause, resume, unsubscribe-all, export, erase' }]);
    }
  } catch (error) {
    // Show field problems and conflicts on the centre itself, with the form still there.
    if (error instanceof HttpError && error.statusCode < 500 && !(error instanceof InvalidTokenError)) {
      const problems = error instanceof ValidationError && error.issues.length ? error.issues : [{ field: 'body', problem: error.message }];
      return centre(event, token, subscriberId, error.statusCode, { problems });
    }
    throw error;
  }
}

export const handler = httpHandler(
  async (event) => {
    if (event.requestContext.http.method === 'POST') return act(event);
    const token = event.queryStringParameters?.['token'];
    if (!token) return html(200, requestLinkPage({ action: `${event.rawPath.replace(/\/+$/, '')}/link` }));
    const { subscriberId } = verifyToken(token, 'manage', await signingKeys());
    return centre(event, token, subscriberId, 200);
  },
  { htmlErrors: true },
);
