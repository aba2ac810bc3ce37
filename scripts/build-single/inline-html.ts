import { createHash } from 'node:crypto';

/**
 * Turning Vite's index.html, whose scripts and styles are separate files, into one page that
 * needs no other file. Pure string work, so it is tested without a build.
 */

/** A bundled file's text by its path as the page refers to it (`./assets/index-x.js`), or undefined. */
export type FileText = (path: string) => string | undefined;

/**
 * The text of an inline `<script>`. `</script` would end the element early; `<\/script` means the
 * same in every JavaScript string, template and regular expression. `<!--` would switch the HTML
 * parser into a mode where even the real end tag may not end the script, and has no such rewrite.
 * Line breaks are normalised as the HTML parser would, so the policy's hash matches what it hashes.
 */
export function inlineScriptText(js: string): string {
  if (js.includes('<!--')) throw new Error('The script contains "<!--", which cannot be inlined safely.');
  return js.replace(/\r\n?/g, '\n').replace(/<\/(script)/gi, '<\\/$1');
}

export function inlineStyleText(css: string): string {
  if (/<\/style/i.test(css)) throw new Error('The stylesheet contains "</style", which cannot be inlined.');
  return css;
}

/** JSON for a `<script type="application/json">`: `<` only occurs inside JSON strings, where `\u003c` is the same character. */
export function inlineJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The CSP source that allows one inline script with exactly this text. */
export const scriptHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Replaces each `<script src>` and stylesheet `<link>` that Vite wrote with the file's text, and
 * drops module preloads. Any other reference to a file is an error: the page could not load it.
 */
export function inlineFiles(html: string, fileText: FileText): string {
  const read = (path: string) => {
    const text = fileText(path);
    if (text === undefined) throw new Error(`index.html refers to ${path}, which the build did not produce.`);
    return text;
  };
  const inlined = html
    .replace(/<script\b[^>]*\ssrc="[^"]*"[^>]*><\/script>/g, (tag) => {
      const type = attribute(tag, 'type');
      return `<script${type ? ` type="${type}"` : ''}>${inlineScriptText(read(attribute(tag, 'src')!))}</script>`;
    })
    .replace(/<link\b[^>]*>/g, (tag) => {
      const rel = attribute(tag, 'rel');
      if (rel === 'stylesheet') return `<style>${inlineStyleText(read(attribute(tag, 'href')!))}</style>`;
      if (rel === 'modulepreload') return '';
      return tag;
    });
  const left = /<(?:script|link|img)\b[^>]*\s(?:src|href)="(?!data:|blob:|#)([^"]*)"/.exec(inlined);
  if (left) throw new Error(`index.html still refers to ${left[1]}, which a page opened from disk cannot load.`);
  return inlined;
}

/** Every inline script's text, in order, for the policy's hashes. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\stype="application\/json"/.test(attributes!))
    .map(([, , text]) => text!);
}

/**
 * The policy of the single file. Everything is inline, so where the served app allows 'self'
 * this allows exact script hashes, blob: for the worker the page starts, and no connections.
 * 'wasm-unsafe-eval' lets ort-web compile its .wasm; the blob: worker inherits this policy.
 */
export function singleFilePolicy(scriptTexts: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptTexts.map(scriptHash).join(' ')} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    'img-src data: blob:',
    // React sets style attributes, which hashes cannot allow.
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    // As in index.html: strings reach no script sink except through the app's one policy (src/app/trusted-types.ts).
    "require-trusted-types-for 'script'",
    'trusted-types default',
  ].join('; ');
}

/** Swaps the page's Content-Security-Policy `<meta>` for `policy`; a page without one is an error. */
export function withPolicy(html: string, policy: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/;
  if (!meta.test(html)) throw new Error('index.html has no Content-Security-Policy <meta> to rewrite.');
  return html.replace(meta, () => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}

/** Adds `element` just before `</body>`. */
export function beforeBodyEnd(html: string, element: string): string {
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('index.html has no </body>.');
  return `${html.slice(0, at)}${element}\n${html.slice(at)}`;
}
