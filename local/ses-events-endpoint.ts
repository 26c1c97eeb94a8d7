/**
 * A local-only endpoint, `POST /_local/ses-events`, that feeds the SES bounce/complaint
 * handler exactly what EventBridge would in AWS. Body: either a whole SES event
 * (EventBridge or SNS shape) or the shorthand `{"kind":"bounce"|"complaint","email":...,
 * "bounceType":"Permanent"|"Transient"|"Undetermined","at"?:ISO date}`.
 * `npx herald ses-event` posts here. It is never deployed: it is not in functions/routes.ts.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { SES_EVENTS } from '../functions/routes';
import { sampleSesEvent } from '../shared/ses-events';
import { importHandlerModule } from './http-server';

/** The local routes served next to functions/routes.ts by `npm start` and the test stack. */
export const LOCAL_ROUTES = [{ name: 'LocalSesEvents', method: 'POST', path: '/_local/ses-events', entry: 'local/ses-events-endpoint.ts', auth: false }] as const;

function reply(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '')) as Record<string, unknown>;
  } catch {
    return reply(400, { error: 'send a JSON body' });
  }
  let sesEvent: unknown = body;
  if (body['kind'] === 'bounce' || body['kind'] === 'complaint') {
    if (typeof body['email'] !== 'string') return reply(400, { error: 'email is required' });
    const bounceType = body['bounceType'];
    if (bounceType !== undefined && !['Permanent', 'Transient', 'Undetermined'].includes(String(bounceType))) return reply(400, { error: 'bounceType must be Permanent, Transient or Undetermined' });
    sesEvent = sampleSesEvent({
      kind: body['kind'],
      email: body['email'],
      ...(bounceType ? { bounceType: bounceType as 'Permanent' } : {}),
      ...(typeof body['at'] === 'string' ? { at: new Date(body['at']) } : {}),
    });
  }
  const mod = await importHandlerModule(SES_EVENTS.entry);
  const result = await mod.handler(sesEvent, {} as never);
  return reply(200, result);
}
