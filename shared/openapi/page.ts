/**
 * The `/docs` page: the OpenAPI document rendered server-side as one self-contained HTML
 * page (no scripts, no external assets), listing operations, parameters, bodies with
 * their examples, responses and schemas.
 */
import { htmlTemplate, raw, type RawHtml } from '../domain/html';
import type { OpenApiDocument } from './document';

type Json = Record<string, any>;

const METHOD_COLOURS: Record<string, string> = { get: '#0b6e4f', post: '#00468b', put: '#7a4d00', patch: '#7a4d00', delete: '#a4262c' };

function anchor(method: string, path: string): string {
  return `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** Inline code spans of the document's Markdown-ish prose, escaped. */
function prose(text: string | undefined): RawHtml {
  if (!text) return raw('');
  const parts = text.split('`');
  return htmlTemplate`${parts.map((part, i) => (i % 2 ? htmlTemplate`<code>${part}</code>` : part))}`;
}

function schemaLink(schema: Json | undefined): RawHtml {
  if (!schema) return raw('');
  if (typeof schema['$ref'] === 'string') {
    const name = String(schema['$ref']).split('/').pop()!;
    return htmlTemplate`<a href="#schema-${name}">${name}</a>`;
  }
  if (Array.isArray(schema['oneOf'])) return htmlTemplate`one of ${(schema['oneOf'] as Json[]).map((s, i) => htmlTemplate`${i ? ', ' : ''}${schemaLink(s)}`)}`;
  return htmlTemplate`<code>${String(schema['type'] ?? 'any')}</code>${schema['description'] ? htmlTemplate` — ${prose(String(schema['description']))}` : ''}`;
}

function content(body: Json | undefined): RawHtml {
  if (!body) return raw('');
  return htmlTemplate`${Object.entries(body).map(
    ([type, media]: [string, Json]) => htmlTemplate`<div class="media"><code class="type">${type}</code> ${schemaLink(media['schema'])}
${Object.entries((media['examples'] ?? {}) as Json).map(
  ([name, ex]: [string, Json]) => htmlTemplate`<details><summary>Example “${name}”: ${prose(String(ex['summary'] ?? ''))}</summary><pre>${JSON.stringify(ex['value'], null, 2)}</pre></details>`,
)}</div>`,
  )}`;
}

function parameters(params: Json[] | undefined): RawHtml {
  if (!params?.length) return raw('');
  return htmlTemplate`<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>schema</th><th>description</th></tr>${params.map(
    (p) => htmlTemplate`<tr><td><code>${String(p['name'])}</code>${p['required'] ? htmlTemplate` <span class="req">required</span>` : ''}</td><td>${String(p['in'])}</td><td><code>${JSON.stringify(p['schema'])}</code></td><td>${prose(p['description'] as string | undefined)}${p['example'] !== undefined ? htmlTemplate` <span class="muted">e.g. <code>${String(p['example'])}</code></span>` : ''}</td></tr>`,
  )}</table>`;
}

function operationSection(method: string, path: string, op: Json): RawHtml {
  const secured = Array.isArray(op['security']) && op['security'].length > 0;
  return htmlTemplate`<section class="op" id="${anchor(method, path)}">
<h3><span class="method" style="background:${METHOD_COLOURS[method] ?? '#555'}">${method.toUpperCase()}</span> <code>${path}</code> <span class="${secured ? 'auth' : 'public'}">${secured ? 'publisher token' : 'public'}</span></h3>
<p><strong>${String(op['summary'] ?? '')}</strong></p>
${op['description'] ? htmlTemplate`<p>${prose(String(op['description']))}</p>` : ''}
${parameters(op['parameters'] as Json[] | undefined)}
${op['requestBody'] ? htmlTemplate`<h4>Request body${(op['requestBody'] as Json)['required'] ? '' : ' (optional)'}</h4>${content((op['requestBody'] as Json)['content'] as Json)}` : ''}
<h4>Responses</h4>
<dl>${Object.entries((op['responses'] ?? {}) as Json).map(
    ([status, r]: [string, Json]) => htmlTemplate`<dt><code>${status}</code> ${prose(String(r['description'] ?? ''))}</dt><dd>${content(r['content'] as Json | undefined)}</dd>`,
  )}</dl>
</section>`;
}

