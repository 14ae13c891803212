/** Types for the French Snowball stemmer of `@nlpjs/lang-fr` (CommonJS, `module.exports` the class, no declarations), imported by its own path. */
declare module '@nlpjs/lang-fr/src/stemmer-fr' {
  /** The Snowball program: the word in `setCurrent`, `innerStem`, the stem in `getCurrent`. */
  export default class StemmerFr {
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
  }
}
