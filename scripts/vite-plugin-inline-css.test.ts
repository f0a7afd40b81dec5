import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHash, inlineStylesheet } from './vite-plugin-inline-css';

const css = 'body{margin:0}';
const policy =
  '<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; style-src &#39;self&#39;; img-src &#39;self&#39;">';
const page = (head: string) =>
  `<!doctype html><html><head>${policy}${head}</head><body><div id="root"></div></body></html>`;

describe('inlineStylesheet', () => {
  it('puts the stylesheet in place of its link and allows exactly it by its hash', () => {
    const html = inlineStylesheet(
      page('<link rel="stylesheet" crossorigin href="./assets/index-a1.css">'),
      'assets/index-a1.css',
      css,
    );
    const hash = createHash('sha256').update(css).digest('base64');
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).not.toContain('index-a1.css');
    expect(html).toContain(`style-src &#39;self&#39; &#39;sha256-${hash}&#39;; img-src`);
  });

  it('leaves another stylesheet linked', () => {
    const other = '<link rel="stylesheet" href="./assets/print-b2.css">';
    const html = inlineStylesheet(
      page(`<link rel="stylesheet" href="./assets/index-a1.css">${other}`),
      'assets/index-a1.css',
      css,
    );
    expect(html).toContain(other);
  });

  it('hashes line ends as the HTML parser hands them to the browser', () => {
    const html = inlineStylesheet(page(''), 'assets/index-a1.css', 'a{}\r\nb{}\rc{}');
    expect(html).toContain(cspHash('a{}\nb{}\nc{}').replaceAll("'", '&#39;'));
  });

  it('refuses a stylesheet that would end the block early', () => {
    expect(() =>
      inlineStylesheet(page(''), 'assets/index-a1.css', 'a{content:"</STYLE>"}'),
    ).toThrow(/<\/style/);
  });

  it('refuses a page whose policy has no style-src to extend', () => {
    const html = page('').replace(' style-src &#39;self&#39;;', '');
    expect(() => inlineStylesheet(html, 'assets/index-a1.css', css)).toThrow(/style-src/);
  });
});

describe('cspHash', () => {
  it('is the quoted base64 SHA-256 a browser compares an inline block with', () => {
    expect(cspHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});
