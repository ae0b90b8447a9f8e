import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/analysis/index.js';
import { type Basis, loadSafetyModel } from '../../../server/analysis/model/safety.js';
import { ARBITER_THRESHOLDS, arbitrate, outcome, PLAIN_WORDS } from '../../../server/analysis/safetyArbiter.js';
import { loadSafetyRows, safetyFigures } from '../../../scripts/heat/evalSafety.js';

const basis = (over: Partial<Basis> = {}): Basis => ({
  safety: false,
  disclosure: false,
  held: false,
  heldWithoutSafety: false,
  heat: 0,
  directed: false,
  ruleSafety: false,
  modelHeat: 0,
  labelThreat: 0,
  labelSelfHarm: 0,
  reported: false,
  literal: false,
  apology: false,
  overstated: false,
  serious: false,
  thanks: false,
  agreement: false,
  care: false,
  story: false,
  demand: false,
  words: 8,
  selfHarmWords: true,
  ...over,
});
const reading = (p: Partial<Record<'none' | 'heat' | 'threat' | 'self_harm' | 'disclosure', number>>) => ({
  none: 0,
  heat: 0,
  threat: 0,
  self_harm: 0,
  disclosure: 0,
  ...p,
});

describe('the arbiter (a pure function of the rules’ verdict and the model’s reading)', () => {
  it('a threat or self-harm the model is sure of is a safety stop, the larger of the two named', () => {
    const a = arbitrate(basis(), reading({ threat: 0.2, self_harm: 0.75, none: 0.05 }));
    expect(a.add).toBe('self_harm');
    expect(outcome(basis(), a)).toEqual({ safety: true, disclosure: false, held: true });
  });

  it('drops a safety label of the rules the model reads as banter, and keeps it held as heat if it is', () => {
    const b = basis({ safety: true, held: true, heldWithoutSafety: true });
    const a = arbitrate(b, reading({ heat: 0.9, threat: 0.05, none: 0.05 }));
    expect(a.drop).toBe(true);
    expect(outcome(b, a)).toEqual({ safety: false, disclosure: false, held: true });
  });

  it('drops a safety stop of the rules the model reads as heat at least as surely as harm, unless serious', () => {
    const b = basis({ safety: true, held: true, heldWithoutSafety: true });
    const under = ARBITER_THRESHOLDS.safety - 0.05;
    // "I'll wring your neck if you take my stapler again": middling harm, as much heat
    const banter = reading({ heat: under + 0.05, threat: under, none: 0.05 });
    expect(outcome(b, arbitrate(b, banter))).toEqual({ safety: false, disclosure: false, held: true });
    // more harm than heat, or harm at the safety threshold, stays a stop
    expect(arbitrate(b, reading({ heat: under - 0.1, threat: under, none: 0.3 })).drop).toBe(false);
    const past = ARBITER_THRESHOLDS.safety + 0.05;
    expect(arbitrate(b, reading({ heat: past + 0.1, threat: past })).drop).toBe(false);
    // "...I'm serious", children, the police: never taken for banter
    const serious = basis({ safety: true, held: true, heldWithoutSafety: true, serious: true });
    expect(arbitrate(serious, banter).drop).toBe(false);
  });

  it('keeps a stop of the rules beside hatred said to the reader, however little harm the model reads', () => {
    // "I hate you so much I could kill you": the floor for banter does not drop it
    const b = basis({ safety: true, held: true, heldWithoutSafety: true, serious: true });
    const little = reading({ heat: 0.66, threat: ARBITER_THRESHOLDS.drop - 0.05, none: 0.03 });
    expect(arbitrate(b, little).drop).toBe(true);
    expect(arbitrate({ ...b, hatred: true }, little).drop).toBe(false);
    expect(analyze('I hate you so much I could kill you').labels).toContain('threat');
  });

  it('a threat only the model hears, in a few words aimed at nobody, needs unaimedThreat', () => {
    const middling = reading({ threat: (ARBITER_THRESHOLDS.safety + ARBITER_THRESHOLDS.unaimedThreat) / 2, none: 0.4 });
    // "Time with my kids." (what a parent needs) against "Your kids next."
    expect(arbitrate(basis({ words: 4 }), middling).add).toBe(null);
    expect(arbitrate(basis({ words: 4, directed: true }), middling).add).toBe('threat');
    expect(arbitrate(basis({ words: 9 }), middling).add).toBe('threat');
    expect(arbitrate(basis({ words: 4 }), reading({ threat: ARBITER_THRESHOLDS.unaimedThreat + 0.05 })).add).toBe(
      'threat',
    );
    expect(analyze('Time with my kids.').held).toBe(false);
  });

  it('holds heat aimed at the reader more readily, unless it thanks or praises (sincere thanks read alike)', () => {
    const middling = reading({ heat: 0.5, none: 0.5 });
    const words = 8;
    expect(arbitrate(basis({ directed: true, words }), middling).hold).toBe(true);
    expect(arbitrate(basis({ directed: false, words }), middling).hold).toBe(false);
    expect(arbitrate(basis({ directed: true, thanks: true, words }), middling).hold).toBe(false);
    expect(ARBITER_THRESHOLDS.directedHold).toBeLessThanOrEqual(ARBITER_THRESHOLDS.hold);
  });

  it('self-harm the rules did not hear, in a few words with none of its words, needs plainSelfHarm', () => {
    const plain = basis({ selfHarmWords: false, words: PLAIN_WORDS - 4 });
    const { safety, plainSelfHarm } = ARBITER_THRESHOLDS;
    // "I do not know.": a middling reading is not a crisis
    const middling = (safety + plainSelfHarm) / 2;
    expect(arbitrate(plain, reading({ self_harm: middling, none: 1 - middling })).add).toBe(null);
    // "whats the point anymore": surer, it is
    const sure = plainSelfHarm + 0.05;
    expect(arbitrate(plain, reading({ self_harm: sure, none: 1 - sure })).add).toBe('self_harm');
    // with one of its words, the plain safety threshold
    expect(arbitrate(basis({ words: PLAIN_WORDS - 4 }), reading({ self_harm: middling })).add).toBe('self_harm');
  });

  it('thanks and praise need the model surer than the plain hold before they are held', () => {
    const thanks = basis({ thanks: true, directed: true, words: 6 });
    const between = (ARBITER_THRESHOLDS.hold + ARBITER_THRESHOLDS.thanksHold) / 2;
    expect(arbitrate(thanks, reading({ heat: between, none: 1 - between })).hold).toBe(false);
    expect(arbitrate(basis({ words: 6 }), reading({ heat: between, none: 1 - between })).hold).toBe(true);
    const sure = ARBITER_THRESHOLDS.thanksHold + 0.05;
    expect(arbitrate(thanks, reading({ heat: sure, none: 1 - sure })).hold).toBe(true);
  });

  it('a disclosure is never held, and a coercive demand is never the sender’s disclosure', () => {
    const held = basis({ held: true });
    expect(outcome(held, arbitrate(held, reading({ disclosure: 0.8, heat: 0.2 })))).toEqual({
      safety: false,
      disclosure: true,
      held: false,
    });
    const demand = basis({ demand: true });
    expect(arbitrate(demand, reading({ disclosure: 0.9 })).disclosure).toBe(false);
  });

  it('holds heat the model is sure of, and releases a hold of the rules only when it is sure of the opposite', () => {
    expect(arbitrate(basis(), reading({ heat: 0.9, none: 0.1 })).hold).toBe(true);
    const held = basis({ held: true });
    const t = { ...ARBITER_THRESHOLDS, release: 0.1 };
    expect(arbitrate(held, reading({ heat: 0.05, none: 0.95 }), t).release).toBe(true);
    expect(arbitrate(held, reading({ heat: 0.2, none: 0.8 }), t).release).toBe(false);
    expect(arbitrate(held, reading({ heat: 0, none: 1 }), { ...t, release: 0 }).release).toBe(false);
  });

  it('never holds a story about the sender’s life on the model’s word alone', () => {
    expect(arbitrate(basis({ story: true }), reading({ heat: 0.95, none: 0.05 })).hold).toBe(false);
  });

  it('where the rules saw a reason to let the words pass, the guarded thresholds apply', () => {
    const t = { ...ARBITER_THRESHOLDS, safety: 0.3, guarded: { ...ARBITER_THRESHOLDS.guarded, safety: 0.9 } };
    const p = reading({ threat: 0.6, none: 0.4 });
    expect(arbitrate(basis(), p, t).add).toBe('threat');
    expect(arbitrate(basis({ care: true }), p, t).add).toBeNull();
  });
});

