/**
 * Reports that arrive as HTML pages (a press release as published): the request shape, and
 * extraction of title, date, dateline and clean body text with a maintained HTML parser
 * (node-html-parser), before the normal validation and classification path.
 */
import { z } from 'zod';
import { ReportInputSchema } from './report';

/** Largest HTML page accepted, in characters (pages carry markup, navigation, scripts...). */
export const MAX_HTML_CHARS = 400_000;

/**
 * The JSON body of `POST /reports` carrying a page: `html` plus optional fields that override
 * what is extracted from it (a page's own title, date or dateline may be missing or wrong).
 */
export const ReportHtmlInputSchema = z.strictObject({
  html: z.string().min(1, 'must not be empty').max(MAX_HTML_CHARS, `must be at most ${MAX_HTML_CHARS} characters`),
  title: ReportInputSchema.shape.title.optional(),
  published: ReportInputSchema.shape.published,
  dateline: ReportInputSchema.shape.dateline,
  url: ReportInputSchema.shape.url,
  language: ReportInputSchema.shape.language,
  source: ReportInputSchema.shape.source,
});

export type ReportHtmlInput = z.output<typeof ReportHtmlInputSchema>;
