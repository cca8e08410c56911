/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A minimal self-contained page (no external assets), `body` already escaped by the caller. */
export function htmlPage(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f0f2f5; color: #1c1e21; margin: 0; }
  .card { max-width: 520px; margin: 40px auto; background: #fff; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.15); padding: 24px; }
  h1 { font-size: 20px; margin: 0 0 12px; }
  .banner { background: #fff3cd; color: #664d03; font-size: 13px; padding: 6px 12px; text-align: center; }
  fieldset { border: 1px solid #dddfe2; border-radius: 6px; margin: 12px 0; }
  legend { font-weight: 600; padding: 0 4px; }
  label { display: block; padding: 3px 0; }
  button { font: inherit; border: 0; border-radius: 6px; padding: 8px 16px; cursor: pointer; }
  .primary { background: #1877f2; color: #fff; font-weight: 600; }
  .secondary { background: #e4e6eb; color: #050505; }
  .muted { color: #65676b; font-size: 13px; }
  .error { color: #b00020; }
</style>
${extraHead}
</head>
<body>
<div class="banner">Graph sandbox: a local stand-in for Facebook. Nothing here reaches Meta.</div>
${body}
</body>
</html>`;
}
