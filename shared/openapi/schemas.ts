/**
 * Zod schemas of what the API answers, for the OpenAPI document (requests are validated
 * with the domain schemas themselves: ReportInputSchema, SubscribeInputSchema, ...).
 * The tests check every example against these.
 */
import { z } from 'zod';
import { THEME_IDS } from '../taxonomy/themes';

const iso3 = z.string().regex(/^[A-Z]{3}$/).meta({ description: 'ISO 3166-1 alpha-3 country code' });
const m49 = z.string().regex(/^\d{3}$/).meta({ description: 'UN M49 area code' });
const themeId = z.enum(THEME_IDS as [string, ...string[]]).meta({ description: 'Theme id of the taxonomy' });

export const EvidenceSchema = z.object({
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

export const ClassificationSchema = z
  .object({
    countries: z.array(iso3).meta({ description: 'Countries the report substantively concerns' }),
    mentioned: z.array(iso3).meta({ description: 'Every country the text names' }),
    primaryCountry: iso3.nullable(),
    regions: z.array(m49).meta({ description: 'M49 areas of the concerned countries and areas named in the text' }),
    themes: z.array(z.object({ id: themeId, score: z.number().min(0).max(1), evidence: z.array(EvidenceSchema) })).min(0).max(4),
    primaryTheme: themeId.nullable(),
    language: z.string(),
  });

/** A report as the API returns it. */
export const ReportSchema = z
  .object({
    id: z.string().regex(/^rpt_[A-Za-z0-9_-]{22}$/),
    publisherId: z.string(),
    title: z.string(),
    body: z.string(),
    published: z.iso.datetime({ offset: true }),
    receivedAt: z.iso.datetime({ offset: true }),
    dateline: z.string().optional(),
    url: z.url().optional(),
    language: z.string().optional(),
    source: z.string().optional(),
    classification: ClassificationSchema,
  });

export const ReportListSchema = z
  .object({
    items: z.array(ReportSchema),
    nextCursor: z.string().optional().meta({ description: 'Pass as `cursor` for the next page; absent on the last page' }),
  });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
    }),
  });

/** What API Gateway itself answers (401/403 from the authorizer, 404 for no route, 429 throttled). */
export const GatewayErrorSchema = z.object({ message: z.string() });

export const SubscribeAcceptedSchema = z
  .object({ status: z.literal('pending_confirmation'), message: z.string() });
