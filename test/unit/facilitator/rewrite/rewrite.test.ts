import { describe, expect, it } from 'vitest';
import { chrf, chrfMulti } from '../../../../scripts/heat/chrf.js';
import { analyzeWithSuggestions as analyze, localJudges } from '../../../../server/facilitator/rewrite/index.js';
import { cleanEdit, minimalEdit } from '../../../../server/facilitator/rewrite/rewrite.js';

const HEATED = [
  'You never listen to me!!!',
  'You are an idiot',
  'you are such a selfish jerk, you only think about yourself',
  'Oh please, who do you think you are',
  'whatever',
  "It's all your fault that we are late",
  'this fucking meeting is a waste of time',
  'WHY DO YOU NEVER CALL ME BACK',
  'im not gonna sell the fucking picture , i just want to contribute to the fucking article .',
  'the garbage that is being created by cnn and other news agencies is outrageous .',
  "you're so fucking lazy, you never help with the kids",
  'what the hell is wrong with you',
  'Shut up, nobody cares what you think',
  'You always forget to pay the bills, you useless moron',
  'I will kill you',
  'This is such bullshit.',
  'Honestly you are the laziest person I have ever met.',
  "You're pathetic, you know that?",
  'You never once asked how my day was.',
];

/** Words a suggestion may use that the sender did not: the templates' and the edit's own plain words. */
const TEMPLATE = new Set(
  (
    "i i'm i'd feel feeling felt hurt angry frustrated upset really misunderstood overwhelmed very right now and " +
    'need needs us to talk about this with me calmly would you be willing feel heard look at together understand ' +
    'what went wrong my side understood too as well hear a pause could we take about 20 minutes come back short ' +
    'break like slow down when because respect between it step away before go on continue conversation often ' +
    'rarely is are person people things thing not good smart true truthful care cares cared going the problem ' +
    "serious interested in calmer conversation don't can't won't that's you're it's he's she's i've I'm being " +
    "considered aren't more help"
  ).split(' '),
);

