/**
 * What the safety model's reading (model/safety.ts) makes of a message: a pure function, so the training
 * script can sweep its thresholds on held-out messages (scripts/heat/train-safety.ts) and the analyzer
 * applies exactly what was measured. The model read the rules' verdict as well as the words, so its
 * reading is the verdict; the thresholds set how sure it must be.
 */
import type { Basis, SafetyReading } from './model/safety.js';

export interface ArbiterThresholds {
  /** the larger of threat and self_harm at or above this is a safety stop (a missed threat costs most) */
  safety: number;
  /** a disclosure: never held, a private check-in */
  disclosure: number;
  /**
   * the disclosure reading needed where the rules heard an account of harm done to the sender ("He nearly killed me
   * last year."): the words are there, so the model need not be as sure
   */
  toldDisclosure: number;
  /** heat / (heat + none) at or above this holds the message for review */
  hold: number;
  /**
   * The same three where the rules saw a reason to let the words pass (an idiom or words about things,
   * care, an apology, laughter or a trivial cause, plain agreement, someone else's words): the model,
   * which learnt mostly from the words, must be surer there.
   */
  guarded: { safety: number; disclosure: number; hold: number };
  /**
   * the hold for a message aimed at the reader ("you", a name) with no thanks or praise in it: sarcasm and
   * banter at the reader are read as heat less surely than insults; thanks and praise keep the plain hold, as
   * the model reads sincere and sarcastic thanks alike ("Thank you for sitting with me in A&E all night")
   */
  directedHold: number;
  /**
   * the hold for thanks and praise: the network reads short sincere thanks as heat ("Thank you for having me
   * back." 0.69), so the person thanking needs the model surer; sarcastic thanks pay for it (about a point)
   */
  thanksHold: number;
  /**
   * the threat or self-harm reading the model alone needs in a message of SHORT_WORDS words or fewer, where the rules
   * heard none: it has few words to go on there ("Still here.")
   */
  short: number;
  /**
   * the self-harm reading the model alone needs in a message of PLAIN_WORDS words or fewer with none of the
   * words such messages are about ("whats the point anymore", "gonna OD tonight. sorry.")
   */
  plainSelfHarm: number;
  /**
   * the threat reading the model alone needs in a message of UNAIMED_WORDS words or fewer aimed at nobody (no
   * "you", no name), where the rules heard none: a parent's "Time with my kids." is what they need, not a threat
   */
  unaimedThreat: number;
  /**
   * heat / (heat + none) under which the model releases a hold of the rules (0: never). The model reads
   * public comments' heat too (train split), so a release does not cost the public slices their recall.
   */
  release: number;
  /**
   * the larger of threat and self-harm under which a safety stop of the rules is dropped (banter, "I'd kill for
   * a coffee"): the model must be as sure it is not harm as it must be sure it is to add one
   */
  drop: number;
  /**
   * a safety stop of the rules is also dropped, under `safety`, when the model reads heat at least this many
   * times as surely as harm: banter about hurting the reader ("I'll wring your neck if you take my stapler
   * again") is held as heat, for a look, not a safety stop
   */
  banter: number;
}

/** So few words give the model little to read. */
export const SHORT_WORDS = 3;
/**
 * Up to this many words, heat aimed at the reader has the directed hold: past it, a message is a story told
 * more than a jab (a long post about one's pregnancy and parents was held at the directed hold)
 */
export const DIRECTED_WORDS = 40;
/** Up to this many words, self-harm the rules did not hear needs one of its words (see arbitrate). */
export const PLAIN_WORDS = 10;
/** Up to this many words, a threat the rules did not hear, aimed at nobody, needs unaimedThreat. */
export const UNAIMED_WORDS = 6;

/**
 * Fitted by `CV_FOLDS=4 npm run train:safety -- --cv` (cross-validation by data file; classes balanced half
 * way, CLASS_POWER 0.5); see docs/HEAT.md. The sweep chose hold 0.5 (0.4 in an earlier run); 0.6 stops holding
 * sincere thanks ("Thank you for having me back.", "Thanks for having me."), and heat aimed at the reader
 * without thanks has its own, lower hold (directedHold).
 */
