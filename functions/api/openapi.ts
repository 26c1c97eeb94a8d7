/**
 * GET /openapi.json and GET /docs: the OpenAPI 3.1 document generated from the route
 * registry and the zod schemas, and a self-contained page rendering it. Public; reads nothing.
 */
import { httpHandler } from '../../shared/http/handler';
import { html, json } from '../../shared/http/response';
import { openApiDocument } from '../../shared/openapi/document';
import { renderDocsPage } from '../../shared/openapi/page';

// Built once per container: the document depends only on the code.
const document = openApiDocument();
const page = renderDocsPage(document);

export const handler = httpHandler(async (event) => {
  const cache = { 'cache-control': 'public, max-age=300' };
  if (event.rawPath.endsWith('/docs')) return html(200, page, cache);
  return json(200, document, { ...cache, 'access-control-allow-origin': '*' });
});
