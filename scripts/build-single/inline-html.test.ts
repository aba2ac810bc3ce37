import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  beforeBodyEnd,
  inlineFiles,
  inlineJsonText,
  inlineScripts,
  inlineScriptText,
  scriptHash,
  singleFilePolicy,
  withPolicy,
} from './inline-html.ts';

describe('inlineScriptText', () => {
  it.each([
    ['let a = 1;', 'let a = 1;'],
    ['s = "</script>"', 's = "<\\/script>"'],
    ['s = `</SCRIPT >`', 's = `<\\/SCRIPT >`'],
    ['r = /<\\/script>/u', 'r = /<\\/script>/u'],
    ['a\r\nb\rc', 'a\nb\nc'],
    ['s = "<script>"', 's = "<script>"'],
  ])('%j → %j', (js, expected) => {
    expect(inlineScriptText(js)).toBe(expected);
  });

  it('means the same to JavaScript after escaping', () => {
    const js = 'globalThis.out = ["</script>", `</script>`, /<\\/script>/.source];';
    const scope: { out?: unknown } = {};
    new Function('globalThis', js)(scope);
    const escaped: { out?: unknown } = {};
    new Function('globalThis', inlineScriptText(js))(escaped);
    expect(escaped.out).toEqual(scope.out);
  });

  it('refuses "<!--", which no rewrite makes safe', () => {
    expect(() => inlineScriptText('s = "<!--"')).toThrow(/<!--/);
  });
});

describe('inlineJsonText', () => {
  it.each([[{ a: '</script><!--' }], [{ worker: 'if (a<b) x = "<\\/script>"', files: { 'models/x.json': 'eyJ9' } }]])(
    'round-trips %j with no "<" left',
    (value) => {
      const text = inlineJsonText(value);
      expect(text).not.toContain('<');
      expect(JSON.parse(text)).toEqual(value);
    },
  );
});

const VITE_HTML = `<!doctype html>
<html>
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />
    <script type="module" crossorigin src="./assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/vendor-b2.js">
    <link rel="stylesheet" crossorigin href="./assets/index-c3.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

const FILES: Record<string, string> = {
  './assets/index-a1.js': 'render("</script>")',
  './assets/index-c3.css': 'body{margin:0}',
};

describe('inlineFiles', () => {
  it('inlines the script and the stylesheet, and drops preloads', () => {
    const html = inlineFiles(VITE_HTML, (path) => FILES[path]);
    expect(html).toContain('<script type="module">render("<\\/script>")</script>');
    expect(html).toContain('<style>body{margin:0}</style>');
    expect(html).not.toMatch(/assets\//);
  });

  it.each([
    ['a file the build did not produce', VITE_HTML, {}, /did not produce/],
    [
      'a reference it cannot inline',
      VITE_HTML.replace('</head>', '<link rel="icon" href="./icons/icon.svg"></head>'),
      FILES,
      /icons\/icon\.svg/,
    ],
  ])('fails on %s', (_case, html, files, message) => {
    expect(() => inlineFiles(html, (path) => (files as Record<string, string>)[path])).toThrow(message);
  });

  it('keeps data: references', () => {
    const html = VITE_HTML.replace('</head>', '<link rel="icon" href="data:image/svg+xml;base64,PHN2Zy8+"></head>');
    expect(inlineFiles(html, (path) => FILES[path])).toContain('href="data:image/svg+xml');
  });
});

describe('the policy', () => {
  it('hashes every executable inline script, not the JSON data', () => {
    const html = beforeBodyEnd(
      inlineFiles(VITE_HTML, (path) => FILES[path]),
      '<script type="application/json" id="x">{"a":1}</script>',
    );
    expect(inlineScripts(html)).toEqual(['render("<\\/script>")']);
  });

  it('is the sha256 of the UTF-8 text, as CSP defines it', () => {
    const text = 'console.log("é")';
    expect(scriptHash(text)).toBe(
      `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`,
    );
  });

  it('replaces the page policy with hashes, blob: workers and no connections', () => {
    const policy = singleFilePolicy(['a()']);
    const html = withPolicy(VITE_HTML, policy);
    expect(html).toContain(`content="${policy}"`);
    expect(html).not.toContain("'self'");
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    expect(policy).toContain('worker-src blob:');
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("require-trusted-types-for 'script'; trusted-types default");
  });

  it('fails on a page without a policy to rewrite', () => {
    expect(() => withPolicy('<html><head></head></html>', 'x')).toThrow(/Content-Security-Policy/);
  });
});
