import type { PrepMessage } from '../../shared/protocol.js';
import { type Judgement, questionsIn, requestsIn } from '../analysis/listening/index.js';
import { listOf, matterVerb } from './listening/reflect.js';
import { toSecondPerson } from './listening/person.js';
import { answer } from './prep/answers.js';
import { firstMessage } from './prep/draft.js';
import { type Notes, nextStep, replay, type Step, type Turn } from './prep/notes.js';
import { summary } from './prep/summary.js';

/**
 * The local engine's private preparation: a coach that follows what the person says. It says back the
 * feelings they named (only those, in their words), turns a judgement of the other person into a gentle
 * question about feelings and needs, answers their questions, and asks next for what is still missing
 * (what happened, how it felt, what they need, what they would ask for). Then it sums up in their words and
 * offers a first message to share in the room, as a draft they can change. Everything here goes back to that
 * person alone.
 */

export function prepGreeting(name: string): string {
  return (
    `Hi ${name}. This is your private space to get ready: nothing you write here is shown to anyone else ` +
    'unless you choose to share a specific point. Let’s start simply: what happened, in your own words?'
  );
}

/** The question for the next missing step, shaped by what has been said. */
function ask(step: Step, notes: Notes): string {
  switch (step) {
    case 'happened':
      return 'What happened, in your own words?';
    case 'feeling':
      return 'How did it leave you feeling, when it happened and now?';
    case 'need': {
      const guesses = [...new Set(notes.judgements.flatMap((j) => j.needs))].slice(0, 2);
      const examples =
        guesses.length > 0 ? guesses.join(', or ') : 'respect, rest, closeness, fairness, or being heard';
      return `What do you need most, underneath all of this? For example ${examples}.`;
    }
    case 'ask':
      return (
        `If you could ask ${notes.them} for one specific, doable thing, what would it be? Something ` +
        `${notes.them === 'them' ? 'they' : notes.them === 'him' ? 'he' : 'she'} could say yes to this week works best.`
      );
  }
}

/** A judgement heard as a question about what lies beneath it, never as a verdict. */
function judgementQuestion(j: Judgement, notes: Notes): string {
  const feelings = `${j.feelings.slice(0, 2).join(', ')}, or something else`;
  return (
    `When you say “${j.said}”, there is a lot of feeling in it. When that happens, what do you feel: ` +
    `${feelings}? And what would you need from ${notes.them}, maybe ${j.needs.slice(0, 2).join(' or ')}?`
  );
}

/** What the latest message said, heard back before the next question. */
function heardBack(turn: Turn, notes: Notes): string {
  const { heard } = turn;
  if (heard.feelings.length > 0) {
    const [first] = heard.feelings;
    const verb = first.be ? (first.past ? 'were' : 'are') : first.past ? 'felt' : 'feel';
    return `It sounds like you ${verb} ${listOf(heard.feelings.slice(0, 3).map((f) => f.word))}, and that makes sense.`;
  }
  const need = heard.needs[0];
  if (need) {
    const said = toSecondPerson(need.need, null);
    if (said && need.frame === 'need') return `So you need ${said}. That is worth saying out loud.`;
    if (said && (need.frame === 'matters' || need.frame === 'unmet')) return `So ${said} matters to you.`;
  }
  const answered = turn.asked === 'need' ? notes.needs.at(-1) : null;
  if (answered?.frame === 'answer') {
    const said = toSecondPerson(answered.need, null);
    if (said) return `So ${said} ${matterVerb(said)} to you.`;
  }
  // "the $800 chair", "your birthday dinner": a thing named, not a bare "your weight".
  if (turn.asked === 'happened' && notes.object && notes.object.split(' ').length >= 3) {
    const about = toSecondPerson(notes.object, null);
    if (about) return `Thank you for telling me. So this is about ${about}.`;
  }
  return 'Thank you for putting that into words; it is not always easy.';
}

function offerDraft(draft: string): string {
  return (
    'Here is a first message you could share in the room, built from your own words. Change anything that ' +
    `does not sound like you, then share it when you are ready:\n“${draft}”`
  );
}

const PRIVATE = 'Only what you choose to share is seen in the room; everything else stays here, private.';

/** The reply to the latest message in `history` (which ends with the person's own message). */
export function prepCoachReply(history: PrepMessage[]): string {
  const { notes, turns } = replay(history);
  const turn = turns.at(-1);
  if (!turn) return 'What happened, in your own words?';
  const next = nextStep(notes);
  const draft = firstMessage(notes);
  // An ask put as a question ("Could we talk first?") is an ask, not a question for the coach.
  const asks = requestsIn(turn.text);
  const questions = questionsIn(turn.text).filter((q) => !asks.some((a) => q.includes(a)));

  // A question gets a real answer first; then the coaching goes on where it was.
  if (questions.length > 0) {
    const answered = answer(questions[0], notes, draft);
    if (next === 'done') return answered;
    const then = ask(next, notes);
    return `${answered}\n\nWhen you are ready: ${then.charAt(0).toLowerCase()}${then.slice(1)}`;
  }
  if (turn.nonAnswer) {
    if (turn.asked === 'done') return `That is fine. ${PRIVATE}`;
    return `That is OK; it can be hard to put into words. ${gentler(turn.asked, notes)}`;
  }
  // Once everything is there, the summary and the draft come once; after that, the door stays open.
  if (next === 'done') {
    if (turn.asked === 'done')
      return (
        'Thank you. Is there anything else you would like to think through? Whenever you are ready, you can ' +
        'share a point with the room, or simply go in and listen first.'
      );
    return [...summary(notes), ...(draft ? [offerDraft(draft)] : []), PRIVATE].join('\n');
  }
  const newJudgement = turn.heard.judgements[0];
  if (newJudgement && turn.heard.feelings.length === 0 && turn.heard.needs.length === 0)
    return judgementQuestion(newJudgement, notes);
  return `${heardBack(turn, notes)} ${ask(next, notes)}`;
}

/** After "I don't know": the same step, asked another way. */
function gentler(step: Step, notes: Notes): string {
  switch (step) {
    case 'happened':
      return 'You could start with one moment that stayed with you: where you were, and what was said or done.';
    case 'feeling':
      return (
        'Some people find it easier to notice their body first: a tight chest, a knot in the stomach, tears. ' +
        'Or to pick a word or two: hurt, angry, sad, lonely, scared, tired, worried.'
      );
    case 'need':
      return (
        `Another way in: if things were better with ${notes.them}, what would be different for you? Some ` +
        'people say respect, rest, closeness, fairness, help, or being heard.'
      );
    case 'ask':
      return (
        'It can be small: one thing for the next week or two, like a call when plans change, or an evening ' +
        'set aside to talk. What would help?'
      );
  }
}
