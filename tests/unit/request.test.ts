import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ReportInputSchema } from '../../shared/domain/report';
import { HttpError } from '../../shared/errors';
import { errorResponse } from '../../shared/http/handler';
import { parseJsonBody } from '../../shared/http/request';

function event(body: string | undefined, contentType = 'application/json'): APIGatewayProxyEventV2 {
  return { headers: { 'content-type': contentType }, body, isBase64Encoded: false } as unknown as APIGatewayProxyEventV2;
}

function statusOf(fn: () => unknown): { status: number; body: { error: { code: string; message: string; issues?: { field: string; problem: string }[] } } } {
  try {
    fn();
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.statusCode!, body: JSON.parse(response.body!) };
  }
  throw new Error('expected an error');
}

describe('JSON body parsing', () => {
  it('accepts a valid report', () => {
    expect(parseJsonBody(event(JSON.stringify({ title: 'T', body: 'B' })), ReportInputSchema)).toEqual({ title: 'T', body: 'B' });
  });

  it('answers 415 for another content type', () => {
    expect(statusOf(() => parseJsonBody(event('{}', 'text/plain'), ReportInputSchema)).status).toBe(415);
  });

  it('answers 400 naming body for invalid JSON', () => {
    const { status, body } = statusOf(() => parseJsonBody(event('{"title":'), ReportInputSchema));
    expect(status).toBe(400);
    expect(body.error.issues?.[0]?.field).toBe('body');
  });

  it('answers 400 naming each missing or unknown field', () => {
    const { status, body } = statusOf(() => parseJsonBody(event(JSON.stringify({ titel: 'x', body: '' })), ReportInputSchema));
    expect(status).toBe(400);
    const fields = body.error.issues!.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'body']));
    expect(body.error.issues!.some((i) => /titel/.test(i.problem) || i.field === 'titel')).toBe(true);
  });

  it('answers 413 over the size limit', () => {
    expect(statusOf(() => parseJsonBody(event(JSON.stringify({ title: 'T', body: 'x'.repeat(2000) })), ReportInputSchema, 1000)).status).toBe(413);
  });

  it('hides unexpected errors behind a generic 500', () => {
    const response = errorResponse(new Error('secret table detail'));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(errorResponse(new HttpError(409, 'conflict', 'x')).statusCode).toBe(409);
  });
});
