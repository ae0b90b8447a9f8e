import { describe, expect, it } from 'vitest';
import { checkParaphrase, restates } from '../../../../server/analysis/listening/paraphrase.js';

const DINNER = 'I felt so alone at dinner when you stayed at work.';
const DISHES = 'I always end up doing the dishes and I am tired.';
const TEXT = 'I need you to text me when plans change.';
const SHIFTS = 'Nobody covers the weekend shifts but me.';
const WEIGHT = 'Mum, the comments about my weight hurt every time.';
const WAITING = 'I spent the evening waiting for you and nobody called.';

/** [what the speaker said, the listener's reply, the verdict]. */
const PAIRS: [string, string, 'paraphrase' | 'rebuttal' | 'unrelated'][] = [
  [DINNER, 'What I hear is you felt alone at dinner.', 'paraphrase'],
  [DINNER, 'You felt alone at dinner when I stayed at work.', 'paraphrase'],
  [DINNER, 'So you were lonely at dinner and wanted me there.', 'paraphrase'],
  [DINNER, "That's not true, I was working late.", 'rebuttal'],
  [DINNER, 'But you never tell me when dinner is.', 'rebuttal'],
  [DINNER, 'You always make everything about you.', 'rebuttal'],
  [DINNER, 'I was working late and my phone died.', 'rebuttal'],
  [DINNER, 'What about the time you forgot my birthday?', 'rebuttal'],
  [DISHES, 'What I hear is you always end up doing the dishes, and you are tired.', 'paraphrase'],
  [DISHES, 'You end up doing the dishes and it wears you out.', 'paraphrase'],
  [DISHES, 'I did the dishes on Tuesday.', 'rebuttal'],
  [TEXT, 'It sounds like you need a text from me when plans change.', 'paraphrase'],
  [TEXT, 'Text you when plans change, got it.', 'paraphrase'],
  [TEXT, 'Well, you never text me either.', 'rebuttal'],
  [TEXT, 'You are overreacting.', 'rebuttal'],
  [SHIFTS, 'You feel you cover the weekend shifts alone.', 'paraphrase'],
  [SHIFTS, 'What I hear is that you feel I never help with the shifts.', 'paraphrase'],
  [SHIFTS, "I covered two weekends last month, that's not fair.", 'rebuttal'],
  [SHIFTS, 'No, I covered last Saturday.', 'rebuttal'],
  [SHIFTS, 'What I hear is that you feel I never help, but I do.', 'rebuttal'],
  [WEIGHT, 'You are hurt by my comments about your weight.', 'paraphrase'],
  [WEIGHT, 'I only say it because I worry about you.', 'rebuttal'],
  [WEIGHT, "I didn't mean anything by it.", 'rebuttal'],
  [WEIGHT, 'Okay.', 'unrelated'],
  [WAITING, 'If I understand you, you waited all evening and no one called.', 'paraphrase'],
  [WAITING, 'You should have called me yourself.', 'rebuttal'],
  [WAITING, 'The traffic on the bridge was bad.', 'unrelated'],
];

describe('checkParaphrase: restating, not rebutting', () => {
  for (const [said, reply, verdict] of PAIRS)
    it(`${verdict}: "${reply}"`, () => {
      expect(checkParaphrase(reply, [said]).verdict).toBe(verdict);
      expect(restates(reply, [said])).toBe(verdict === 'paraphrase');
    });

  it('gets at least 25 of the pairs right (all of them today)', () => {
    const right = PAIRS.filter(([said, reply, verdict]) => checkParaphrase(reply, [said]).verdict === verdict);
    expect(right.length).toBe(PAIRS.length);
  });

  it('counts the words a paraphrase shares with what was said, across the speaker’s last messages', () => {
    const out = checkParaphrase('You sat alone at dinner and the phone stayed quiet.', [
      'I sat alone at dinner.',
      'My phone stayed quiet all night.',
    ]);
    expect(out.verdict).toBe('paraphrase');
    expect(out.shared).toEqual(expect.arrayContaining(['sat', 'alon', 'dinner', 'phon', 'stay', 'quiet']));
  });

  it('without the speaker’s words, only the markers decide', () => {
    expect(checkParaphrase('What I hear is that it has been hard.', []).verdict).toBe('paraphrase');
    expect(checkParaphrase('That is not true.', []).verdict).toBe('rebuttal');
    expect(checkParaphrase('The weather was awful.', []).verdict).toBe('unrelated');
  });
});
