/**
 * What the analyzer needs to know of a language. analyze() receives one (options.language, English by
 * default) and passes it to every stage: another language is a new folder beside lang/en/ that exports a
 * Language. Nothing outside lang/<code>/ holds a word of a language; the stages hold only structure
 * (punctuation, letters, offsets) and what labels.ts says of each label.
 */
import type { HeatLabel } from '../../../shared/analysis.js';

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

/** The rules (rules.ts); their scores and conditions are labels.ts's. */
export interface RulePatterns {
  /** per label, one global pattern for each of its rules in LABELS[label].rules, in that order */
  byLabel: Record<HeatLabel, RegExp[]>;
  /** the words before a match that make it about the sender ("I feel stupid"); anchored at the end */
  selfBefore: RegExp;
  /** a capitalised word (shouting); global */
  capsWord: RegExp;
  /** capitals that are names of things, not a raised voice ("CEO", "ASAP") */
  acronym: RegExp;
  /** joy in capitals ("I GOT THE JOB!!"): labelled, not held */
  joy: RegExp;
  /** the reader as a word (scattered capitals are shouting only at the reader) */
  atReader: RegExp;
}

/**
 * One pattern of reported speech (mask.ts): where it matches, someone else's words begin.
 * `speaker`: who must be the nearest subject before it ("other": anyone but the sender; "otherThanReader":
 * nor the reader); `extent`: the range covers the match only, runs to the end of the clause, or of the sentence.
 */
export interface ReportPattern {
  re: RegExp;
  speaker?: 'other' | 'otherThanReader';
  extent: 'match' | 'clause' | 'sentence';
}

/** Reported speech, the sender about themselves, quotes and words about things (mask.ts). */
export interface MaskPatterns {
  reports: ReportPattern[];
  /** where a reported clause ends; global */
  clauseEnd: RegExp;
  /** where a reported sentence ends; global */
  sentenceEnd: RegExp;
  /** the sender saying what they are ("I'm", "I feel like"), before an insult word; global */
  selfStart: RegExp;
  /** a word that turns "I'm ..." around ("I'm not an idiot, you are") */
  negation: RegExp;
  /** who speaks, looking back from a reporting word: the sender, as a lower-cased word */
  senderSubjects: ReadonlySet<string>;
  /** ... someone else */
  otherSubjects: ReadonlySet<string>;
  /** the reader as a subject (lower-cased word): a report by the reader is not masked where that matters */
  readerSubject: (word: string) => boolean;
  /** "I mean", "I swear": an aside after the sender, not the subject */
  aside: RegExp;
  /** "my", "his": a possessive before someone ("my husband") */
  possessive: RegExp;
  /** a preposition before a possessive makes it a place ("at my work") */
  preposition: RegExp;
  /** words after a possessive that are not someone ("my always ...") */
  structure: ReadonlySet<string>;
  /** capitalised words that open an imperative or a question, not a name ("Just call him ...") */
  commandStart: RegExp;
  /** a capitalised word that is not a name ("I"); lower-cased */
  notAName: RegExp;
  /** someone else said it, just before a quote; anchored at the end */
  reportBeforeQuote: RegExp;
  /** ... just after it; anchored at the start */
  reportAfterQuote: RegExp;
  /** the sender said it, after the quote ('"you idiot," I said') */
  senderAfter: RegExp;
  /** the report before a quote starts with the sender ("I said") */
  senderBefore: RegExp;
  /** the reader inside a quote */
  quoteYou: RegExp;
  /** heard, or words mentioned as words ("I keep hearing", "the word") */
  heardBefore: RegExp;
  /** a lead-in that turns to the reader ("Remember this:") */
  toReaderLead: RegExp;
  /** someone else in the lead-in ("His text last night:") */
  thirdLead: RegExp;
  /** words about things and idioms ("this stupid printer", "kill the job"); global */
  literal: RegExp[];
}

/** Word lists of normalize.ts: which disguised words it undoes. */
export interface NormalizeWords {
  /** a word the analyzer cares about (threat, self-harm, insult words): leetspeak is undone only into one */
  hostile: (word: string) => boolean;
  /** short words a spaced-out threat is made of besides those ("i w i l l k i l l y o u") */
  glue: ReadonlySet<string>;
  /** one letter for each leet character (spaced letters: positions stay those of the letters) */
  leetSpaced: Readonly<Record<string, string>>;
  /** leet characters inside a word ("8" is "ate") */
  leet: Readonly<Record<string, string>>;
  /** a leet reading only after one of these letters ("h8", "l8r"; not "2x8") */
  leetAfter: Readonly<Record<string, RegExp>>;
  /** whole words whose last character is leet ("h8") */
  leetTrailing: ReadonlySet<string>;
}

