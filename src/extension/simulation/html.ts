// The panel's HTML shell: a strict Content-Security-Policy with a fresh nonce per render, the bundled app
// (out/webview.js) and its stylesheet (media/simulation.css), nothing else. No inline script or style, no remote
// content; Chart.js only sets canvas sizes through the CSSOM, which style-src does not restrict.
import { randomBytes } from 'crypto';

export interface HtmlParts {
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  /** Defaults: the simulation panel's. */
  title?: string;
  loading?: string;
}

export function newNonce(): string {
  return randomBytes(24).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function panelHtml(parts: HtmlParts): string {
  const csp = contentSecurityPolicy(parts.cspSource, parts.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" nonce="${parts.nonce}" href="${escapeAttribute(parts.styleUri)}">
  <title>${escapeText(parts.title ?? 'Burnrate simulation')}</title>
</head>
<body>
  <main id="app" aria-busy="true"><p class="loading">${escapeText(parts.loading ?? 'Loading the simulation panel…')}</p></main>
  <script nonce="${parts.nonce}" src="${escapeAttribute(parts.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
