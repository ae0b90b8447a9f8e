/**
 * The safety model: whether a message is a threat, self-harm, a disclosure of harm done to the sender,
 * heat aimed at the reader (sarcasm, banter about violence, contempt) or none of these. Patterns alone
 * did not generalise to new voices ("I know which bus she takes", "not gonna be around 4 much longer"),
 * so this softmax learns from several thousand room messages written for this project in many Englishes
 * (data/safety-train/, data/safety-dev/, data/heat-synthetic/; scripts/heat/train-safety.ts). It reads
 * the whole normalised message, reported speech included: a disclosure is what was done to the sender.
 * What its reading changes is the arbiter's (safetyArbiter.ts), a pure function.
 */
import { type ClassOf, normalizeForModel, wordNgrams } from './features.js';
import { MODEL_DIR } from './heat.js';
import { mlpForward, type MlpModel, mlpScratch, type MlpScratch, readMlp } from './mlp.js';
import { foldedFeatures, readSoftmax, softmaxInto, type SoftmaxModel } from './softmax.js';

export const SAFETY_MODEL_NAME = 'safety';
/** the network read beside the softmax (mlp.ts); their mean is the reading */
export const SAFETY_NETWORK_NAME = 'safety-network';
export const SAFETY_BITS = 17;
export const SAFETY_CLASSES = ['none', 'heat', 'threat', 'self_harm', 'disclosure'] as const;
export type SafetyClass = (typeof SAFETY_CLASSES)[number];
export type SafetyModel = SoftmaxModel<SafetyClass> & {
  /** the network whose reading is averaged with the softmax's (mlp.ts), when one was trained */
  network?: MlpModel<SafetyClass> | null;
};

/** The model's probabilities, one per class. */
export type SafetyReading = Record<SafetyClass, number>;

/**
 * What the rules and the other models decided before the safety model, and why: the model reads these
 * too, so it learns how far to trust the rules (they know the structures they were written for, and
 * what they saw and let pass: an idiom, care, an apology, someone else's words).
 */
export interface Basis {
  safety: boolean;
  disclosure: boolean;
  held: boolean;
  /** whether the message would still be held with its safety labels taken away */
  heldWithoutSafety: boolean;
  /** the heat before the safety model, 0..1 */
  heat: number;
  /** aimed at the reader ("you", a participant's name) */
  directed: boolean;
  /** the rules' own safety hit, before the label model */
  ruleSafety: boolean;
  /** the heat model's reading, 0..1 */
  modelHeat: number;
  /** the label model's threat and self-harm probabilities (0 without it) */
  labelThreat: number;
  labelSelfHarm: number;
  /** someone else's words or deeds reported (mask.ts) */
  reported: boolean;
  /** idioms and words about things ("kill the engine", "this stupid printer") */
  literal: boolean;
  /** an apology that names the insult */
  apology: boolean;
  /** laughter or a trivial cause beside violent words */
  overstated: boolean;
  /** words that make violent words serious: children, the police, leaving, "I mean it" (proportion.ts) */
  serious: boolean;
  /**
   * the rules' safety words showed only once a disguise was undone ("m-u-r-d-e-r", "k i l l"): hiding them from a
   * filter is meant, so the model may not drop them as banter (not a model input)
   */
  revealed?: boolean;
  /**
   * hatred said to the reader ("I hate you", "I can't stand you"): beside the rules' threat it is meant, so the
   * model may not drop it under the floor for banter (not a model input)
   */
  hatred?: boolean;
  /** thanks or praise ("thank you", "you're amazing"): sincere and sarcastic alike */
  thanks: boolean;
  /** plain agreement ("Fine. Go ahead.") */
  agreement: boolean;
  /** care or an apology in the same message ("be careful", "stay safe") */
  care: boolean;
  /** a story about the sender's life, or someone in it described */
  story: boolean;
  /** a demand to control the reader (coercion.ts): the sender's, so not a disclosure of their own */
  demand: boolean;
  /** how many words the message has */
  words: number;
  /**
   * a word self-harm messages are about (lang/<code>/labelModel.ts: die, alive, gone, burden, without me,
   * goodbye...): without one, "I do not know." is no self-harm however the model reads it
   */
  selfHarmWords: boolean;
}

/** The basis as the model's dense inputs, in this order (meta.denseInputs names them). */
export const BASIS_INPUTS: string[] = [
  'rules_safety',
  'rules_disclosure',
  'rules_held',
  'held_without_safety',
  'heat',
  'directed',
  'rule_safety',
  'model_heat',
  'label_threat',
  'label_self_harm',
  'reported',
  'literal',
  'apology',
  'overstated',
  'agreement',
  'care',
  'story',
];
export const basisInputs = (b: Basis): number[] => [
  +b.safety,
  +b.disclosure,
  +b.held,
  +b.heldWithoutSafety,
  b.heat,
  +b.directed,
  +b.ruleSafety,
  b.modelHeat,
  b.labelThreat,
  b.labelSelfHarm,
  +b.reported,
  +b.literal,
  +b.apology,
  +b.overstated,
  +b.agreement,
  +b.care,
  +b.story,
];

let loaded: SafetyModel | null | undefined;

/** The committed safety model, or null when none has been trained (the rules then work alone). */
export function loadSafetyModel(dir: string = MODEL_DIR): SafetyModel | null {
  if (loaded !== undefined && dir === MODEL_DIR) return loaded;
  const linear = readSoftmax<SafetyClass>(dir, SAFETY_MODEL_NAME, SAFETY_BITS);
  const network = linear && readMlp<SafetyClass>(dir, SAFETY_NETWORK_NAME);
  for (const m of [linear, network])
    if (m && m.meta.classes.join() !== SAFETY_CLASSES.join())
      throw new Error(`safety model: classes ${m.meta.classes.join()} != ${SAFETY_CLASSES.join()}`);
  const model = linear && { ...linear, network };
  if (dir === MODEL_DIR) loaded = model;
  return model;
}

/** Replaces the committed safety model (cross-validation, tests); undefined goes back to it. */
export function useSafetyModel(m: SafetyModel | null | undefined): void {
  loaded = m;
}

const feats = new Int32Array(16384 * 2);
const probs = new Float64Array(SAFETY_CLASSES.length);
const netProbs = new Float64Array(SAFETY_CLASSES.length);
const netFeats = new Int32Array(4096);
const scratch = new WeakMap<MlpModel, MlpScratch>();

/** How the model reads `text` (already normalised: disguises undone) beside what the rules decided. */
export function safetyReading(model: SafetyModel, text: string, basis: Basis, classOf?: ClassOf): SafetyReading {
  const n = foldedFeatures(text, SAFETY_BITS, feats, classOf, model.meta.trigrams);
  const inputs = basisInputs(basis);
  const dense = model.meta.denseInputs.length ? inputs.slice(0, model.meta.denseInputs.length) : [];
  const p = softmaxInto(model, feats, n, probs, dense);
  const net = model.network;
  if (net) {
    let s = scratch.get(net);
    if (!s) scratch.set(net, (s = mlpScratch(net)));
    // the network folds the same n-grams to its own, smaller table, or reads word n-grams alone
    const q = net.meta.words
      ? mlpForward(net, netFeats, wordNgrams(normalizeForModel(text), netFeats), inputs, netProbs, s)
      : mlpForward(net, feats, n, inputs, netProbs, s);
    for (let c = 0; c < p.length; c++) p[c] = (p[c] + q[c]) / 2;
  }
  return { none: p[0], heat: p[1], threat: p[2], self_harm: p[3], disclosure: p[4] };
}
