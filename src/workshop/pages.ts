import { messages, type Messages } from "../i18n/messages.js";
import { escapeHtml as x } from "../report/escape.js";

/** The words a page's script needs, in one language. */
export function pageTexts(lang: string): Record<string, string> {
  const m = messages(lang);
  const out: Record<string, string> = {};
  for (const k of Object.keys(m) as Array<keyof Messages>) if (k.startsWith("ws")) out[k] = m[k];
  for (const k of ["dontKnow", "notApplicableToUs", "skipForNow", "unknown"] as const) out[k] = m[k];
  out.yes = m.yes[0]!.toUpperCase() + m.yes.slice(1);
  out.no = m.no[0]!.toUpperCase() + m.no.slice(1);
  return out;
}

/** JSON inside a page: nothing in it can close the element or end a line of script. */
function embedded(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function page(lang: string, title: string, base: string, script: string, wide: boolean): string {
  return `<!doctype html>
<html lang="${x(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${x(title)}</title>
<link rel="stylesheet" href="${x(base)}/style.css">
<script id="texts" type="application/json">${embedded(pageTexts(lang))}</script>
<script src="${x(base)}/${script}" defer></script>
</head>
<body data-base="${x(base)}"${wide ? ' class="wide"' : ""}>
<main>
<div id="banner" class="banner hidden" role="status"></div>
${wide ? '<div class="grid"><div><div id="join" class="join card"></div><div id="team" class="card"></div></div><div><div id="controls" class="card"></div><div id="roster" class="card"></div></div><div id="reveal"></div></div>' : '<div id="app"></div>'}
</main>
</body>
</html>
`;
}

export function participantPage(lang: string, base: string): string {
  return page(lang, messages(lang).wsTitle, base, "app.js", false);
}

export function dashboardPage(lang: string, base: string, joinUrl: string): string {
  const m = messages(lang);
  const html = page(lang, m.wsDashboard, base, "dashboard.js", true);
  // The join address and its code are fixed for the run: written into the page, not fetched.
  const join = `<h1>${x(m.wsDashboard)}</h1><p>${x(m.wsScanToJoin)}</p><img src="${x(base)}/qr.svg" alt="${x(joinUrl)}"><p><code id="join-url">${x(joinUrl)}</code></p>`;
  return html.replace('<div id="join" class="join card"></div>', `<div id="join" class="join card">${join}</div>`);
}

/** What a request without the workshop's secret gets: a page that says so, and nothing else. */
export function refusalPage(lang: string, text: string): string {
  return `<!doctype html>
<html lang="${x(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${x(messages(lang).wsTitle)}</title></head>
<body><p>${x(text)}</p></body></html>
`;
}
