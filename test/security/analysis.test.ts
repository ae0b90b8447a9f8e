import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/analysis/index.js';
import { normalize } from '../../server/analysis/normalize.js';

/**
 * Issue 8: disguised threats, self-harm and insults are judged like the plain words they hide, and
 * spans still point at what the sender wrote.
 */

const noSuggestions = { suggestions: false } as const;
const spanText = (text: string) => analyze(text, noSuggestions).spans.map((s) => text.slice(s.start, s.end));

// [disguised, the plain words it hides, the label they carry]
const DISGUISED: [string, string, string][] = [
  ['I will k1ll you', 'I will kill you', 'threat'],
  ['I want to d1e', 'I want to die', 'self_harm'],
  ['I h8 you so much I could k1ll you', 'I hate you so much I could kill you', 'threat'],
  ['I h8 you. I hope you d1e', 'I hate you. I hope you die', 'threat'],
  ['k i l l   y o u r s e l f', 'kill yourself', 'threat'],
  ['I will k.i.l.l you', 'I will kill you', 'threat'],
  ['i w i l l k i l l y o u', 'i will kill you', 'threat'], // one space everywhere: the words are found again
  ['I will k\u200bi\u200cl\u200dl you', 'I will kill you', 'threat'],
  ['I will k\u2060il\ufeffl you', 'I will kill you', 'threat'],
  ['I want to d\u00adie', 'I want to die', 'self_harm'],
  ['I will k\u0456ll you', 'I will kill you', 'threat'], // Cyrillic і
  ['k\u0456ll your\u0455elf', 'kill yourself', 'threat'], // Cyrillic і, ѕ
  ['I w\u0430nt t\u03bf d\u0456e', 'I want to die', 'self_harm'], // Cyrillic а, і and Greek ο
  ['I will \u202ekill you\u202c', 'I will kill you', 'threat'],
  ['I will \u2066kill\u2069 you', 'I will kill you', 'threat'],
  ['I will \uff4b\uff49\uff4c\uff4c you', 'I will kill you', 'threat'], // full-width
  ['I will k\u0337i\u0337l\u0337l\u0337 you', 'I will kill you', 'threat'], // combining marks
  ['I want to k\u0336i\u0336l\u0336l\u0336 myself', 'I want to kill myself', 'self_harm'],
];

describe('disguised words are analysed as the words they hide', () => {
  it.each(DISGUISED)('%j is held like %j (%s)', (disguised, plain, label) => {
    const want = analyze(plain, noSuggestions);
    expect(want.held).toBe(true);
    expect(want.labels).toContain(label);
    const got = analyze(disguised, noSuggestions);
    expect(got.held).toBe(true);
    expect(got.labels).toContain(label);
  });

  it('a threat or self-harm in disguise cannot be sent as written (safety label)', () => {
    for (const [disguised, , label] of DISGUISED) {
      if (label !== 'threat' && label !== 'self_harm') continue;
      expect(analyze(disguised, noSuggestions).labels, disguised).toContain(label);
    }
  });

  it('leaves numbers, times and ordinary text alone', () => {
    const plain = ['I have 2 kids at 3pm', 'Pick up at 10am on the 2nd, 4th floor', 'The U.S. team won 3-1 on 1st May'];
    for (const text of plain) {
      expect(normalize(text).text).toBe(text);
      expect(analyze(text, noSuggestions).held).toBe(false);
    }
    expect(analyze('I can do 5 pm or 7:30 on Tuesday, room B4', noSuggestions).held).toBe(false);
    // spaced letters that spell nothing are left as written
    for (const text of ['so it goes d d d d ! x', 'lol u g h', 'the U S A team', 'p e r i o d']) {
      expect(normalize(text).text).toBe(text);
    }
  });

  it('plain ASCII text takes the fast path: the same string, offsets unchanged', () => {
    const text = 'Can we talk about the schedule for next week?';
    const n = normalize(text);
    expect(n.text).toBe(text);
    expect(n.toOriginal(10)).toBe(10);
  });
});

