import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildPlan, defaultAnswers, toPlanInput, type DraftAnswers } from '@/rules';
import { WizardLayout } from '@/pages/wizard-layout';
import { WizardPlanPage } from '@/pages/wizard-plan-page';
import { jsdomComputedStyle } from './fast-computed-style';
import { openPlan, renderWizard, resetStore } from './wizard-test-router';

// The setup file has replaced getComputedStyle; each case compares the replacement's answers
// with jsdom's own on the same document, for every element in it.
const documents: readonly (readonly [string, string])[] = [
  [
    'elements hidden by the default stylesheet',
    '<div hidden>a<span>b</span></div><template><p>t</p></template><input type="hidden"><input type="HIDDEN"><dialog>d</dialog><dialog open>o</dialog><noscript>n</noscript><embed hidden><p hidden="until-found">u</p>',
  ],
  [
    'table parts, lists and other default displays',
    '<table><caption>c</caption><colgroup hidden><col hidden></colgroup><thead hidden><tr hidden><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table><ul><li>i</li></ul><details><summary>s</summary><p>p</p></details><ruby>r<rt>t</rt></ruby><button>b</button><select><option>o</option></select><textarea></textarea>',
  ],
  [
    'inline styles, with and without !important, and CSS-wide keywords',
    '<div style="display: flex"><span style="display: none">x</span><span style="display: inherit">y</span><span style="display: initial">z</span></div><div hidden style="display: block">shown</div><input type="hidden" style="display: block"><p style="display: unset">u</p>',
  ],
  [
    'inherited visibility and pointer events',
    '<section style="visibility: hidden"><p>in<b style="visibility: visible">out</b></p><i style="visibility: inherit">i</i><i style="visibility: unset">u</i><i style="visibility: initial">n</i></section><div style="pointer-events: none"><a href="#x">a</a><span style="pointer-events: auto">s</span></div><div style="visibility: collapse"><span>c</span></div>',
  ],
  [
    'a stylesheet in the document, ranked by specificity and importance',
    '<style>.card { display: grid } div.card { display: flex } .card { visibility: hidden } #one { display: inline-block } .loud { display: contents !important } [data-x] p { pointer-events: none } .wrap > p + span { display: none } a[title="x, y > z"] { display: block } ul li:not(.x) { visibility: hidden }</style><div class="wrap"><p>f</p><span>g</span></div><a title="x, y > z">h</a><ul><li>i</li><li class="x">j</li></ul><div class="card" id="one">a</div><div class="card">b</div><p class="card">c</p><div class="card loud" id="one" style="display: block">d</div><section data-x><p>e</p></section>',
  ],
  [
    'a stylesheet with a media rule, which jsdom is asked about',
    '<style>@media screen { .m { display: none } } @media print { .p { display: none } } .m { visibility: hidden }</style><div class="m">m</div><div class="p">p</div>',
  ],
  [
    'SVG inside HTML',
    '<svg><g style="display: none"><circle r="1"></circle></g><text>t</text></svg>',
  ],
];

const properties = ['display', 'visibility', 'pointer-events'] as const;

/** Every answer of the replacement that differs from jsdom's, for these elements. */
function differencesOf(elements: Iterable<Element>): string[] {
  const jsdom = jsdomComputedStyle();
  const found: string[] = [];
  for (const element of elements) {
    const ours = getComputedStyle(element);
    const theirs = jsdom(element);
    for (const property of properties) {
      const expected = theirs.getPropertyValue(property);
      if (ours.getPropertyValue(property) !== expected)
        found.push(`${element.outerHTML.slice(0, 80)} ${property}: ${expected}`);
    }
    if (ours.display !== theirs.display) found.push(`${element.tagName} .display`);
    if (ours.visibility !== theirs.visibility) found.push(`${element.tagName} .visibility`);
    if (ours.pointerEvents !== theirs.pointerEvents)
      found.push(`${element.tagName} .pointerEvents`);
  }
  return found;
}

