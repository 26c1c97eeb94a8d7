import { describe, expect, it } from 'vitest';
import { createDocumentClient, createSesClient } from '../../shared/clients';

describe('SDK clients from configuration', () => {
  it('point at an emulator with the keys of the env given, not only process.env', async () => {
    const env = { DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'cli-key', AWS_SECRET_ACCESS_KEY: 'cli-secret' };
    const client = createDocumentClient(env);
    const endpoint = await client.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe('http://127.0.0.1:8000');
    expect(await client.config.region()).toBe('eu-central-1');
    const credentials = await client.config.credentials();
    expect(credentials).toMatchObject({ accessKeyId: 'cli-key', secretAccessKey: 'cli-secret' });
  });

  it('leave the endpoint to the SDK without an override', async () => {
    const ses = createSesClient({ AWS_REGION: 'eu-west-1' });
    expect(ses.config.endpoint).toBeUndefined();
    expect(await ses.config.region()).toBe('eu-west-1');
  });
});
