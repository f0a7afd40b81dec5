// jsdom finds a label's control by walking the whole document for the id in its `for`, and a
// control's labels by asking every node of the document for its control: finding one form field
// by its name costs the square of the page's size. Testing Library asks for the labels of every
// candidate field, so on the plan page (hundreds of fields, thousands of nodes) these two getters
// took about a quarter of the time of the plan page's tests.
//
// This replaces them with the same answers found through the document's id lookup and its list of
// labels. Only the tests' jsdom is changed; the app never reads either property.

const labelableTags = new Set(['BUTTON', 'METER', 'OUTPUT', 'PROGRESS', 'SELECT', 'TEXTAREA']);

function isLabelable(element: Element): boolean {
  if (element instanceof HTMLInputElement) return element.type !== 'hidden';
  return labelableTags.has(element.tagName);
}

/** The first element in tree order under `root` (itself included) whose id is `id`. */
function firstWithId(root: Node, id: string): Element | null {
  if (root instanceof Document || root instanceof DocumentFragment) return root.getElementById(id);
  if (!(root instanceof Element)) return null;
  if (root.id === id) return root;
  for (const element of root.querySelectorAll('[id]')) if (element.id === id) return element;
  return null;
}

/** Every label under `root` (itself included), in tree order. */
function labelsUnder(root: Node): readonly HTMLLabelElement[] {
  if (root instanceof HTMLLabelElement) return [root, ...root.querySelectorAll('label')];
  if (root instanceof Document || root instanceof DocumentFragment || root instanceof Element)
    return Array.from(root.querySelectorAll('label'));
  return [];
}

/** The label's control as the HTML standard defines it. */
function controlOf(label: HTMLLabelElement): HTMLElement | null {
  const target = label.getAttribute('for');
  if (target !== null) {
    if (target === '') return null;
    const found = firstWithId(label.getRootNode(), target);
    return found instanceof HTMLElement && isLabelable(found) ? found : null;
  }
  for (const element of label.querySelectorAll('*'))
    if (element instanceof HTMLElement && isLabelable(element)) return element;
  return null;
}

/** The labels whose control is `element`, in tree order; null when it cannot have labels. */
function labelsOf(element: HTMLElement): readonly HTMLLabelElement[] | null {
  if (!isLabelable(element)) return null;
  return labelsUnder(element.getRootNode()).filter((label) => controlOf(label) === element);
}

const labelableTypes = () => [
  HTMLInputElement,
  HTMLButtonElement,
  HTMLSelectElement,
  HTMLTextAreaElement,
  HTMLMeterElement,
  HTMLOutputElement,
  HTMLProgressElement,
];

type Getters = {
  readonly control: (label: HTMLLabelElement) => unknown;
  readonly labels: (element: HTMLElement) => unknown;
};

let jsdomGetters: Getters | null = null;

function getterOf(prototype: object, name: string): (self: object) => unknown {
  const get = Object.getOwnPropertyDescriptor(prototype, name)?.get;
  if (get === undefined) throw new Error(`this DOM has no ${name} getter to replace`);
  return (self) => get.call(self) as unknown;
}

/** jsdom's own getters, kept to check the replacements against. */
export function jsdomLabelGetters(): Getters {
  if (jsdomGetters === null) throw new Error('installFastLabelLookup has not run');
  return jsdomGetters;
}

export function installFastLabelLookup(): void {
  // The setup file runs before each test file; the first run keeps jsdom's getters.
  if (jsdomGetters === null) {
    const labelsGetters = new Map(
      labelableTypes().map((type) => [
        type.prototype as object,
        getterOf(type.prototype, 'labels'),
      ]),
    );
    jsdomGetters = {
      control: getterOf(HTMLLabelElement.prototype, 'control'),
      labels: (element) => {
        const get = labelsGetters.get(Object.getPrototypeOf(element) as object);
        if (get === undefined) throw new Error(`${element.tagName} has no labels to compare`);
        return get(element);
      },
    };
  }
  Object.defineProperty(HTMLLabelElement.prototype, 'control', {
    configurable: true,
    enumerable: true,
    get(this: HTMLLabelElement) {
      return controlOf(this);
    },
  });
  for (const type of labelableTypes()) {
    Object.defineProperty(type.prototype, 'labels', {
      configurable: true,
      enumerable: true,
      get(this: HTMLElement) {
        return labelsOf(this);
      },
    });
  }
}
