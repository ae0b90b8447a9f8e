import { describe, expect, it } from 'vitest';
import { prepCoachReply, prepGreeting } from '../../../server/facilitator/prepCoach.js';
import { showsFear } from '../../../server/rooms/messages/safety.js';
import { LocalFacilitator } from '../../../server/facilitator/local.js';
import { type RoomContext, SAFETY_PAUSE } from '../../../server/facilitator/types.js';
import type { LogEntry, PrepMessage } from '../../../shared/protocol.js';

describe('private preparation coach', () => {
  const said = (...texts: string[]): PrepMessage[] => texts.map((text) => ({ role: 'you', text, at: 0 }));

  it('greets by name and says what stays private', () => {
    expect(prepGreeting('Sam')).toMatch(/Sam.*nothing you write here is shown to anyone else/);
  });

  it('asks for what is missing, in order, then sums up in their words', () => {
    expect(prepCoachReply(said('He forgot my birthday again.'))).toMatch(/How did it leave you feeling/);
    expect(prepCoachReply(said('He forgot my birthday again.', 'Lonely.'))).toMatch(
      /^It sounds like you feel lonely.*What do you need most/,
    );
    expect(prepCoachReply(said('He forgot', 'Lonely', 'To feel remembered.'))).toMatch(/one specific, doable thing/);
    const summary = prepCoachReply(said('He forgot', 'Lonely', 'To feel remembered', 'Put it in the calendar'));
    expect(summary).toContain('“He forgot”');
    expect(summary).toContain('“put it in the calendar”');
    expect(summary).toMatch(/Only what you choose to share is seen/);
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

describe('the local facilitator’s words fit the room', () => {
  const engine = new LocalFacilitator();
  const couple: RoomContext = { kind: 'couple', title: '', names: { ann: 'Ann', ben: 'Ben' }, parties: ['ann', 'ben'] };
  const names = ['Mum', 'Kai', 'Lea', 'Ida', 'Jon', 'Ola', 'Per', 'Siv'];
  const eight: RoomContext = {
    kind: 'family',
    title: '',
    names: { ...Object.fromEntries(names.map((n) => [n.toLowerCase(), n])), med: 'Mira' },
    parties: names.map((n) => n.toLowerCase()),
  };
  const said = (from: string, text: string): LogEntry => ({
    type: 'message',
    seq: 1,
    id: `m_${from}`,
    clientMsgId: `c_${from}`,
    from,
    text,
    at: 1,
    reworded: false,
  });

  it('never says "you both", "the two of you" or "each of you" to a room of eight', async () => {
    const texts = [
      await engine.welcome(eight, 'speaker-listener'),
      await engine.modeChanged(eight, 'speaker-listener'),
      await engine.summary(eight, [said('mum', 'I need help on Sundays.'), said('kai', 'I can do Saturdays.')], {
        occasion: 'break',
      }),
      (await engine.clauseOffer(eight, ['I need help on Sundays.'], [])).text,
      await engine.breakStarted(eight, 5, 'kai'),
    ];
    for (const text of texts) expect(text).not.toMatch(/you both|two of you|each of you|the other person/i);
  });

  it('in speaker-listener with three or more, says the others wait for their turn', async () => {
    expect(await engine.welcome(eight, 'speaker-listener')).toMatch(/Everyone else follows along and waits/);
    expect(await engine.welcome(couple, 'speaker-listener')).toMatch(/When the speaker feels understood, you swap/);
  });

  it('a recap in a group names who has not spoken yet', async () => {
    const three = { ...eight, parties: ['mum', 'kai', 'lea'] };
    const text = await engine.summary(three, [said('mum', 'I need help.'), said('kai', 'I can help.')], {
      occasion: 'break',
    });
    expect(text).toContain('We have not heard from Lea yet');
  });

  it('keeps "you both" for a couple', async () => {
    const offer = await engine.clauseOffer(couple, ['I need a quiet evening now and then.'], []);
    expect(offer.text).toContain('you both');
    expect(offer.drafts).toEqual(['Each of us can have a quiet evening now and then.']);
  });

  it('invites a silent person by name, saying how to get the floor in the mode', async () => {
    const text = await engine.invite(eight, 'lea', 'hand-raise');
    expect(text).toMatch(/^Lea, /);
    expect(text).toMatch(/raise your hand/);
    expect(await engine.invite(eight, 'lea', 'round')).toMatch(/floor comes round to you/);
    expect(await engine.invite(eight, 'lea', 'open')).toMatch(/Whenever you are ready/);
    expect(await engine.invite(eight, 'lea', 'speaker-listener')).toMatch(/current speaker and listener are done/);
  });

  it('says "1 minute", and keeps twenty minutes of settling for breaks that long', async () => {
    const short = await engine.breakStarted(couple, 1, 'ann');
    expect(short).toContain('pause for 1 minute.');
    expect(short).not.toMatch(/minutes|twenty/);
    expect(await engine.breakStarted(couple, 5, 'facilitator')).toContain('pause for 5 minutes.');
    const long = await engine.breakStarted(couple, 20, 'facilitator');
    expect(long).toContain('pause for 20 minutes.');
    expect(long).toMatch(/about twenty minutes to settle/);
  });

  it('a safety or quiet pause gives no reason, names no one and never speaks of heat', async () => {
    for (const minutes of [20, 60]) {
      const text = await engine.breakStarted(couple, minutes, SAFETY_PAUSE);
      expect(text).toContain(`pause for ${minutes} minutes.`);
      expect(text).not.toMatch(/intense|heated|understandable|settle|Ann|Ben|asked/);
    }
  });
});
