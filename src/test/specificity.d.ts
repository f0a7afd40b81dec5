// @bramus/specificity ships types, but its package exports do not point at them, so TypeScript's
// bundler resolution cannot find them. These are the parts the computed-style check uses.
declare module '@bramus/specificity' {
  export type SpecificityObject = { readonly a: number; readonly b: number; readonly c: number };
  export type SpecificityInstanceOrObject = Specificity | SpecificityObject;
  export default class Specificity {
    readonly value: SpecificityObject;
    static calculate(selector: string): Specificity[];
    static max(...specificities: SpecificityInstanceOrObject[]): SpecificityInstanceOrObject;
    static compare(first: SpecificityInstanceOrObject, second: SpecificityInstanceOrObject): number;
  }
}
