/**
 * Server-rendered pages people reach from email links. No scripts; forms POST, because
 * mail scanners follow GET links and a GET must never change state.
 */
import { htmlTemplate, type RawHtml } from './html';

/** Wraps content in Herald's accessible page layout. */
export function layout(title: string, content: RawHtml): string {
  return htmlTemplate`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Herald</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.5rem;color:#00468b}
button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:#00468b;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.muted{color:#555;font-size:.9rem}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
${content}
</main>
<footer class="muted"><p>Herald — event-report alerts</p></footer>
</body>
</html>`.value;
}

/** A page with one button that POSTs a hidden token to `action`. */
export function actionPage(opts: { title: string; intro: string; action: string; token: string; button: string; extraFields?: Record<string, string> }): string {
  const fields = Object.entries(opts.extraFields ?? {}).map(([name, value]) => htmlTemplate`<input type="hidden" name="${name}" value="${value}">`);
  return layout(
    opts.title,
    htmlTemplate`<p>${opts.intro}</p>
<form method="post" action="${opts.action}">
<input type="hidden" name="token" value="${opts.token}">
${fields}
<button type="submit">${opts.button}</button>
</form>`,
  );
}

/** A page that only tells the reader what happened. */
export function messagePage(title: string, message: string): string {
  return layout(title, htmlTemplate`<p>${message}</p>`);
}

/** The page shown for an error on a page route. */
export function errorPage(statusCode: number, message: string): string {
  const title = statusCode >= 500 ? 'Something went wrong' : 'This link cannot be used';
  return messagePage(title, message);
}
