/**
 * The keys that sign email links. Locally SIGNING_KEY holds them (comma-separated,
 * current first); in AWS SIGNING_KEY_SECRET_ARN names a Secrets Manager secret whose
 * value has the same form, read once per container.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError, optionalEnv } from '../env';

type Env = Readonly<Record<string, string | undefined>>;

function parseKeys(value: string, source: string): string[] {
  const keys = value.split(',').map((k) => k.trim()).filter(Boolean);
  if (keys.length === 0 || keys.some((k) => k.length < 32)) throw new ConfigError(`${source} must hold one or more comma-separated keys of at least 32 characters`);
  return keys;
}

/** Creates a loader that resolves the signing keys once and caches them. */
export function signingKeyLoader(env: Env = process.env): () => Promise<string[]> {
  const direct = optionalEnv('SIGNING_KEY', env);
  const secretArn = optionalEnv('SIGNING_KEY_SECRET_ARN', env);
  if (!direct && !secretArn) throw new ConfigError('Missing required environment variable SIGNING_KEY or SIGNING_KEY_SECRET_ARN');
  let cached: Promise<string[]> | undefined;
  return () => {
    if (direct) return Promise.resolve(parseKeys(direct, 'SIGNING_KEY'));
    cached ??= new SecretsManagerClient({ region: optionalEnv('AWS_REGION', env) })
      .send(new GetSecretValueCommand({ SecretId: secretArn }))
      .then((out) => parseKeys(out.SecretString ?? '', 'The signing-key secret'))
      .catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
    return cached;
  };
}