describe('the committed safety model', () => {
  it('is there, and reads the rules’ verdict as its dense inputs', () => {
    const m = loadSafetyModel();
    expect(m).not.toBeNull();
    expect(m?.meta.denseInputs.length).toBeGreaterThan(10);
  });

  it('on the safety-dev check files (written before the rules, never trained on) is right on 93% or more (the rules alone: 89%)', () => {
    const dir = resolve(import.meta.dirname, '../../../data/safety-dev');
    let n = 0;
    let right = 0;
    for (const f of ['check.jsonl', 'proportion-check.jsonl', 'recall-check.jsonl']) {
      const s = safetyFigures(loadSafetyRows(resolve(dir, f)), null, f);
      n += s.n;
      right += s.right;
    }
    expect(right / n).toBeGreaterThanOrEqual(0.93);
  });

  it('delivers swearing as an exclamation about what happened, and still holds what follows it at the reader', () => {
    for (const t of ['Fuck, I sent that to the wrong channel. Deleting.', 'Holy crap, we actually shipped it.'])
      expect(analyze(t).held, t).toBe(false);
    for (const t of ['Damn, you are useless.', 'Fuck, you never listen.']) expect(analyze(t).held, t).toBe(true);
  });

  it('delivers what things and bodies do to people, and gives a check-in to a person nearly killed by someone', () => {
    for (const t of [
      'The dryer murdered my favourite jumper.',
      "Gran's hip is killing her since the fall.",
      'The gas bill just about killed me.',
      'That hike nearly killed me.',
    ]) {
      const a = analyze(t);
      expect([a.held, a.disclosure ?? false], t).toEqual([false, false]);
    }
    const told = analyze('He nearly killed me last year.');
    expect([told.held, told.disclosure], 'He nearly killed me last year.').toEqual([false, true]);
  });

  it('never drops a threat word that only undoing a disguise showed', () => {
    for (const t of ["I'll m-u-r-d-e-r you", 'I will k i l l you']) expect(analyze(t).labels, t).toContain('threat');
    // banter in plain letters is still heat, not a safety stop
    const banter = analyze("I'll murder you if you spoil the finale 😂");
    expect([banter.held, banter.labels.includes('threat')]).toEqual([true, false]);
  });

  it('delivers an apology in which the sender calls themselves a name', () => {
    for (const t of ["I was a jerk last night. I'm sorry.", "I was a jerk. I'm sorry, it won't happen again."])
      expect(analyze(t).labels, t).toEqual([]);
  });

  it('the product’s own words (quotes read as the sender’s) are judged by the rules alone', () => {
    const text = 'I feel hurt when you call me "a worthless idiot".';
    expect(analyze(text, { quotesAreOwn: true }).held).toBe(
      analyze(text, { quotesAreOwn: true, safetyModel: false }).held,
    );
  });
});

