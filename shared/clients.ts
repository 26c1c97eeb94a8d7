/**
 * AWS SDK v3 clients, configured from the environment. Functions create them once at
 * module scope; locally the endpoints point at DynamoDB Local and aws-ses-v2-local.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { optionalEnv } from './env';

type Env = Readonly<Record<string, string | undefined>>;

/** Endpoint and region overrides shared by every client. */
function clientOptions(endpointVar: string, env: Env) {
  const endpoint = optionalEnv(endpointVar, env);
  const accessKeyId = optionalEnv('AWS_ACCESS_KEY_ID', env);
  const secretAccessKey = optionalEnv('AWS_SECRET_ACCESS_KEY', env);
  return {
    region: optionalEnv('AWS_REGION', env) ?? 'us-east-1',
    // An emulator endpoint takes the keys from the env given (the CLI passes its own), not
    // from the default provider chain, which only reads process.env.
    ...(endpoint ? { endpoint, ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}) } : {}),
    // Fail fast enough that a Lambda retry (not a hung invocation) handles a slow call.
    maxAttempts: 3,
  };
}

/** A DynamoDB document client (DYNAMODB_ENDPOINT overrides the endpoint). */
export function createDocumentClient(env: Env = process.env): DynamoDBDocumentClient {
  const client = new DynamoDBClient(clientOptions('DYNAMODB_ENDPOINT', env));
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

/** An SES v2 client (SES_ENDPOINT overrides the endpoint). */
export function createSesClient(env: Env = process.env): SESv2Client {
  return new SESv2Client(clientOptions('SES_ENDPOINT', env));
}
