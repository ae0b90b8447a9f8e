/**
 * One record per heat label: what each part of the analyzer does with it. A Record<HeatLabel, LabelSpec>,
 * so a new label in shared/analysis.ts does not compile until it is described here (and until each
 * language gives its rules' patterns: Language.rules.byLabel is a Record<HeatLabel, RegExp[]> too).
 * The words are the language's (lang/<code>/); what the rewriter does per label is its own
 * (facilitator/rewrite/rewrite.ts: REWRITE_LABELS, also a Record<HeatLabel, ...>).
 */
import type { HeatLabel } from '../../shared/analysis.js';

/** One rule of a label (rules.ts); its pattern is the language's, at the same place in rules.byLabel[label]. */
export interface RuleSpec {
  /** how hot a hit alone makes the message, 0..1 */
  score: number;
  /** only inside a sentence of at most this many words (stonewalling) */
  maxWords?: number;
  /** only when the words make up at least half of their clause: "Fine." but not "Everything was fine." */
  mostOfClause?: boolean;
  /** skip when the words before the match make it about the sender ("I feel stupid") */
  notSelf?: boolean;
}

export interface LabelSpec {
  /**
   * The label's rules, strongest first (a weaker rule over the same words as a stronger one of the same
   * label adds nothing). Shouting's are not patterns: rules.ts counts capitals and "!!!".
   */
  rules: RuleSpec[];
  /** where the label's rules run among the other labels' (the order of hits, and so of spans at one place) */
  ruleOrder: number;
  /**
   * Its rules are kept out only of reported speech, not of words about things: swearing about a printer is
   * still swearing (swearing someone else did is theirs).
   */
  countsAboutThings?: boolean;
  /** a weaker hit next to a participant's name is aimed at the reader: raised to this ("Sam is such a liar") */
  nearName?: number;
  /** in a story about the sender's life a soft sign is a feeling told: at most 0.35, all counted once */
  softInStory: boolean;
  /** the label model (labelHits.ts), where it hears this label and the rules did not */
  labelModel: {
    /** it may give the label (insults and swearing are the heat model's and the rules': they have the data) */
    gives: boolean;
    /** a hit labels but does not hold (0.35 instead of 0.6), as the rules do */
    soft?: boolean;
    /** an attack on a person: only when someone in the room is addressed */
    needsReader: boolean;
    /**
     * A threat or self-harm heard by the model alone must also name what such messages are about
     * (Language.labelModel.anchors[label]): a message withheld for safety that was not one is the
     * costliest mistake the model can make.
     */
    anchored?: boolean;
    /**
     * ... unless the model is this sure: self-harm's indirect forms ("look after the dog for me", "won't
     * need it where I'm going") are the ones the rules miss and name nothing.
     */
    unanchored?: number;
    /**
     * not given when the message shows care or an apology (Language.labelModel.care):
     * "be careful or you'll get hurt"
     */
    notWithCare?: boolean;
  };
}

export const LABELS: Record<HeatLabel, LabelSpec> = {
  insult: {
    // "you're such a ...", "your stupid ...", the word alone
    rules: [{ score: 0.85 }, { score: 0.7 }, { score: 0.3, notSelf: true }],
    ruleOrder: 2,
    nearName: 0.85,
    softInStory: false,
    labelModel: { gives: false, needsReader: true },
  },
  contempt: {
    rules: [{ score: 0.65 }],
    ruleOrder: 4,
    softInStory: true,
    labelModel: { gives: true, needsReader: false },
  },
  criticism: {
    rules: [{ score: 0.6 }],
    ruleOrder: 5,
    softInStory: false,
    labelModel: { gives: true, needsReader: true },
  },
  defensiveness: {
    rules: [{ score: 0.35 }],
    ruleOrder: 7,
    softInStory: true,
    labelModel: { gives: true, soft: true, needsReader: true },
  },
  stonewalling: {
    // short refusals ("Fine."), explicit ones in any sentence ("don't bother replying")
    rules: [{ score: 0.55, maxWords: 10, mostOfClause: true }, { score: 0.55 }],
    ruleOrder: 8,
    softInStory: true,
    labelModel: { gives: true, needsReader: false },
  },
  blame: {
    rules: [{ score: 0.55 }],
    ruleOrder: 6,
    softInStory: false,
    labelModel: { gives: true, needsReader: true },
  },
  profanity: {
    // at someone ("fuck you"), strong, mild
    rules: [{ score: 0.9 }, { score: 0.55 }, { score: 0.2 }],
    ruleOrder: 3,
    countsAboutThings: true,
    softInStory: false,
    labelModel: { gives: false, needsReader: false },
  },
  shouting: {
    rules: [],
    ruleOrder: 9,
    softInStory: true,
    labelModel: { gives: false, needsReader: false },
  },
  threat: {
    // two patterns: the phrases, and the structures (each kept small enough for V8 to optimise)
    rules: [{ score: 1 }, { score: 1 }],
    ruleOrder: 0,
    softInStory: false,
    labelModel: { gives: true, needsReader: false, anchored: true, notWithCare: true },
  },
  self_harm: {
    rules: [{ score: 1 }],
    ruleOrder: 1,
    softInStory: false,
    labelModel: { gives: true, needsReader: false, anchored: true, unanchored: 0.97 },
  },
};
