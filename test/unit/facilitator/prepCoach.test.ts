import { describe, expect, it } from 'vitest';
import { prepCoachReply, prepGreeting } from '../../../server/facilitator/prepCoach.js';
import type { PrepMessage } from '../../../shared/protocol.js';

/** A preparation played through: the coach's reply to each message, in order. */
function play(...said: string[]): string[] {
  const history: PrepMessage[] = [{ role: 'facilitator', text: prepGreeting('Maya'), at: 0 }];
  const replies: string[] = [];
  for (const text of said) {
    history.push({ role: 'you', text, at: history.length });
    const reply = prepCoachReply(history);
    history.push({ role: 'facilitator', text: reply, at: history.length });
    replies.push(reply);
  }
  return replies;
}

const last = (...said: string[]) => play(...said).at(-1) as string;

describe('preparation as coaching: follows what the person says', () => {
  it('greets warmly, by name, and says what stays private', () => {
    expect(prepGreeting('Sam')).toMatch(/^Hi Sam\. .*nothing you write here is shown to anyone else/);
  });

  it('names only the feelings the person used', () => {
    const reply = last('I felt humiliated and scared when he shouted at me in front of his friends.');
    expect(reply).toMatch(/^It sounds like you felt humiliated and scared, and that makes sense\./);
    expect(reply).not.toMatch(/angry|hurt|sad/);
  });

  it('skips what was already said: a feeling given, the need comes next', () => {
    expect(last('He forgot our anniversary and I felt hurt.')).toMatch(/What do you need most/);
  });

  it('turns a judgement into a gentle question about feelings and needs', () => {
    const reply = last('He only cares about money.');
    expect(reply).toContain('“He only cares about money”');
    expect(reply).toMatch(/what do you feel: hurt, lonely, or something else\?/);
    expect(reply).toMatch(/what would you need from him, maybe care or being valued\?/);
  });

  it('hears a feeling answered on its own ("Hurt and embarrassed.") in the person’s words', () => {
    const replies = play('My dad comments on my weight at every dinner.', 'Hurt and embarrassed.');
    expect(replies[0]).toMatch(/How did it leave you feeling/);
    expect(replies[1]).toMatch(/^It sounds like you feel hurt and embarrassed/);
  });

  it('answers a question for real, then goes on where it was', () => {
    const reply = last(
      'He spent $800 on a chair.',
      'I felt anxious.',
      'I need to feel we are a team.',
      'What if he refuses?',
    );
    expect(reply).toMatch(/^If he says no, it does not have to end there\. You could ask what makes it hard for him/);
    expect(reply).toMatch(/When you are ready: if you could ask him for one specific, doable thing/);
    expect(last('Will she see what I write here?')).toMatch(/^No\. Nothing you write here is shown to anyone/);
    expect(last('What if I cry?')).toMatch(/ask for a break at any time/);
  });

  it('takes "I do not know" gently and asks the same thing another way', () => {
    const replies = play('I sat alone at my birthday dinner.', 'I do not know');
    expect(replies[1]).toMatch(/^That is OK; it can be hard to put into words\./);
    expect(replies[1]).toMatch(/pick a word or two/);
  });

  it('sums up in the person’s own words, leaving out non-answers, and offers a first message to share', () => {
    const reply = last(
      'I sat alone at my birthday dinner, three times.',
      'idk',
      'Invisible.',
      'not sure',
      'Being included matters to me.',
      'Text me if plans change.',
    );
    expect(reply).toContain('Here is what I heard from you.');
    expect(reply).toContain('What happened: “I sat alone at my birthday dinner, three times”.');
    expect(reply).toContain('How it felt: invisible.');
    expect(reply).toContain('What you need: “Being included matters to me”.');
    expect(reply).toContain('What you would ask for: “text me if plans change”.');
    expect(reply).toContain(
      '“When I sat alone at my birthday dinner, three times, I felt invisible. Being included matters to me. ' +
        'Would you be willing to text me if plans change?”',
    );
    expect(reply).toMatch(/Change anything that does not sound like you/);
    expect(reply).toMatch(/Only what you choose to share is seen/);
    expect(reply).not.toMatch(/idk|not sure|do not know/i);
  });

  it('drafts from a coworker’s words, turning "he" into "you" for the room', () => {
    const reply = last(
      'He gave me the Friday on-call shift again.',
      'Exhausted and a bit resentful.',
      'I need a fair share of the on-call rota.',
      'Could we take turns with the Friday shifts?',
    );
    expect(reply).toContain(
      '“When you gave me the Friday on-call shift again, I felt exhausted and resentful. I need a fair share of ' +
        'the on-call rota. Could we take turns with the Friday shifts?”',
    );
  });

  it('a request put as a question is the ask, not a question for the coach', () => {
    const reply = last(
      'We argue about money.',
      'Worried.',
      'Some security.',
      'Can we agree to talk before anything over $200?',
    );
    expect(reply).toContain('What you would ask for: “agree to talk before anything over $200”.');
  });

  it('after the summary, keeps the door open without repeating it', () => {
    const reply = last('We argue about money.', 'Worried.', 'Some security.', 'Please talk to me first.', 'Thanks.');
    expect(reply).toMatch(/^That is fine\./);
    expect(reply).not.toContain('Here is what I heard');
  });

  it('answers "What if he says…?" with what they could do, in their own need', () => {
    const reply = last(
      'When the $800 chair went on the card without us talking, I felt anxious about the electric bill. ' +
        'I need us to be a team about money. Can we agree to talk before anything over $200?',
      'What if he says it is his money?',
    );
    expect(reply).toBe(
      'If he says that, you do not have to win the point there. You could say back what you heard, so he knows ' +
        'you listened, and then come back to what you need, in your words: “I need us to be a team about money.” ' +
        'If it gets heated, either of you can ask for a break.',
    );
  });

  it('a first message with everything in it gets the summary and the draft at once, the ask not doubled', () => {
    const reply = last(
      'When the $800 chair went on the card without us talking, I felt anxious about the electric bill. ' +
        'I need us to be a team about money. Can we agree to talk before anything over $200?',
    );
    expect(reply).toContain('What you would ask for: “agree to talk before anything over $200”.');
    expect(reply).toContain(
      '“When the $800 chair went on the card without us talking, I felt anxious. I need us to be a team about ' +
        'money. Could we agree to talk before anything over $200?”',
    );
  });

  it('"Idk where to start" is asking for a way in, and a tentative "maybe frustrated?" is an answer', () => {
    expect(last('Idk where to start')).toMatch(/^That is OK.*one moment that stayed with you/);
    const replies = play('My sister never helps with Mum and I am so tired of it.', "I don't know, maybe frustrated?");
    expect(replies[1]).toMatch(/^It sounds like you feel frustrated/);
  });

  it('says the story to the other person in the draft: "he stays out" -> "you stay out"', () => {
    const reply = last(
      'He stays out late without texting.',
      'I feel worried and then angry.',
      'I need to know he is safe.',
      'Text me if plans change.',
    );
    expect(reply).toContain(
      '“When you stay out late without texting, I feel worried and angry. I need to know you are safe. Would you ' +
        'be willing to text me if plans change?”',
    );
  });
});