export const ARBITER_THRESHOLDS: ArbiterThresholds = {
  safety: 0.4,
  disclosure: 0.35,
  toldDisclosure: 0.25,
  hold: 0.6,
  guarded: { safety: 0.45, disclosure: 0.4, hold: 0.65 },
  directedHold: 0.45,
  thanksHold: 0.7,
  short: 0.8,
  plainSelfHarm: 0.6,
  unaimedThreat: 0.5,
  release: 0.3,
  drop: 0.3,
  banter: 1,
};

/** The rules saw a reason to let the words pass. */
export const guardedBy = (b: Basis): boolean =>
  b.care || b.literal || b.overstated || b.apology || b.agreement || b.reported;

export interface Arbitration {
  /** a safety label to add, which the rules did not give */
  add: 'threat' | 'self_harm' | null;
  /** the rules' safety labels are taken away (banter, "I'd kill for a coffee") */
  drop: boolean;
  /** marked as a disclosure (never held) */
  disclosure: boolean;
  /** held as heat, though the rules let it through */
  hold: boolean;
  /** delivered, though the rules held it as heat */
  release: boolean;
}

export function arbitrate(basis: Basis, p: SafetyReading, all: ArbiterThresholds = ARBITER_THRESHOLDS): Arbitration {
  const t = guardedBy(basis) ? all.guarded : all;
  // the larger of the two, not their sum: two middling readings are doubt, not harm
  // self-harm the rules did not hear needs a word such messages are about, unless the model is surer:
  // first-person words of being lost ("I do not know.", "I feel judged") are not a crisis
  const selfHarm =
    basis.safety || basis.selfHarmWords || basis.words > PLAIN_WORDS || p.self_harm >= all.plainSelfHarm
      ? p.self_harm
      : 0;
  const threat =
    basis.safety || basis.directed || basis.words > UNAIMED_WORDS || p.threat >= all.unaimedThreat ? p.threat : 0;
  const harm = Math.max(threat, selfHarm);
  // nothing that makes violent words serious may be there (children, the police, "I mean it", "not joking")
  const banter = !basis.serious && harm < t.safety && p.heat >= all.banter * harm;
  const safety = basis.safety
    ? basis.revealed === true || basis.hatred === true || (harm >= all.drop && !banter)
    : harm >= t.safety && (basis.words > SHORT_WORDS || harm >= all.short);
  // "give me your phone every night" is the sender's demand, never their disclosure
  const disclosure =
    !safety &&
    !basis.demand &&
    p.disclosure >= (basis.disclosure ? Math.min(t.disclosure, all.toldDisclosure) : t.disclosure);
  const open = !safety && !disclosure;
  const drop = basis.safety && !safety;
  const heldNow = drop ? basis.heldWithoutSafety : basis.held;
  const share = p.heat / (p.heat + p.none + 1e-9);
  const holdAt =
    basis.words <= SHORT_WORDS
      ? Math.max(t.hold, all.short)
      : basis.directed && !basis.thanks && basis.words <= DIRECTED_WORDS
        ? Math.min(t.hold, all.directedHold)
        : basis.thanks
          ? Math.max(t.hold, all.thanksHold)
          : t.hold;
  return {
    add: safety && !basis.safety ? (p.threat >= selfHarm ? 'threat' : 'self_harm') : null,
    drop,
    disclosure,
    // a story about the sender's life, aimed at no one here, is a feeling told: the model alone cannot hold it,
    // as the heat model cannot (combine.ts; "My mom is always bossy... she argues over stupid stuff")
    // and, as for a safety stop, a message of a few words needs the model to be surer ("Thanks for waiting.")
    hold: open && !heldNow && !basis.story && share >= holdAt,
    // a hold of the rules is released only when the model reads the message as more ordinary than heated
    release: open && heldNow && share < all.release,
  };
}

/** The verdict an arbitration leads to (what cross-validation scores). */
export function outcome(basis: Basis, a: Arbitration): { safety: boolean; disclosure: boolean; held: boolean } {
  const safety = a.add !== null || (basis.safety && !a.drop);
  if (safety) return { safety, disclosure: false, held: true };
  if (a.disclosure) return { safety, disclosure: true, held: false };
  const heldNow = a.drop ? basis.heldWithoutSafety : basis.held;
  return { safety, disclosure: false, held: (heldNow || a.hold) && !a.release };
}
