// jsdom's getComputedStyle works out every property it supports for the element: it matches all
// of its default stylesheet's rules (over a hundred), parses colours and walks up the tree for the
// inherited ones, and it forgets all of that at the next change to the document. Testing
// Library's role queries ask for it for every candidate element and each of its ancestors and
// children, and only read whether they are displayed and visible: on the plan page's tests that
// came to about a third of the time.
//
// This answers `display`, `visibility` and `pointer-events` by the same cascade as jsdom 29,
// limited to the rules that declare the property asked for. Any other property, and any style
// this cannot follow (a pseudo-element, a stylesheet with an @import or @media rule that declares
// one of the three), is read from jsdom's own computed style. Only the tests' jsdom is changed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Specificity, { type SpecificityInstanceOrObject } from '@bramus/specificity';

const fastProperties = {
  display: { inherited: false, initial: 'inline' },
  visibility: { inherited: true, initial: 'visible' },
  'pointer-events': { inherited: true, initial: 'auto' },
} as const;

type FastProperty = keyof typeof fastProperties;

/** The three as a style object's own keys name them. */
const camelCase = new Map<PropertyKey, FastProperty>([
  ['display', 'display'],
  ['visibility', 'visibility'],
  ['pointerEvents', 'pointer-events'],
]);

function isFastProperty(name: string): name is FastProperty {
  return Object.hasOwn(fastProperties, name);
}

/** One style rule's declaration of one property, in the order of its sheet. */
type Declaring = {
  readonly selector: string;
  /** The element names the rule can apply to; null when it may apply to any element. */
  readonly subjects: ReadonlySet<string> | null;
  readonly value: string;
  readonly important: boolean;
  readonly specificity: SpecificityInstanceOrObject;
};

const specificities = new Map<string, SpecificityInstanceOrObject>();

/** jsdom ranks a rule by the highest specificity in its whole selector list. */
function specificityOf(selector: string): SpecificityInstanceOrObject {
  let found = specificities.get(selector);
  if (found === undefined) {
    found = Specificity.max(...Specificity.calculate(selector));
    specificities.set(selector, found);
  }
  return found;
}

/** jsdom applies a media rule's contents when its list is empty or names `all` or `screen`. */
function mediaApplies(media: MediaList): boolean {
  if (media.length === 0) return true;
  for (let index = 0; index < media.length; index += 1) {
    const query = media.item(index);
    if (query === 'all' || query === 'screen') return true;
  }
  return false;
}

/** The style rules a sheet applies, in order, as jsdom walks them; null when it cannot follow. */
function appliedRules(sheet: CSSStyleSheet, allowNested: boolean): CSSStyleRule[] | null {
  const rules: CSSStyleRule[] = [];
  for (const rule of sheet.cssRules) {
    if (rule instanceof CSSStyleRule) rules.push(rule);
    else if (rule instanceof CSSMediaRule || rule instanceof CSSImportRule) {
      if (!allowNested) return null;
      const inner = rule instanceof CSSMediaRule ? rule : rule.styleSheet;
      if (inner === null || !mediaApplies(rule.media)) continue;
      for (const nested of inner.cssRules) if (nested instanceof CSSStyleRule) rules.push(nested);
    }
  }
  return rules;
}

function declarations(rules: readonly CSSStyleRule[], property: FastProperty): Declaring[] {
  return rules.flatMap((rule) => {
    const value = rule.style.getPropertyValue(property);
    if (value === '') return [];
    return [
      {
        selector: rule.selectorText,
        subjects: subjectNames(rule.selectorText),
        value,
        important: rule.style.getPropertyPriority(property) !== '',
        specificity: specificityOf(rule.selectorText),
      },
    ];
  });
}

type DefaultRules = Readonly<Record<FastProperty, readonly Declaring[]>>;

let defaultRules: DefaultRules | null = null;

/** The rules of jsdom's own default stylesheet that declare each property, read once. */
function readDefaultRules(): DefaultRules {
  if (defaultRules === null) {
    const jsdomFolder = dirname(createRequire(import.meta.url).resolve('jsdom/package.json'));
    const text = readFileSync(
      join(jsdomFolder, 'lib/jsdom/browser/default-stylesheet.css'),
      'utf8',
    );
    // A sheet of its own, not a <style> in the document: the tests' document stays as it was.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const rules = appliedRules(sheet, true);
    if (rules === null || rules.length < 50)
      throw new Error("jsdom's default stylesheet did not parse");
    defaultRules = {
      display: declarations(rules, 'display'),
      visibility: declarations(rules, 'visibility'),
      'pointer-events': declarations(rules, 'pointer-events'),
    };
  }
  return defaultRules;
}

