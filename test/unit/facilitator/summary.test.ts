import { describe, expect, it } from 'vitest';
import { summarise } from '../../../server/facilitator/summary.js';
import type { RoomContext } from '../../../server/facilitator/types.js';
import type { LogEntry } from '../../../shared/protocol.js';

let seq = 0;
const said = (from: string, text: string): LogEntry => {
  seq += 1;
  return { type: 'message', seq, id: `m${seq}`, clientMsgId: `c${seq}`, from, text, at: seq, reworded: false };
};

const couple: RoomContext = {
  kind: 'couple',
  title: 'Birthdays',
  names: { maya: 'Maya', jordan: 'Jordan' },
  parties: ['maya', 'jordan'],
};
const coupleLog = [
  said('maya', 'I sat alone at my birthday dinner for an hour. I felt invisible, and being included matters to me.'),
  said('jordan', 'I was stuck at work and my phone died.'),
  said('maya', 'Can you text me if plans change?'),
  said('jordan', 'Honesty matters to me. I need you to stop buying things over $200 without asking.'),
  said('maya', 'I want honesty too.'),
];

const team: RoomContext = {
  kind: 'workplace',
  title: 'The rota',
  names: { ...Object.fromEntries(['Ana', 'Bo', 'Cy', 'Dee', 'Eli'].map((n) => [n.toLowerCase(), n])), med: 'Mira' },
  parties: ['ana', 'bo', 'cy', 'dee', 'eli'],
};
const teamLog = [
  said('ana', 'Nobody else will cover the Saturday shift. I am exhausted.'),
  said('bo', 'Could we take turns with the Saturday shift?'),
  said('cy', 'I need fairness in the rota.'),
  said('dee', 'Fairness matters to me too, and I would like us to post the rota a month ahead.'),
  said('med', 'Thank you all.'),
];

describe('summaries with content', () => {
  it('after a break: what each said matters to them, in their words, common ground and what is open', () => {
    const text = summarise(couple, coupleLog, { occasion: 'break' });
    expect(text).toMatch(/^Welcome back\./);
    expect(text).toContain('Maya, you said: “I sat alone at my birthday dinner for an hour”');
    expect(text).toContain('being included');
    expect(text).toContain('you asked: “text me if plans change”');
    expect(text).toContain('Jordan, you said: “I was stuck at work and my phone died”');
    expect(text).toContain('“stop buying things over $200 without asking”');
    expect(text).toContain('You both spoke of honesty');
    expect(text).toContain('Nothing is agreed yet, so each of these asks is still open.');
    // Their "I" is quoted, never turned into the facilitator's "I".
    expect(text).not.toMatch(/\bMaya, I\b|matter to we|\byour that\b/);
  });

  it('on a topic change: names the topic and the next one', () => {
    const text = summarise(couple, coupleLog, { occasion: 'topic', topic: 'the birthday dinner', next: 'money' });
    expect(text).toMatch(/^Before we move on from the birthday dinner, here is what I heard\./);
    expect(text).toMatch(/Let’s turn to money\.$/);
  });

  it('at the end: what the agreement does not cover stays named as open', () => {
    const text = summarise(couple, coupleLog, { occasion: 'end', agreed: ['We text each other if plans change.'] });
    expect(text).toMatch(/^Everyone has signed, and the agreement is final\./);
    expect(text).toContain('Not yet covered by the agreement: “stop buying things over $200 without asking” (Jordan)');
    expect(text).not.toContain('“text me if plans change” (Maya)');
  });

  it('in a group: names people, the ones who share a need, and who has not spoken; never "you both"', () => {
    const text = summarise(team, teamLog, { occasion: 'break' });
    expect(text).toContain('Ana, you said: “Nobody else will cover the Saturday shift. I am exhausted”');
    expect(text).toContain('Bo, you asked: “take turns with the Saturday shift”');
    expect(text).toContain('Cy and Dee spoke of fairness');
    // Four who spoke: one or two things each, so the summary stays readable.
    expect(text).toContain('Cy, fairness matters to you.');
    expect(text).toContain('Dee, fairness matters to you, and you asked: “post the rota a month ahead”.');
    expect(text).toContain('We have not heard from Eli yet, and there is space for you whenever you are ready.');
    expect(text).not.toMatch(/you both|two of you|Mira/);
  });

  it('never calls on someone who told of harm, or whose message was held for safety, as not heard from', () => {
    const eli = Object.entries(team.names).find(([, name]) => name === 'Eli')?.[0] as string;
    const text = summarise({ ...team, unnamed: [eli] }, teamLog, { occasion: 'break' });
    expect(text).not.toContain('Eli');
    expect(text).toContain('Ana, you said:');
  });

  it('never quotes a message that would itself be held, and says so gently when nothing was said', () => {
    const heated = [
      said('maya', 'You are a useless selfish idiot and I hate you.'),
      said('jordan', 'I need some rest.'),
    ];
    const text = summarise(couple, heated, { occasion: 'break' });
    expect(text).not.toMatch(/idiot|useless|selfish|hate/);
    expect(text).toContain('Maya, we heard from you as well.');
    expect(summarise(couple, [], { occasion: 'break' })).toMatch(/^Welcome back\. We have not said much yet/);
  });

  it('keeps quotes short', () => {
    const long = said(
      'maya',
      'I sat at the restaurant on my birthday for an hour and a half waiting, checking my phone, and nobody came.',
    );
    const text = summarise(couple, [long], { occasion: 'topic' });
    expect(text).toContain('…”');
  });
});