/**
 * Ordinary words that stand near self-harm in the data, read in their place (lang/en/mask.ts, the self-harm rules),
 * each beside the twin that must still stop.
 */
const NEAR_SELF_HARM: [string, 'delivered' | 'self_harm'][] = [
  // away for a named while
  ["I'll be gone all weekend at Mum's.", 'delivered'],
  ["My cousin's funeral is on Saturday, I'll be gone till Wednesday", 'delivered'],
  ['We’ll be off for two weeks in Fiji.', 'delivered'],
  ["I'll be gone for good.", 'self_harm'],
  ["I'll be gone by morning. Tell the kids I love them.", 'self_harm'],
  // not making it on a named day
  ["I won't be able to make it Thursday, sorry.", 'delivered'],
  ["I won't make it to the game, traffic.", 'delivered'],
  ["Sorry, I won't make it tonight, work ran late.", 'delivered'],
  ["I won't make it tomorrow or any day after.", 'self_harm'],
  ['im not gonna make it to my bday', 'self_harm'],
  // nobody would notice
  ['Nobody would even notice if I skipped the work do.', 'delivered'],
  ['Nobody would notice if I was gone.', 'self_harm'],
  ['nobody would care if i left', 'self_harm'],
  ['Nobody would even notice.', 'self_harm'],
  // treatment
  ["I've started on the new tablets, they make me drowsy in the mornings.", 'delivered'],
  ["I forgot Mum's tablets, driving back now.", 'delivered'],
  ["I've started saving my tablets.", 'self_harm'],
  ["I picked up my meds, I'm going to take them all tonight.", 'self_harm'],
  ['I stopped taking my meds on purpose.', 'self_harm'],
  // out of the way, the strongest thing without a prescription
  ["Once I'm out of the way of the builders I'll call you back", 'delivered'],
  ["What's the strongest painkiller you can get over the counter? My back is killing me", 'delivered'],
  ["You deserve someone who isn't broken. You'll find them once I'm out of the way", 'self_harm'],
];

describe('ordinary words near self-harm, with the committed safety model', () => {
  it.each(NEAR_SELF_HARM)('%j: %s', (text, want) => {
    const a = analyze(text);
    if (want === 'delivered') expect(a.held).toBe(false);
    else expect(a.labels).toContain('self_harm');
  });
  // Known wrong since the fourteenth wave (docs/HEAT.md, sixth pass): the rules let it pass, but every seed of the
  // model trained with that wave reads "no one would notice if i ..." as self-harm (0.5-0.55) whatever follows.
  // `fails`: this turns red when the model delivers it again, so it moves back into the list above.
  it.fails('"no one would notice if i took a long lunch lol" is delivered (known wrong: stopped)', () => {
    expect(analyze('no one would notice if i took a long lunch lol').held).toBe(false);
  });
});
