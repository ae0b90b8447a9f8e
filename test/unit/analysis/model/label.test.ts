import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../server/analysis/index.js';
import { LABEL_CLASSES, labelProbabilities, loadLabelModel } from '../../../../server/analysis/model/label.js';
import { rulesAlone } from '../../../helpers/rulesAlone.js';

rulesAlone();

const labelsOf = (text: string, labelModel = true) => analyze(text, { labelModel }).labels;

describe('label model', () => {
  it('is committed, and gives a probability per class that sums to 1', () => {
    const m = loadLabelModel();
    expect(m).not.toBeNull();
    expect(m!.meta.classes).toEqual([...LABEL_CLASSES]);
    const p = labelProbabilities(m!, 'Can we talk about the holidays?');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('gives no label to calm messages (its thresholds are high: it learnt from written examples)', () => {
    // two-word messages tell it too little ("sure thing" once read as sarcasm, "Message a1" as stonewalling)
    for (const t of [
      'Can we talk about the holidays?',
      'Thanks for picking up the kids.',
      'Can you send me the rota by Friday?',
      'I felt hurt when you cancelled dinner.',
      'sure thing',
      'Message a1',
      'a1',
    ])
      expect(labelsOf(t), t).toEqual([]);
  });

  it('hears what the rules have no words for', () => {
    const cases: [string, string][] = [
      ["I've been collecting my tablets for weeks.", 'self_harm'],
      ['Done. Not reading any more of this thread.', 'stonewalling'],
    ];
    for (const [text, label] of cases) {
      expect(labelsOf(text, false), text).not.toContain(label);
      expect(labelsOf(text), text).toContain(label);
    }
  });

  it('points at words inside the message', () => {
    const text = "I've been stockpiling my tablets for a while now.";
    const a = analyze(text);
    for (const s of a.spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.end).toBeGreaterThan(s.start);
    }
  });

  it('never makes a threat of care, an apology, or of what someone else said', () => {
    for (const t of [
      "Be careful on the ladder or you'll get hurt.",
      'I was a jerk to you on Sunday and I regret it.',
      "When I asked about the rent, he just said 'ask again and you'll regret it.'",
      'Can you take out the trash on Tuesdays?',
    ])
      expect(analyze(t).held, t).toBe(false);
  });
});
