/**
 * Vitest global setup of the `integration` project: one DynamoDB Local (in memory) and one
 * aws-ses-v2-local on free ports for the whole run. Test files read their URLs with
 * `inject('dynamodbUrl')` / `inject('sesUrl')` (tests/helpers/local.ts does it for you) and
 * keep apart by creating their own uniquely named tables.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, startSesLocal } from '../local/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local endpoint, e.g. http://127.0.0.1:41234 */
    dynamodbUrl: string;
    /** aws-ses-v2-local endpoint (GET /store lists sent mail) */
    sesUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [dynamodb, ses] = await Promise.all([startDynamoDbLocal({}), startSesLocal({})]);
  project.provide('dynamodbUrl', dynamodb.url);
  project.provide('sesUrl', ses.url);
  return async () => {
    await Promise.all([dynamodb.stop(), ses.stop()]);
  };
}
