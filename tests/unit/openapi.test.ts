/**
 * The OpenAPI document: generated from the route registry and the zod schemas, every
 * route documented with the right method, path and security, every example valid against
 * the schema the handler validates with, and the whole a valid OpenAPI 3.1 document.
 */
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { documentedExamples, NAMED_SCHEMAS, openApiDocument, ROUTE_DOCS, routeKey } from '../../shared/openapi/document';
import { renderDocsPage } from '../../shared/openapi/page';

const doc = openApiDocument();
const operationOf = (method: string, path: string) => (doc.paths[path] as Record<string, any> | undefined)?.[method.toLowerCase()];

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(doc) as never);
    if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it.each(ROUTES.map((r) => [routeKey(r), r] as const))('documents %s', (key, route) => {
    expect(ROUTE_DOCS[key], `add "${key}" to ROUTE_DOCS in shared/openapi/document.ts`).toBeDefined();
    const op = operationOf(route.method, route.path);
    expect(op).toBeDefined();
    expect(op.security).toEqual(route.auth ? [{ publisherToken: [] }] : []);
    expect(op.operationId).toBe(route.name.charAt(0).toLowerCase() + route.name.slice(1));
    const pathParams = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    expect(op.parameters?.filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name) ?? []).toEqual(pathParams);
    if (route.auth) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
  });

  it('documents no operation that is not a route', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(ops.sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  const examples = documentedExamples();
  it('has examples', () => expect(examples.length).toBeGreaterThanOrEqual(5));
  it.each(examples.map((e) => [e.where, e] as const))('%s is valid', (_where, example) => {
    const result = NAMED_SCHEMAS[example.schema].safeParse(example.value);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('generates request schemas from the handlers’ zod schemas', () => {
    const input = doc.components.schemas['ReportInput'] as { required: string[]; properties: Record<string, { maxLength?: number }>; additionalProperties: boolean };
    expect(input.required.sort()).toEqual(['body', 'title']);
    expect(input.properties['title']?.maxLength).toBe(500);
    expect(input.additionalProperties).toBe(false);
    const list = operationOf('GET', '/reports').parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual(expect.arrayContaining(['country', 'region', 'theme', 'from', 'to', 'limit', 'cursor']));
  });

  it('renders a self-contained docs page listing every operation and schema', () => {
    const page = renderDocsPage(doc);
    expect(page).not.toMatch(/<script|<link |src="http/i);
    for (const route of ROUTES) expect(page).toContain(`<code>${route.path}</code>`);
    for (const name of Object.keys(doc.components.schemas)) expect(page).toContain(`id="schema-${name}"`);
    expect(page).toContain('UNRCCA CO-ORGANIZES');
  });
});