/** Flags of WordClasses.classOf: which lists a word is in (the models' shared features). */
export const WORD_CLASS = { insult: 1, strong: 2, mild: 4, insultExtra: 8 } as const;

/** Word classes and word lists the models, spans and label-model hits read. */
export interface WordClasses {
  /** WORD_CLASS flags of one lower-cased, punctuation-free word (0 for most words) */
  classOf: (word: string) => number;
  /** forgets the words classOf has cached (forgetAnalyses) */
  clear: () => void;
  /** how many of `text`'s words classOf has cached (tests) */
  cachedIn: (text: string) => number;
  /** function words: never a span, never worth deleting */
  stopwords: ReadonlySet<string>;
  /** a swear word (a model span is labelled profanity, else insult) */
  profane: RegExp;
}

/** What the label model (labelHits.ts) needs besides its weights. */
export interface LabelModelWords {
  /** what a message must name for the model alone to give the label (LABELS[label].labelModel.anchored) */
  anchors: Partial<Record<HeatLabel, RegExp>>;
  /** care or an apology in the message (LABELS[label].labelModel.notWithCare) */
  care: RegExp;
}

export interface Language {
  /** BCP 47 code ("en") */
  code: string;
  address: AddressPatterns;
  rules: RulePatterns;
  mask: MaskPatterns;
  normalize: NormalizeWords;
  words: WordClasses;
  labelModel: LabelModelWords;
  disclosure: DisclosurePatterns;
  proportion: ProportionPatterns;
}

/** How someone tells of harm done to them (disclosure.ts). */
export interface DisclosurePatterns {
  /** a first-person account of being harmed, threatened, controlled or afraid of someone (each pattern is tried) */
  accounts: RegExp[];
  /** where the account's clause ends: the rest of the message is the sender's own again */
  clauseEnd: RegExp;
}

/** What keeps the analyzer proportionate (proportion.ts). */
export interface ProportionPatterns {
  /** laughter or a trivial cause: "I could kill you for eating my leftovers lol" is banter, not a threat */
  banter: RegExp;
  /** what makes violent words serious even with a laugh: children, the police, leaving, where someone is */
  serious: RegExp;
  /** hatred said to the reader ("I hate you"): violent words beside it are not banter (safetyArbiter.ts) */
  hatred: RegExp;
  /** thanks or praise, sincere or sarcastic: the safety arbiter's plain hold applies (safetyArbiter.ts) */
  thanks: RegExp;
  /** an apology in the sentence: the insult it names is reported, not repeated */
  apology: RegExp;
  /** the words an apology names: "I said you were selfish", "calling you a liar" */
  named: RegExp;
  /** plain agreement: a "fine" next to it is not a refusal */
  agreement: RegExp;
  /** the refusals that agreement outweighs ("fine", "k"); other stonewalling words stay */
  plainRefusal: RegExp;
  /** swearing at a situation, not at anyone ("this week has been shit", "Damn, I missed the bus"); global */
  situation: RegExp;
  /** any of the swear words `situation` knows (a quick test before it) */
  swear: RegExp;
  /** fondness in the message ("I missed you", "haha") */
  affection: RegExp;
  /** names people call those they are fond of ("you goof", "ya big eejit") */
  teasing: RegExp;
  /** violence aimed at the reader ("I'll strangle you", "you're dead meat"): banter when the cause is trivial */
  violenceAtReader: RegExp;
  /** praise or thanks, which sarcasm turns round ("thanks for the help", "you're SO organised") */
  praise: RegExp;
  /** sarcasm on its own, praise or not ("must be nice", "thanks for nothing", "of course you did"); global */
  sarcasmAlone: RegExp;
  /** contrast or exaggeration beside praise ("SO", ", really", "wow", "again", "because you're"); each global */
  sarcasmMarkers: RegExp[];
  /** swearing at a person, not a thing ("you wanker", "that bitch"): not a situation */
  swearAtPerson: RegExp;
  /** a sentence about a thing or the sender's own day ("Mondays are crap", "Damn, the bus is late", "My back is
   * fucked"), after any exclamation; tested on each sentence with swearing in it */
  aboutThing: RegExp;
  /** swearing that points at words or opinions ("this crap", "a load of shite"): often the reader's */
  swearAtWords: RegExp;
}
