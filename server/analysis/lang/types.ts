/**
 * What the analyzer needs to know of a language. analyze() receives one (options.language, English by
 * default): another language is a new folder beside lang/en/ that exports a Language.
 *
 * Not finished (issue 9): so far only who is addressed (address.ts) reads its patterns from here; the
 * masks (mask.ts), rules (rules.ts, lang/en/lexicon.ts), normalisation (normalize.ts), word classes of
 * the models (lang/en/wordclass.ts) and the label model's anchors (labels.ts) still use English directly.
 */
export interface AddressPatterns {
  /** the reader as a word ("you", "your", "u"); global */
  you: RegExp;
  /** "you" in a request to a helper ("can you help me?", "is it normal to ..."); global */
  helpYou: RegExp;
  /** a sentence that opens with someone else doing something ("he", "she", "they") */
  theyDid: RegExp;
  /** ... to the sender ("me", "my", "us") */
  toMe: RegExp;
  /** someone in the sender's life ("my husband", "my boss") */
  myRelation: RegExp;
  /** the sender as a word ("I", "me", "my"); global */
  firstPerson: RegExp;
  /** the end of a sentence; global */
  sentenceEnd: RegExp;
}

export interface Language {
  /** BCP 47 code ("en") */
  code: string;
  address: AddressPatterns;
}
