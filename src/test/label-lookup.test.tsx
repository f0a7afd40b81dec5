import { describe, expect, it } from 'vitest';
import { jsdomLabelGetters } from './label-lookup';

// The setup file has replaced jsdom's label getters; each case compares the replacement with
// jsdom's own answer on the same document.
const documents: readonly (readonly [string, string])[] = [
  ['a label naming its field', '<label for="a">A</label><input id="a">'],
  ['a label around its field', '<label>B <input id="b"></label>'],
  [
    'a label around a hidden input and a select',
    '<label><input type="hidden"><select></select></label>',
  ],
  ['a label naming a hidden input', '<label for="h">H</label><input id="h" type="hidden">'],
  ['a label naming something that is not a field', '<label for="d">D</label><div id="d"></div>'],
  ['a label naming nothing', '<label for="">E</label><input>'],
  ['a label naming a missing id', '<label for="nope">F</label><input id="f">'],
  [
    'two fields with the same id',
    '<label for="g">G</label><input id="g"><textarea id="g"></textarea>',
  ],
  ['two labels for one field', '<label for="k">K1</label><label>K2 <input id="k"></label>'],
  [
    'a label naming a field with a for inside it',
    '<label for="m"><input id="n"></label><input id="m">',
  ],
  [
    'buttons, meters, outputs and progress bars',
    '<label>P <button></button></label><label>Q <meter></meter></label><label>R <output></output></label><label>S <progress></progress></label>',
  ],
  ['no label at all', '<input><button></button>'],
];

const fieldSelector = 'input, button, select, textarea, meter, output, progress';

describe('the faster label lookup of the UI tests', () => {
  it.each(documents)('answers as jsdom does for %s', (_name, html) => {
    const { control, labels } = jsdomLabelGetters();
    for (const attached of [true, false]) {
      const host = document.createElement('div');
      host.innerHTML = html;
      if (attached) document.body.append(host);
      for (const label of host.querySelectorAll('label'))
        expect(label.control).toBe(control(label));
      for (const field of host.querySelectorAll<HTMLElement>(fieldSelector)) {
        const expected = labels(field) as NodeListOf<HTMLLabelElement> | null;
        const actual = (field as HTMLInputElement).labels;
        expect(actual === null ? null : [...actual]).toEqual(
          expected === null ? null : [...expected],
        );
      }
      host.remove();
    }
  });

  it('finds the field of a label that is not in any tree yet', () => {
    const label = document.createElement('label');
    label.append(document.createElement('input'));
    expect(label.control).toBe(label.firstElementChild);
    expect(jsdomLabelGetters().control(label)).toBe(label.firstElementChild);
  });
});