/** `text` cut at each `separator` that is outside brackets, parentheses and quotes. */
function topLevelParts(text: string, isSeparator: (character: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (quote !== null) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = null;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '(' || character === '[') depth += 1;
    else if (character === ')' || character === ']') depth -= 1;
    else if (depth === 0 && isSeparator(character)) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The element names that a selector list's subjects (the last compound of each selector) are
 * limited to, lower-cased, or null when one of them could be any element. Most of the default
 * stylesheet's rules name their elements, so most of them need no matching at all.
 */
function subjectNames(selectorList: string): ReadonlySet<string> | null {
  const names = new Set<string>();
  for (const selector of topLevelParts(selectorList, (character) => character === ',')) {
    const compounds = topLevelParts(selector.trim(), (character) => /[\s>+~]/.test(character));
    const subject = compounds.at(-1)?.trim() ?? '';
    const name = /^([a-z][a-z0-9-]*)(?=$|[.#:[])/i.exec(subject)?.[1];
    if (name === undefined) return null;
    names.add(name.toLowerCase());
  }
  return names;
}

function matches(element: Element, selector: string): boolean {
  // jsdom gives pseudo-elements no computed style of their own, so their rules never apply.
  if (selector.includes('::')) return false;
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/** The cascaded value of `property` for `element` ('' when nothing declares it); null: ask jsdom. */
function cascaded(element: Element, property: FastProperty): string | null {
  let value = '';
  let important = false;
  let best: SpecificityInstanceOrObject | null = null;
  const name = element.localName.toLowerCase();
  const apply = (rules: readonly Declaring[]) => {
    for (const rule of rules) {
      if (rule.subjects !== null && !rule.subjects.has(name)) continue;
      if (!matches(element, rule.selector)) continue;
      if (rule.important) {
        value = rule.value;
        important = true;
      } else if (
        !important &&
        (best === null || Specificity.compare(rule.specificity, best) >= 0)
      ) {
        best = rule.specificity;
        value = rule.value;
      }
    }
  };
  apply(readDefaultRules()[property]);
  for (const sheet of element.ownerDocument.styleSheets) {
    const rules = appliedRules(sheet, false);
    if (rules === null) return null;
    apply(declarations(rules, property));
  }
  const inline = (element as Partial<ElementCSSInlineStyle>).style;
  if (inline !== undefined) {
    const own = inline.getPropertyValue(property);
    const ownImportant = inline.getPropertyPriority(property) !== '';
    if (own !== '' && (!important || ownImportant)) value = own;
  }
  return value;
}

/** The computed value as jsdom resolves it, CSS-wide keywords included; null: ask jsdom. */
function computed(element: Element, property: FastProperty): string | null {
  const { inherited, initial } = fastProperties[property];
  const parent = element.parentElement;
  const value = cascaded(element, property);
  if (value === null) return null;
  if (value === '' || value === 'unset')
    return inherited && parent !== null ? computed(parent, property) : initial;
  if (value === 'initial') return initial;
  if (value === 'inherit') return parent !== null ? computed(parent, property) : initial;
  return value;
}

type GetComputedStyle = typeof window.getComputedStyle;

let jsdomGetComputedStyle: GetComputedStyle | null = null;

/** jsdom's own getComputedStyle, kept to check the replacement against. */
export function jsdomComputedStyle(): GetComputedStyle {
  if (jsdomGetComputedStyle === null) throw new Error('installFastComputedStyle has not run');
  return jsdomGetComputedStyle;
}

/**
 * A computed style that answers the three properties itself and reads every other one from
 * jsdom's, which it only asks for when one is read.
 */
function fastStyle(element: Element, jsdomStyle: () => CSSStyleDeclaration): CSSStyleDeclaration {
  let full: CSSStyleDeclaration | null = null;
  const real = () => (full ??= jsdomStyle());
  const fast = (property: FastProperty) =>
    computed(element, property) ?? real().getPropertyValue(property);
  return new Proxy({} as CSSStyleDeclaration, {
    get(_target, key) {
      const named = camelCase.get(key);
      if (named !== undefined) return fast(named);
      if (key === 'getPropertyValue')
        return (name: string) =>
          isFastProperty(name) ? fast(name) : real().getPropertyValue(name);
      const value: unknown = Reflect.get(real(), key);
      return typeof value === 'function' ? (value as () => unknown).bind(real()) : value;
    },
    has: (_target, key) => Reflect.has(real(), key),
    getPrototypeOf: () => CSSStyleDeclaration.prototype,
  });
}

export function installFastComputedStyle(): void {
  // The setup file runs before each test file; the first run keeps jsdom's own function.
  const own = (jsdomGetComputedStyle ??= window.getComputedStyle.bind(window));
  const replacement = (element: Element, pseudoElement?: string | null): CSSStyleDeclaration => {
    if (!(element instanceof Element) || (pseudoElement ?? '') !== '')
      return own(element, pseudoElement);
    return fastStyle(element, () => own(element));
  };
  window.getComputedStyle = replacement;
  globalThis.getComputedStyle = replacement;
}
