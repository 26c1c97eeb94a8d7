/**
 * Reading configuration from the environment: once, at module load, failing fast with
 * a message that names the missing variable.
 */

/** Thrown when the environment lacks a required setting. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** The value of a required variable; throws ConfigError naming it when unset or empty. */
export function requireEnv(name: string, env: Env = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`Missing required environment variable ${name}`);
  }
  return value;
}

/** The value of an optional variable, or undefined when unset or empty. */
export function optionalEnv(name: string, env: Env = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** An optional positive integer variable, with a default; throws ConfigError when malformed. */
export function intEnv(name: string, fallback: number, env: Env = process.env): number {
  const raw = optionalEnv(name, env);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}
