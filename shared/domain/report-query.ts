/**
 * Query strings of the report listings (`GET /reports`, `GET /feeds`), declared once so the
 * handlers validate with them and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { isAreaCode, isCountryCode } from '../taxonomy/m49';
import { isThemeId } from '../taxonomy/themes';

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'must be an ISO 8601 date or date-time' });

const country = z
  .string()
  .transform((v) => v.toUpperCase())
  .refine(isCountryCode, 'is not an ISO 3166-1 alpha-3 country code')
  .meta({ description: 'ISO 3166-1 alpha-3 country code, e.g. TJK', examples: ['TJK'] });
const region = z
  .string()
  .refine(isAreaCode, 'is not a UN M49 area code (e.g. 143 for Central Asia)')
  .meta({ description: 'UN M49 area code, e.g. 143 (Central Asia)', examples: ['143'] });
const theme = z
  .string()
  .refine(isThemeId, 'is not a theme id of the taxonomy')
  .meta({ description: 'Theme id of the taxonomy, e.g. border-management', examples: ['border-management'] });

/** `GET /reports`: filters, a date range and pagination. */
export const ReportListQuerySchema = z.strictObject({
  country: country.optional(),
  region: region.optional(),
  theme: theme.optional(),
  from: dateOrDateTime.meta({ description: 'Earliest published date (inclusive)' }).optional(),
  to: dateOrDateTime.meta({ description: 'Latest published date (inclusive)' }).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  cursor: z.string().max(2048, 'is too long').meta({ description: 'nextCursor of the previous page' }).optional(),
});

export type ReportListQuery = z.output<typeof ReportListQuerySchema>;

/** The formats `GET /feeds` serves. */
export const FEED_FORMATS = ['atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** `GET /feeds`: the newest reports of a region and/or theme, as Atom or JSON Feed. */
export const FeedQuerySchema = z.strictObject({
  region: z
    .string()
    .transform((v) => v.toUpperCase())
    .refine((v) => isAreaCode(v) || isCountryCode(v), 'is not a UN M49 area code (e.g. 143) or an ISO 3166-1 alpha-3 country code')
    .meta({ description: 'UN M49 area code (e.g. 143, Central Asia) or ISO alpha-3 country code (e.g. TJK)', examples: ['143'] })
    .optional(),
  theme: theme.optional(),
  format: z.enum(FEED_FORMATS, { message: 'must be atom or json' }).default('atom').meta({ description: 'atom (RFC 4287) or json (JSON Feed 1.1)' }),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(30),
});

export type FeedQuery = z.output<typeof FeedQuerySchema>;
