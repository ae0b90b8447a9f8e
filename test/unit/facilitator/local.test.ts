import { describe, expect, it } from 'vitest';
import { draftClauses, draftFrom, mutualise } from '../../../server/facilitator/drafts.js';
import { prepCoachReply, prepGreeting } from '../../../server/facilitator/prepCoach.js';
import { showsFear } from '../../../server/rooms/messages/safety.js';
import type { PrepMessage } from '../../../shared/protocol.js';

describe('boundaries into agreements', () => {
  it('turns a demand into a mutual clause', () => {
    expect(draftFrom('Please stop checking my phone.')).toBe(
      'We tell each other when checking our phone comes up, and check in kindly if it feels uncomfortable.',
    );
  });

  it('turns a request into a shared commitment', () => {
    expect(draftFrom("Would you be willing to call me when you're late?")).toBe(
      'We agree to call each other when we’re late, and check in together in two weeks on how it is going.',
    );
  });

  it('turns a need into a clause both can hold', () => {
    expect(draftFrom('I need more time to rest after work.')).toMatch(
      /^When one of us needs more time to rest after work, we say so plainly/,
    );
  });

  it('finds nothing to draft in a plain statement', () => {
    expect(draftFrom('It was a long day.')).toBeNull();
  });

  it('keeps at most three distinct drafts', () => {
    const drafts = draftClauses([
      'I need rest. I need rest.',
      'Please stop yelling.',
      'Could you tell me earlier?',
      'I wish we laughed more.',
    ]);
    expect(drafts).toHaveLength(3);
    expect(new Set(drafts).size).toBe(3);
  });

  it('swaps pronouns to the shared "we"', () => {
    expect(mutualise('tell me when you are upset with my plans')).toBe(
      'tell each other when we are upset with our plans',
    );
  });
});

describe('private preparation coach', () => {
  const said = (...texts: string[]): PrepMessage[] => texts.map((text) => ({ role: 'you', text, at: 0 }));

  it('greets by name and says what stays private', () => {
    expect(prepGreeting('Sam')).toMatch(/Sam.*nothing you write here is shown to anyone else/);
  });

  it('asks about feelings, then needs, then a request, then sums up in their words', () => {
    expect(prepCoachReply(said('He forgot my birthday again and I felt hurt.'))).toMatch(
      /feeling hurt.*How did it leave you feeling/,
    );
    expect(prepCoachReply(said('a', 'Lonely.'))).toMatch(/What do you need most/);
    expect(prepCoachReply(said('a', 'b', 'To feel remembered.'))).toMatch(/one specific, doable thing/);
    const summary = prepCoachReply(said('He forgot', 'Lonely', 'To feel remembered', 'Put it in the calendar'));
    expect(summary).toContain('“He forgot”');
    expect(summary).toContain('“Put it in the calendar”');
    expect(summary).toMatch(/Only what you choose is seen/);
  });
});

describe('signs of fear in preparation', () => {
  it('notices fear of the other person and control', () => {
    expect(showsFear("I'm scared of him when he drinks")).toBe(true);
    expect(showsFear("She won't let me see my friends")).toBe(true);
    expect(showsFear('He checks my phone every night')).toBe(true);
  });

  it('does not read ordinary worry as fear of a person', () => {
    expect(showsFear("I'm worried about the rent")).toBe(false);
  });
});