/** The same, for `root` and every element under it. */
function differences(root: Element): string[] {
  return differencesOf([root, ...root.querySelectorAll('*')]);
}

beforeEach(() => {
  resetStore();
  Element.prototype.scrollIntoView = () => undefined;
});

describe('the faster getComputedStyle of the UI tests', () => {
  it('is the one the tests and Testing Library reach', () => {
    expect(window.getComputedStyle).toBe(globalThis.getComputedStyle);
    expect(window.getComputedStyle).not.toBe(jsdomComputedStyle());
  });

  it.each(documents)('answers as jsdom does for %s', (_name, html) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    expect(differences(document.documentElement)).toEqual([]);
    // jsdom keeps a <style>'s sheet in the document when an ancestor is removed, and the next
    // test files of this worker would have it: each style goes first.
    for (const style of host.querySelectorAll('style')) style.remove();
    host.remove();
    expect(document.styleSheets).toHaveLength(0);
  });

  it('follows a change to the document at once', () => {
    const host = document.createElement('div');
    host.innerHTML = '<p>text</p>';
    document.body.append(host);
    const paragraph = host.querySelector('p') ?? host;
    expect(getComputedStyle(paragraph).display).toBe('block');
    host.hidden = true;
    expect(getComputedStyle(host).display).toBe('none');
    paragraph.style.visibility = 'hidden';
    expect(getComputedStyle(paragraph).visibility).toBe('hidden');
    expect(differences(host)).toEqual([]);
    host.remove();
  });

  it('reads every other property, and pseudo-elements, from jsdom', () => {
    const host = document.createElement('div');
    host.style.color = 'rgb(1, 2, 3)';
    host.style.setProperty('--gap', '4px');
    document.body.append(host);
    const style = getComputedStyle(host);
    expect(style.color).toBe(jsdomComputedStyle()(host).color);
    expect(style.getPropertyValue('color')).toBe('rgb(1, 2, 3)');
    expect(style.getPropertyValue('--gap')).toBe(
      jsdomComputedStyle()(host).getPropertyValue('--gap'),
    );
    expect(style).toBeInstanceOf(CSSStyleDeclaration);
    expect(() => getComputedStyle(host, '::part(x)')).toThrow(TypeError);
    host.remove();
  });

  it('refuses what is not an element, as jsdom does', () => {
    expect(() => getComputedStyle(document as unknown as Element)).toThrow(
      "The provided value is not of type 'Element'",
    );
  });

  it('answers as jsdom does for every element of a rendered wizard page', () => {
    renderWizard('/wizard/deployment');
    expect(document.body.querySelectorAll('*').length).toBeGreaterThan(50);
    expect(differences(document.documentElement)).toEqual([]);
  });

  it('answers as jsdom does for every element of a rendered plan', () => {
    // A short plan: jsdom's own answers for every element are what this test spends its time on.
    const answers: DraftAnswers = {
      ...defaultAnswers,
      install: 'deb',
      gateway: { from: '5.2.5', to: '5.3.0' },
      pump: { from: '1.8.0', to: '' },
    };
    expect(buildPlan(toPlanInput(answers)).ok).toBe(true);
    openPlan(answers);
    const router = createMemoryRouter(
      [
        {
          path: '/wizard',
          element: <WizardLayout />,
          children: [{ path: 'plan', element: <WizardPlanPage /> }],
        },
      ],
      { initialEntries: ['/wizard/plan'] },
    );
    render(<RouterProvider router={router} />);
    // Every element around the steps, and those of the first four steps: the cards repeat.
    const cards = [...document.querySelectorAll('article[data-step-id]')];
    expect(cards.length).toBeGreaterThan(10);
    const sampled = [...document.querySelectorAll('*')].filter((element) => {
      const card = element.closest('article[data-step-id]');
      return card === null || cards.indexOf(card) < 4;
    });
    expect(sampled.length).toBeGreaterThan(300);
    expect(differencesOf(sampled)).toEqual([]);
  });
});
