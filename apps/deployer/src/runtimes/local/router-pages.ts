const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#eee;padding:0 .25rem}</style>
</head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}

export const pages = {
  notFound: (app: string, domain: string) =>
    page('No app here', `<p>There is no app named <code>${esc(app)}</code> on <code>${esc(domain)}</code>. Check the address, or deploy the app from the IDE first.</p>`),
  starting: (app: string) =>
    page('Starting…', `<p>The app <code>${esc(app)}</code> is starting. This page reloads by itself.</p><script>setTimeout(()=>location.reload(),2000)</script>`),
  down: (app: string) =>
    page('App not running', `<p>The app <code>${esc(app)}</code> is not running: its last deploy failed. The IDE shows why; fix it and deploy again.</p>`),
  unreachable: (app: string) =>
    page('App not responding', `<p>The app <code>${esc(app)}</code> did not answer. If it keeps happening, check its log in the IDE.</p>`),
  noSite: (domain: string) => page('No such site', `<p>Apps live at <code>https://&lt;app&gt;.${esc(domain)}/</code>.</p>`),
};
