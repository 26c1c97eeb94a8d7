/**
 * SES v2 adapter. Sends Simple content (HTML and text alternatives) with custom headers
 * through the `Headers` field, which is how List-Unsubscribe travels.
 */
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { OutboundEmail } from '../domain/email';
import { headerSafe } from '../domain/html';

/** Sender settings. */
export interface MailerConfig {
  /** The verified From address. */
  readonly from: string;
  readonly configurationSet?: string;
}

/** Sends one email; returns SES's message id. */
export async function sendEmail(ses: SESv2Client, config: MailerConfig, email: OutboundEmail): Promise<string | undefined> {
  const result = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: config.from,
      Destination: { ToAddresses: [email.to] },
      ...(config.configurationSet ? { ConfigurationSetName: config.configurationSet } : {}),
      Content: {
        Simple: {
          Subject: { Data: headerSafe(email.subject, 200), Charset: 'UTF-8' },
          Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
          Headers: email.headers.map((h) => ({ Name: h.name, Value: headerSafe(h.value, 900) })),
        },
      },
    }),
  );
  return result.MessageId;
}
