import { describe, expect, it } from 'vitest';
import {
  acknowledgements,
  agenda,
  groupWording,
  holds,
  invitations,
  isTemplate,
  keptShare,
  offerTiming,
  prepFeelings,
  recaps,
  reflections,
  rewrites,
} from '../../../scripts/facilitator/checks.js';
import { agendaTopics, type Line, type Played } from '../../../scripts/facilitator/play.js';
import { table } from '../../../scripts/facilitator/report.js';
import { isSay, loadSessions, Session } from '../../../scripts/facilitator/sessions.js';

/** The eval's checks are pure functions of a transcript: each one is shown passing and failing. */

let seq = 0;
const say = (who: string, text: string, tags: string[] = [], wasHeld = false): Line => ({
  seq: ++seq,
  by: 'person',
  who,
  text,
  tags,
  wasHeld,
});
const fac = (kind: string, text: string): Line => ({ seq: ++seq, by: 'facilitator', who: 'Facilitator', kind, text });

function played(lines: Line[], more: Partial<Played> = {}): Played {
  const session = Session.parse({
    id: 'test',
    kind: 'family',
    title: 'Test',
    people: [
      { name: 'Maya', role: 'host' },
      { name: 'Jordan', role: 'participant' },
      { name: 'Theo', role: 'participant' },
    ],
    share: { Maya: ['I would like us to text when plans change.'] },
    messages: [{ from: 'Maya', text: 'Hello.' }],
    ...(more.session ?? {}),
  });
  return {
    session,
    parties: ['Maya', 'Jordan', 'Theo'],
    lines,
    held: [],
    heat: [],
    prep: [],
    breaks: [],
    agenda: [],
    errors: [],
    ...more,
  };
}