/** Renders the whole document as one page. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const ops: { method: string; path: string; op: Json; tag: string }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Json)) ops.push({ method, path, op: op as Json, tag: ((op as Json)['tags'] as string[] | undefined)?.[0] ?? '' });
  }
  const tags = [...doc.tags.map((t) => t.name), ...new Set(ops.map((o) => o.tag))].filter((t, i, all) => all.indexOf(t) === i && ops.some((o) => o.tag === t));
  const schemas = Object.entries(doc.components.schemas);
  return htmlTemplate`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} API · ${doc.info.version}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;line-height:1.5;display:grid;grid-template-columns:17rem minmax(0,1fr)}
nav{position:sticky;top:0;height:100vh;overflow:auto;background:#f4f6f8;padding:1rem;box-sizing:border-box;font-size:.9rem}
nav a{color:#00468b;text-decoration:none;display:block;padding:.1rem 0}
main{padding:1.5rem 2rem;max-width:60rem;min-width:0}
h1{color:#00468b;margin-top:0}
.op{border:1px solid #dde2e8;border-radius:6px;padding:0 1rem 1rem;margin:1rem 0}
.method{color:#fff;border-radius:4px;padding:.1rem .5rem;font-size:.85rem}
.auth,.public{font-size:.75rem;border-radius:1rem;padding:.1rem .6rem;margin-left:.5rem;font-weight:normal}
.auth{background:#fff1d6;color:#7a4d00}.public{background:#e3f4ea;color:#0b6e4f}
table{border-collapse:collapse;font-size:.9rem}td,th{border-bottom:1px solid #e3e6ea;padding:.25rem .6rem;text-align:left;vertical-align:top}
pre{background:#0f1b2a;color:#e8eef5;padding:.8rem;border-radius:4px;overflow:auto;font-size:.8rem;max-height:28rem}
.req{color:#a4262c;font-size:.75rem}.muted{color:#5b6470}.type{background:#eef2f6;padding:0 .3rem}
dt{margin-top:.4rem}dd{margin-left:1rem}
</style></head>
<body>
<nav><strong>${doc.info.title} API</strong><p><a href="openapi.json">openapi.json</a></p>
${tags.map((tag) => htmlTemplate`<p><strong>${tag}</strong>${ops.filter((o) => o.tag === tag).map((o) => htmlTemplate`<a href="#${anchor(o.method, o.path)}">${o.method.toUpperCase()} ${o.path}</a>`)}</p>`)}
<p><strong>Schemas</strong>${schemas.map(([name]) => htmlTemplate`<a href="#schema-${name}">${name}</a>`)}</p></nav>
<main>
<h1>${doc.info.title} API <span class="muted">${doc.info.version}</span></h1>
<p>${doc.info.summary}</p><p>${prose(doc.info.description)}</p>
<p>Machine-readable: <a href="openapi.json"><code>openapi.json</code></a> (OpenAPI ${doc.openapi}). Routes marked <span class="auth">publisher token</span> need <code>Authorization: Bearer &lt;token&gt;</code>.</p>
${tags.map((tag) => htmlTemplate`<h2>${tag}</h2>${ops.filter((o) => o.tag === tag).map((o) => operationSection(o.method, o.path, o.op))}`)}
<h2>Schemas</h2>
${schemas.map(([name, schema]) => htmlTemplate`<section id="schema-${name}"><h3>${name}</h3><pre>${JSON.stringify(schema, null, 2)}</pre></section>`)}
</main></body></html>`.value;
}