describe('spans point into the original text', () => {
  it('covers exactly the disguised characters of a disguised word', () => {
    // look-alike letters: the insult's span takes in the Cyrillic and Greek letters, not only the Latin ones
    expect(spanText('you are \u0455tupid').some((s) => s.endsWith('\u0455tupid'))).toBe(true);
    expect(spanText('you are an \u03b9di\u03bft').some((s) => s.endsWith('\u03b9di\u03bft'))).toBe(true);
    // a profanity with a zero-width space and a digit in it: the span is the word as written
    expect(spanText('that is such b\u200bullsh1t')).toContain('b\u200bullsh1t');
    // a threat written in combining marks and zero-width characters: the span runs from "I" to "you"
    const threat = 'Honestly. I will k\u0337i\u0337l\u0337l\u0337 y\u200bou. Got it?';
    expect(spanText(threat)).toContain('I will k\u0337i\u0337l\u0337l\u0337 y\u200bou');
    // spaced letters: the span takes in the spaces between them, not the text around
    const spaced = 'ok then: k i l l   y o u r s e l f!';
    expect(spanText(spaced)).toContain('k i l l   y o u r s e l f');
    // full-width and look-alikes in the middle of a message
    const wide = 'Listen. You are \uff53\uff54\uff55\uff50\uff49\uff44 and I am done.';
    expect(spanText(wide).some((s) => s.includes('\uff53\uff54\uff55\uff50\uff49\uff44'))).toBe(true);
    for (const s of analyze(wide, noSuggestions).spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(wide.length);
    }
  });

  it('maps every offset of the normalised text back to the original', () => {
    const text = 'I h8 \u202eyou\u202c, k.i.l.l';
    const n = normalize(text);
    expect(n.text).toBe('I hate you, kill');
    const at = (w: string) => {
      const i = n.text.indexOf(w);
      return text.slice(n.toOriginal(i), n.toOriginal(i + w.length, 'end'));
    };
    expect(at('hate')).toBe('h8');
    expect(at('you')).toBe('you');
    expect(at('kill')).toBe('k.i.l.l');
  });
});

describe('quoted words', () => {
  it('a threat or insult merely wrapped in quotation marks, aimed at the reader, is held', () => {
    const threat = analyze("'I will kill you'", noSuggestions);
    expect(threat.held).toBe(true);
    expect(threat.labels).toContain('threat');
    expect(analyze('"I will kill you."', noSuggestions).labels).toContain('threat');
    expect(analyze('Remember this: "I will kill you"', noSuggestions).labels).toContain('threat');
    expect(analyze('My answer to you: "you are a worthless idiot"', noSuggestions).held).toBe(true);
    expect(analyze('"you\'re worthless" - that\'s what you are', noSuggestions).held).toBe(true);
    expect(analyze('I said "you\'re a worthless idiot" and I meant it', noSuggestions).held).toBe(true);
  });

  it('what someone else said stays theirs: a disclosure is not held as a threat', () => {
    for (const text of [
      "he said he'd kill me",
      'He said "I will kill you" and left',
      'My husband texted me: "I will kill you if you leave." I am scared.',
      '"I will kill you," he said, and slammed the door.',
      'I keep hearing "you\'re worthless" in my head',
      'His text last night: "if you take the kids on that trip I\'ll make you regret it." I\'m scared to reply.',
    ]) {
      const a = analyze(text, noSuggestions);
      expect(a.labels, text).not.toContain('threat');
    }
  });

  it("with quotesAreOwn (suggestions, model output) quoted words count as the sender's, even in a report", () => {
    const text = 'I feel hurt when you call me "a worthless idiot".';
    expect(analyze(text, noSuggestions).held).toBe(false); // a person describing it may say so
    expect(analyze(text, { ...noSuggestions, quotesAreOwn: true }).held).toBe(true);
    const own = { ...noSuggestions, quotesAreOwn: true };
    expect(analyze('When you said "I will kill you", I felt scared.', own).labels).toContain('threat');
    const calm = 'When I talk and get no reply, I feel hurt, because I need to be heard. Would you listen?';
    expect(analyze(calm, own).held).toBe(false);
    // reading quotes as the sender's never lets through what the usual reading holds
    const usualHeld = "that 's what i mean when i say ' ' whatever ' ' lol especially to a person lol";
    // (the rules' usual reading: the safety model reads people's messages, not quotes read as the sender's)
    expect(analyze(usualHeld, { ...noSuggestions, safetyModel: false }).held).toBe(true);
    expect(analyze(usualHeld, own).held).toBe(true);
  });
});

describe('issue 11: veiled threats in disguise, and no slow path for long messages', () => {
  it.each([
    ["I'll sh00t you", 'threat'],
    ['w\u200batch your back', 'threat'],
    ["I know wh\u0435re you'll be on Friday", 'threat'], // Cyrillic е
    ['ev3ryone would be better off without me', 'self_harm'],
  ])('%j carries %s', (text, label) => {
    expect(analyze(text, noSuggestions).labels).toContain(label);
  });

  it('a long message built to make the new patterns backtrack is still analysed quickly', () => {
    const long = [
      'he said '.repeat(400),
      'the train is broken '.repeat(300),
      'my husband '.repeat(400),
      "I'm sorry I said you ".repeat(300),
      'you will never see '.repeat(300),
      'lol '.repeat(1000),
    ];
    for (const text of long) {
      const t0 = performance.now();
      analyze(text, noSuggestions);
      expect(performance.now() - t0, text.slice(0, 30)).toBeLessThan(1000);
    }
  });
});