describe('the facilitator eval checks', () => {
  it('reflection: names the person and uses their words, and never a feeling they did not express', () => {
    const felt = say('Maya', 'I sat alone at my birthday dinner and felt invisible.', ['feeling']);
    expect(
      reflections(played([felt, fac('reflection', 'Maya, it sounds like you felt invisible at the dinner.')])).pass,
    ).toBe(true);
    expect(reflections(played([felt, fac('reflection', 'It sounds like you felt invisible.')])).pass).toBe(false);
    expect(
      reflections(played([felt, fac('reflection', 'Maya, it sounds like you felt angry and invisible.')])).pass,
    ).toBe(false);
    expect(reflections(played([felt])).pass).toBe(false);
    expect(reflections(played([say('Maya', 'Hello.')])).pass).toBeNull();
  });

  it('acknowledgement: an apology is acknowledged by name, within a few messages', () => {
    const sorry = say('Jordan', 'I’m sorry I wasn’t there.', ['apology']);
    expect(acknowledgements(played([sorry, fac('acknowledgement', 'Thank you, Jordan, for saying sorry.')])).pass).toBe(
      true,
    );
    const late = [
      sorry,
      say('Maya', 'a'),
      say('Maya', 'b'),
      say('Maya', 'c'),
      fac('acknowledgement', 'Thank you, Jordan.'),
    ];
    expect(acknowledgements(played(late)).pass).toBe(false);
  });

  it('agenda: topics in the room state that carry the shared points', () => {
    expect(agenda(played([], { agenda: ['Texting when plans change'] })).pass).toBe(true);
    expect(agenda(played([], { agenda: ['Something else entirely'] })).pass).toBe(false);
    expect(agenda(played([])).pass).toBe(false);
    expect(agendaTopics({ agenda: [{ title: 'A' }, 'B', { text: 'C' }] })).toEqual(['A', 'B', 'C']);
    expect(agendaTopics({ agenda: { topics: [{ title: 'A' }] } })).toEqual(['A']);
    expect(agendaTopics({})).toEqual([]);
  });

  it('recap: after a break, with what was said rather than who spoke', () => {
    const before = say('Maya', 'I sat alone at my birthday dinner for an hour.');
    const b = { breaks: [{ endedAfterSeq: before.seq, by: 'Maya' }] };
    const good = fac('recap', 'Welcome back. Maya spoke about sitting alone at her birthday dinner.');
    const empty = fac(
      'recap',
      'Welcome back. Before the break we heard from Maya. Each of you has something that matters to you here.',
    );
    expect(recaps(played([before, good], b)).pass).toBe(true);
    expect(recaps(played([before, empty], b)).pass).toBe(false);
  });

  it('offer timing: no clause offer within four messages of pain or a hold', () => {
    const pain = say('Maya', 'It hurt so much.', ['pain']);
    expect(offerTiming(played([pain, say('Jordan', 'ok'), fac('clause-offer', 'Drafts')])).pass).toBe(false);
    const later = [
      pain,
      say('Jordan', 'a'),
      say('Maya', 'b'),
      say('Jordan', 'c'),
      say('Maya', 'd'),
      fac('clause-offer', 'x'),
    ];
    expect(offerTiming(played(later)).pass).toBe(true);
    expect(offerTiming(played([say('Maya', 'x', [], true), fac('clause-offer', 'x')])).pass).toBe(false);
  });

  it('group wording, invitations and preparation feelings', () => {
    expect(groupWording(played([fac('recap', 'Thank you all.')])).pass).toBe(true);
    expect(groupWording(played([fac('recap', 'You both did well.')])).pass).toBe(false);
    const silent = { session: { silent: 'Theo' } as never };
    const withSilent = (lines: Line[]) => played(lines, silent);
    expect(
      invitations(withSilent([fac('nudge', 'Theo, would you like to add anything?'), say('Theo', 'Yes.')])).pass,
    ).toBe(true);
    expect(invitations(withSilent([say('Theo', 'Yes.'), fac('nudge', 'Thank you, Theo.')])).pass).toBe(false);
    const prep = (reply: string) => ({
      prep: [
        { name: 'Maya', said: 'I felt humiliated and scared.', reply, saidSoFar: ['I felt humiliated and scared.'] },
      ],
    });
    expect(prepFeelings(played([], prep('Feeling scared makes sense. What do you need, like being heard?'))).pass).toBe(
      true,
    );
    expect(prepFeelings(played([], prep('It sounds like you have been feeling angry.'))).pass).toBe(false);
    // A guess offered as a question asks; it does not name a feeling for them.
    expect(prepFeelings(played([], prep('When that happens, what do you feel: hurt, lonely, or else?'))).pass).toBe(
      true,
    );
    expect(prepFeelings(played([], prep('You could say back what you heard.'))).pass).toBe(true);
  });

  it('rewrites: the first suggestion is no template, keeps the content words and is not held again', () => {
    const original = 'You spent $800 on a stupid chair the week the electric bill was due, you idiot.';
    const good = 'You spent $800 on a chair the week the electric bill was due, and I felt anxious.';
    const template =
      'I’m feeling hurt right now, and I need respect between us. ' +
      'Would you be willing to talk about this with me calmly?';
    expect(isTemplate(original, good)).toBe(false);
    expect(isTemplate(original, template)).toBe(true);
    expect(keptShare(original, good)).toBeGreaterThanOrEqual(0.7);
    expect(keptShare(original, 'I felt anxious.')).toBeLessThan(0.7);
    const held = (suggestion: string, heldAgain = false) => ({
      held: [
        {
          afterSeq: 0,
          from: 'Maya',
          original,
          tags: [],
          suggestions: [suggestion],
          replaced: false,
          safety: false,
          heldAgain,
        },
      ],
    });
    expect(rewrites(played([], held(good))).pass).toBe(true);
    expect(rewrites(played([], held(template))).pass).toBe(false);
    expect(rewrites(played([], held(good, true))).pass).toBe(false);
  });

  it('holds: heated messages held, calm ones not', () => {
    const heat = (held: boolean, heated: boolean) => ({ heat: [{ text: 'x', heated, held }] });
    expect(holds(played([], heat(true, true))).pass).toBe(true);
    expect(holds(played([], heat(false, true))).pass).toBe(false);
    expect(holds(played([], heat(true, false))).pass).toBe(false);
  });

  it('the table counts passes per check and leaves out what did not apply', () => {
    const out = table([
      { id: 'a', checks: [{ name: 'recap', pass: true, detail: '' }] },
      { id: 'b', checks: [{ name: 'recap', pass: null, detail: '' }] },
      { id: 'c', checks: [{ name: 'recap', pass: false, detail: '' }] },
    ]);
    expect(out).toMatch(/passed\s+\| 1\/2/);
    expect(out).toMatch(/b\s+\| n\/a/);
  });
});

describe('the scripted sessions', () => {
  const sessions = loadSessions();
  it('nine or more: couples, families of 3-4 (one long-silent sibling), workplaces with a mediator', () => {
    expect(sessions.length).toBeGreaterThanOrEqual(9);
    const of = (kind: string) => sessions.filter((s) => s.kind === kind);
    expect(of('couple').length).toBeGreaterThanOrEqual(3);
    expect(of('family').filter((s) => s.people.length >= 3 && s.people.length <= 4).length).toBeGreaterThanOrEqual(3);
    expect(of('family').some((s) => s.silent)).toBe(true);
    expect(of('workplace').filter((s) => s.people.some((p) => p.role === 'mediator')).length).toBeGreaterThanOrEqual(3);
  });

  it('each: prep, shared points, 10-20 messages with a feeling, an apology, a request, heat, pain', () => {
    for (const s of sessions) {
      const said = s.messages.filter(isSay);
      expect(said.length, s.id).toBeGreaterThanOrEqual(10);
      expect(said.length, s.id).toBeLessThanOrEqual(20);
      expect(Object.keys(s.prep).length, s.id).toBeGreaterThan(0);
      expect(Object.keys(s.share).length, s.id).toBeGreaterThan(0);
      const tags = new Set(said.flatMap((m) => m.tags));
      for (const t of ['feeling', 'apology', 'request', 'heated', 'pain'])
        expect(tags.has(t as never), `${s.id} ${t}`).toBe(true);
    }
    expect(sessions.filter((s) => s.messages.some((m) => !isSay(m))).length).toBeGreaterThanOrEqual(3);
  });
});