function words(s: string): string[] {
  return (
    s
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[a-z][a-z']*/g) ?? []
  );
}

function newWords(original: string, suggestion: string): string[] {
  const own = new Set(words(original));
  return words(suggestion).filter((x) => !own.has(x) && !TEMPLATE.has(x));
}

describe('rewriter', () => {
  for (const t of HEATED) {
    it(`suggestions for "${t}" are 1-3, distinct, not held, add nothing and never apologise`, () => {
      const a = analyze(t);
      expect(a.held).toBe(true);
      expect(a.suggestions.length).toBeGreaterThanOrEqual(1);
      expect(a.suggestions.length).toBeLessThanOrEqual(3);
      expect(new Set(a.suggestions).size).toBe(a.suggestions.length);
      for (const s of a.suggestions) {
        expect(analyze(s).held, s).toBe(false);
        expect(s).not.toMatch(/\b(sorry|apologi[sz]e|forgive)/i);
        expect(s).not.toMatch(/\b(fuck|idiot|jerk|selfish|moron|useless|hell)\b/i);
        // no facts the sender did not give: every word is theirs or a template's
        expect(newWords(t, s), s).toEqual([]);
      }
    });
  }

  it('removes profanity and keeps the rest of the sentence (minimal edit first)', () => {
    const [first] = analyze(
      'im not gonna sell the fucking picture , i just want to contribute to the fucking article .',
    ).suggestions;
    expect(first).toBe("I'm not gonna sell the picture, i just want to contribute to the article.");
    expect(minimalEdit('this fucking meeting is a waste of time')).toBe('this meeting is a waste of time');
    expect(minimalEdit('i dont give a shit what the nsa says')).toBe("i don't care what the nsa says");
    expect(minimalEdit('he had steel balls too !')).toBe('he had steel courage too!');
    expect(minimalEdit('what the hell is this')).toBe('what is this');
    expect(minimalEdit('stay the fuck out of syria .')).toBe('stay out of syria.');
    expect(minimalEdit('nobody gives a shit about high school football')).toBe(
      'nobody is interested in high school football',
    );
  });

  it('removes insults: a bare insult goes, an insulting noun after "a"/"the" becomes "person"', () => {
    expect(minimalEdit("fucking morons don 't know the difference between weather and climate .")).toBe(
      "people don 't know the difference between weather and climate.",
    );
    expect(minimalEdit('no , hes still the same idiot .')).toBe("no, he's still the same person.");
    expect(minimalEdit('stop making changes to the article you fool .')).toBe('stop making changes to the article.');
    expect(minimalEdit('what a stupid idea')).toBe('what an idea');
    expect(minimalEdit('that is so stupid')).toBe('that is not smart');
    // "not stupid" is a denial, not an insult
    expect(minimalEdit("I'm not stupid, I know what you said")).toBe("I'm not stupid, I know what you said");
  });

  it('says an accusation as what the sender thinks', () => {
    expect(minimalEdit("You're a fucking liar and everyone knows it")).toBe(
      "I don't think you're being truthful and everyone knows it",
    );
    expect(minimalEdit('This is the dumbest plan I have ever heard')).toBe('This is the worst plan I have ever heard');
  });

  it('turns a "you" attack into an I-statement with a feeling, a need and a request', () => {
    const [first] = analyze('You never listen to me!!!').suggestions;
    expect(first).toMatch(/^When you .*listen to me, I feel \w+/);
    expect(first).toMatch(/because I need/);
    expect(first).toMatch(/Would you be willing to .*\?$/);
    const [insult] = analyze('You are an idiot').suggestions;
    expect(insult).toMatch(/^I'm feeling hurt and angry .* I need respect between us\./);
  });

  it("never apologises on the sender's behalf, even for blame", () => {
    for (const t of [
      "It's all your fault that we are late",
      'you ruined everything, you stupid cow',
      'Thanks for nothing, jerk',
    ]) {
      for (const s of analyze(t).suggestions) expect(s).not.toMatch(/\b(sorry|apologi[sz]e|my fault|forgive me)\b/i);
    }
  });

  it('a held edit loses the word the analyzer points at, not the whole message', () => {
    const e = cleanEdit('your post is ignorant as fuck .', localJudges());
    expect(e).not.toBeNull();
    expect(analyze(e!).held).toBe(false);
    expect(e).toMatch(/^your post is /);
  });

  it('leaves no broken sentence behind a cut', () => {
    expect(minimalEdit('i miss her dumb ass .')).toBe('i miss her.');
    expect(minimalEdit('and you need to pull your head out of your ass .')).toBe('and you need to pull your head.');
    expect(minimalEdit('send his ass to jail')).toBe('send him to jail');
    for (const t of [
      'the guy is a fucking murderer .',
      'what a pathetic and immature perspective you have !',
      'you are a coward and are unwilling to back up your beliefs ? pussy .',
      'trump is nothing but a weak and insecure white supremacist .',
      'i was so fucking pissed off .',
    ]) {
      const [first] = analyze(t).suggestions;
      expect(first, t).not.toMatch(/\b(?:a|an|the|to|of|with|and|or|is|are|was)\s*[.!?,]?$/i);
      expect(first, t).not.toMatch(/\b(?:a|an|the)\s+(?:and|or|to|of|is|are)\b/i);
    }
  });

  it('offers a break for stonewalling', () => {
    expect(analyze("I'm done talking.").suggestions[0]).toMatch(/pause|break/i);
  });

  it('answers a threat only with stepping away', () => {
    for (const t of ['I will kill you', "you'll regret this, I know where you live"]) {
      const a = analyze(t);
      expect(a.labels).toContain('threat');
      expect(a.suggestions.length).toBeGreaterThanOrEqual(1);
      for (const s of a.suggestions) expect(s).toMatch(/step away|a break/i);
    }
  });

  it('gives no suggestion for self-harm', () => {
    for (const t of ['I want to kill myself', "I can't go on anymore, I just want to die"]) {
      const a = analyze(t);
      expect(a.labels).toContain('self_harm');
      expect(a.suggestions).toEqual([]);
    }
  });

  it('minimal edit softens absolutes', () => {
    expect(minimalEdit('You ALWAYS do this, damn it')).toMatch(/^You often do this/);
  });
});

describe('rewriter: no fragment is offered', () => {
  it('a suggestion is never a sentence with its point cut out', () => {
    const fragments: Record<string, RegExp> = {
      'This is such bullshit.': /^This is\.$/,
      'Honestly you are the laziest person I have ever met.': /^Honestly person/,
      "Oh sure, because you're SO perfect.": /^SO perfect/,
      "You're pathetic, you know that?": /^(?:When )?you know that/i,
      'You never once asked how my day was.': /rarely once/,
    };
    for (const [t, bad] of Object.entries(fragments)) {
      const a = analyze(t);
      expect(a.suggestions.length, t).toBeGreaterThan(0);
      for (const s of a.suggestions) expect(s, t).not.toMatch(bad);
    }
  });
});

describe('chrF', () => {
  it('is 100 for identical strings and lower for different ones', () => {
    expect(chrf('the cat sat', 'the cat sat')).toBeCloseTo(100);
    expect(chrf('the cat sat', 'a dog ran')).toBeLessThan(30);
    expect(chrfMulti('the cat', ['dog', 'the cat'])).toBeCloseTo(100);
  });

  it('observes only what the reader does: a clause about the sender is left out of "When you ..."', () => {
    const [first] = analyze('You never listen to me and I am sick of it.').suggestions;
    expect(first).toMatch(/^When you rarely listen to me, I feel /);
    expect(first).not.toMatch(/sick of it/);
  });

  it('answers an absolute about the reader with an I-statement first, even when it swears', () => {
    const { suggestions } = analyze('Why do you always have to be so damn selfish?');
    expect(suggestions[0]).toMatch(/^I'm feeling /);
    // a stand-in word after an intensifier reads as mockery and is not offered
    for (const s of suggestions) expect(s).not.toMatch(/\bso not (?:good|smart)\b/);
  });

  it('answers sarcasm at the reader with an I-statement first', () => {
    expect(analyze('Oh please, like you ever cared about my feelings.').suggestions[0]).toMatch(/^I'm feeling hurt/);
  });
});
