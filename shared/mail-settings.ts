/**
 * Settings of the functions that send email to subscribers, read once from the environment.
 */
import { optionalEnv, requireEnv } from './env';
import type { MailerConfig } from './adapters/mailer';

type Env = Readonly<Record<string, string | undefined>>;

/** Sender, configuration set and the public base URL that links point at. */
export interface MailSettings extends MailerConfig {
  readonly publicBaseUrl: string;
}

/** Reads SENDER_EMAIL, SES_CONFIGURATION_SET and PUBLIC_BASE_URL. */
export function mailSettingsFromEnv(env: Env = process.env): MailSettings {
  const configurationSet = optionalEnv('SES_CONFIGURATION_SET', env);
  return {
    from: requireEnv('SENDER_EMAIL', env),
    publicBaseUrl: requireEnv('PUBLIC_BASE_URL', env),
    ...(configurationSet ? { configurationSet } : {}),
  };
}
