import { describe, expect, it } from 'vitest';
import { Analysis } from '../../../shared/analysis.js';
import { analyze, DEFAULT_THRESHOLD, loadModel } from '../../../server/analysis/index.js';
import { analyzeWithSuggestions } from '../../../server/facilitator/rewrite/index.js';
import { rulesAlone } from '../../helpers/rulesAlone.js';

rulesAlone();

/** Every text held (or every one not held), naming the one that is not. */
function expectHeld(texts: string[], held: boolean): void {
  for (const t of texts) expect(analyze(t).held, t).toBe(held);
}

function labelsOf(text: string) {
  return analyze(text).labels;
}

describe('heat analyzer: API', () => {
  it('returns the shared Analysis shape', () => {
    const a = analyze('You never listen to me, what is wrong with you?');
    expect(Analysis.parse(a)).toEqual(a);
    expect(a.heat).toBeGreaterThanOrEqual(0);
    expect(a.heat).toBeLessThanOrEqual(1);
  });

  // How fast it loads is measured by `npm run bench` (modelLoadMs), not asserted here.
  it('loads the model once', () => {
    const m = loadModel();
    expect(loadModel()).toBe(m);
  });

  it('holds at the default threshold and respects a custom one', () => {
    const text = 'You never listen to me.';
    const a = analyze(text);
    // Held from the threshold up: at exactly its heat, not just above it.
    expect(analyze(text, { threshold: a.heat }).held).toBe(true);
    expect(analyze(text, { threshold: a.heat + 0.001 }).held).toBe(false);
    // No threshold given is the same as 0.5, the documented default.
    expect(analyze(text)).toEqual(analyze(text, { threshold: 0.5 }));
    expect(analyze(text, { threshold: DEFAULT_THRESHOLD })).toEqual(analyze(text, { threshold: 0.5 }));
    expect(a.held).toBe(a.heat >= 0.5);
    expect(analyze(text, { threshold: 0.99 }).held).toBe(false);
  });

  it('is deterministic', () => {
    const t = 'this fucking meeting is a waste of time';
    expect(analyze(t)).toEqual(analyze(t));
  });

  it('calm messages are not held and carry no suggestions', () => {
    for (const t of [
      'Can we talk about the schedule for next week?',
      'I felt hurt when the plans changed without me. Could we decide together next time?',
      'Thanks, that works for me.',
      "I'd like us to split the driving on weekdays.",
    ]) {
      const a = analyzeWithSuggestions(t);
      expect(a.held, t).toBe(false);
      expect(a.suggestions, t).toEqual([]);
    }
  });

  it('omits suggestions when asked', () => {
    const a = analyzeWithSuggestions('You are an idiot', { suggestions: false });
    expect(a.held).toBe(true);
    expect(a.suggestions).toEqual([]);
  });

  it('leaves suggestions to the rewriter: analyze() gives the same verdict with none', () => {
    const { suggestions, ...verdict } = analyzeWithSuggestions('You are an idiot');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(analyze('You are an idiot')).toEqual({ ...verdict, suggestions: [] });
  });
});

describe('heat analyzer: labels', () => {
  const cases: [string, string][] = [
    ['insult', 'You are an idiot'],
    ['insult', "you're such a pathetic loser"],
    ['insult', 'hamilton is a moron'], // jigsaw-style
    ['contempt', 'Oh please, who do you think you are?'],
    ['contempt', 'Yeah right. Good luck with that.'],
    ['criticism', 'You never listen to me.'],
    ['criticism', 'You always leave the dishes for me.'],
    ['criticism', 'What is wrong with you?'],
    ['defensiveness', "It's not my fault, you're overreacting."],
    ['stonewalling', 'Whatever.'],
    ['stonewalling', "I'm done talking."],
    ['blame', "It's all your fault that we are late."],
    ['blame', 'You ruined the whole weekend.'],
    ['profanity', 'this fucking meeting is a waste of time'],
    ['profanity', 'Fuck off'],
    ['shouting', 'WHY DO YOU NEVER CALL ME BACK'],
    ['shouting', 'Answer me!!!'],
    ['threat', "If you take the car again I'll hurt you."],
    ['threat', 'You will regret this, I know where you live.'],
    ['self_harm', 'Sometimes I want to kill myself.'],
    ['self_harm', "I don't want to live anymore."],
    // found by checking from outside with new sentences
    ['criticism', 'Honestly you are the laziest person I have ever met.'],
    ['contempt', "Oh sure, because you're SO perfect."],
    ['contempt', 'Wow, great job as usual. Really impressive.'],
    ['contempt', "You're just like your mother."],
    ['threat', "Touch my stuff again and you'll get hurt."],
    ['threat', "Do that one more time and you'll see what happens."],
    ['threat', "You won't like what happens if you keep this up."],
  ];
  for (const [label, text] of cases) {
    it(`${label}: ${text}`, () => {
      expect(labelsOf(text)).toContain(label);
    });
  }

  it('holds the four horsemen when aimed at the reader', () => {
    expectHeld(
      [
        'You never listen to me.',
        'Oh please, who do you think you are?',
        'Whatever.',
        "It's all your fault that we are late.",
      ],
      true,
    );
  });

  it('holds real heated sentences from the data sets', () => {
    // jigsaw-sentences and paradetox (heated side)
    expectHeld(
      [
        'hmm stupid pills , loser .',
        'these idiots spreading hate , lies and emotional and mental blackmail scare me more .',
        'im not gonna sell the fucking picture , i just want to contribute to the fucking article .',
        'delete the page and shut up',
      ],
      true,
    );
  });
});

describe('heat analyzer: spans', () => {
  it('points at the words that caused each label, as offsets into the original text', () => {
    const text = 'Honestly, you are an idiot and this is fucking ridiculous!!!';
    const a = analyze(text);
    const byLabel = (l: string) => a.spans.filter((s) => s.label === l).map((s) => text.slice(s.start, s.end));
    expect(byLabel('insult')).toContain('you are an idiot');
    expect(byLabel('profanity')).toContain('fucking');
    expect(byLabel('shouting')).toContain('!!!');
    for (const s of a.spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.end).toBeGreaterThan(s.start);
    }
  });

  it('keeps offsets right with curly apostrophes and leading spaces', () => {
    const text = '   you’re such a jerk';
    const a = analyze(text);
    const s = a.spans.find((x) => x.label === 'insult')!;
    expect(text.slice(s.start, s.end)).toBe('you’re such a jerk');
  });
});

describe('heat analyzer: reported speech is not an attack', () => {
  for (const t of [
    'he called me stupid in front of the kids',
    "my wife told me I'm worthless",
    'My husband yells at me and calls me a fat cow when he drinks.',
    'I was called a bitch at work, and it hurt.',
    'She said "you are a useless mother" and walked out.',
    'my mom makes me feel worthless',
    'He told me that I should kill myself.',
    // counsel-chat style
    "My boyfriend didn't want to sit there and wait with me. He doesn't understand why I'm mad, and he calls me " +
      'crazy when I bring it up.',
    'I am married, but I had sex with my friend. I feel guilty, but I feel not guilty too. Do I need to feel guilty?',
    'I feel so stupid for trusting him again.',
  ]) {
    it(`not held: ${t}`, () => {
      expect(analyze(t).held).toBe(false);
    });
  }

  it('but the sender quoting themselves is their own attack', () => {
    expect(analyze('I said you are an idiot').held).toBe(true);
  });

  it('the sender calling someone names, or telling the reader to, is their own voice', () => {
    // jigsaw-sentences (toxic): the subject of "called" / "call" / "tell" is the sender or nobody (imperative)
    expectHeld(
      [
        'ive called him a sociopath .',
        'just call him latest scumbag .',
        'so please dont tell us how bad trump after onlyths in office you stupid twit bernstein !',
        'I called him an idiot and I would do it again',
      ],
      true,
    );
  });

  it('someone else calling the sender names stays reported, with asides and names', () => {
    expectHeld(
      [
        'My dad is always, and I mean always, cussing and screaming at me for no reason at all. He makes me feel ' +
          'stupid.',
        'Then Sam called me a liar.',
        'I think my husband called me a whore last night.',
        'When he drinks, he calls me a fat cow.',
      ],
      false,
    );
  });
});

describe('heat analyzer: what someone else said, texted or threatened', () => {
  for (const t of [
    'He said he would kill me if I left.',
    'He texted: you are worthless.',
    "My ex keeps texting me that I'm a whore and a bad mother.",
    '"You\'re useless," he said.',
    "According to my wife, I'm a lazy pig and a failure.",
    "In his eyes I'm a useless idiot.",
  ]) {
    it(`not held: ${t}`, () => {
      const a = analyze(t);
      expect(a.held).toBe(false);
      expect(a.labels).not.toContain('threat');
    });
  }

  it('the sender turning to the reader after a report is their own voice', () => {
    expect(analyze("You said I'm an idiot, you moron").held).toBe(true);
  });

  it("a message that opens with a quote nobody is said to have said is the sender's own", () => {
    expect(analyze('"these hoes ain\'t loyal" lol').held).toBe(true);
  });
});

describe("heat analyzer: someone in the sender's life described to a helper", () => {
  for (const t of [
    'My boss is a bully and everyone knows it.',
    'my stepdad is a drunk and a liar. he hits my mom. can you help me?',
    'He punched a hole in the wall and said next time it will be my face.',
    'Is it normal to hate your parents? My dad is a narcissist and my mom enables him.', // a generic "your"
  ]) {
    it(`not held: ${t}`, () => {
      expect(analyze(t).held).toBe(false);
    });
  }

  it('but swearing about them, or an attack on the reader, is', () => {
    expect(analyze('my husband is a fucking liar').held).toBe(true);
    expect(analyze('You never help me with my mother, you lazy jerk').held).toBe(true);
  });
});

describe('heat analyzer: a story aimed at no one in the room', () => {
  it('the model alone does not hold a first-person account of what happens to the sender', () => {
    // counsel-chat (train split)
    const t =
      "My mom is always bossy and treats me like a child even though I'm in my 20s. She argues with me over stupid " +
      'stuff.';
    expect(analyze(t).held).toBe(false);
  });

  it('"I give up", "yeah right" and a bare "lazy" in a story are labelled, not held', () => {
    for (const t of [
      "We had a fight last night. I said I'm done. He left the house and I cried for hours.",
      'My husband drinks every night and then I am the one who cleans up. Yeah right, like that is fair. I give up.',
      'My husband is so lazy and selfish. I give up. I am so tired of doing everything myself.',
    ]) {
      const a = analyze(t);
      expect(a.held, t).toBe(false);
      expect(a.labels.length, t).toBeGreaterThan(0);
    }
  });

  it('the same story about a participant in the room is aimed at the reader', () => {
    const t = 'Sam is so lazy and selfish. I give up. I am so tired of doing everything myself.';
    expect(analyze(t).held).toBe(false);
    expect(analyze(t, { context: { otherNames: ['Sam'] } }).held).toBe(true);
  });

  it('but the rules still judge it, and a story aimed at the reader is judged in full', () => {
    expect(analyze('My husband is a fucking liar. I give up. I am so tired of doing everything myself.').held).toBe(
      true,
    );
    expect(
      analyze('My ex is a fucking liar. I hate him so much. I told my lawyer everything and I feel better now.').held,
    ).toBe(true);
    expect(
      analyze('You never listen to me. I told you three times about the pickup and my mother had to wait for an hour.')
        .held,
    ).toBe(true);
  });
});

describe('heat analyzer: rule misfires fixed', () => {
  for (const t of [
    'I went to a psychologist last week and I liked her.', // not "psycho"
    'arthur cockfield , i appreciate your article .', // a surname, not profanity
    'Please put the old toys in the trash can.', // a thing, not an insult
    'The garbage was still in the kitchen this morning.', // chores, not an insult
    'Can you take out the trash on Tuesdays?',
    'The trash is overflowing again and nobody emptied the recycling bin.',
    'do you believe that this kind of power brokering is typical in washington d. c ?', // "typical" describing
    'she rolls her eyes every time he talks .', // someone else's contempt, described
    // Jigsaw's number placeholder
    'highest marginal tax rate is currently onlyand on taxable income of $ DIGIT , DIGIT it is only',
    // emphasis, not shouting
    'RT @Yankees: VICTORY! Yankees outlast the As, and oh yeah, FIRST PLACE still resides in the Bronx.',
  ]) {
    it(`not held: ${t}`, () => {
      expect(analyze(t).held).toBe(false);
    });
  }

  it('household words aimed at a person are still held', () => {
    for (const t of ['You are garbage.', "You're trash and everyone knows it."]) expect(analyze(t).held, t).toBe(true);
  });

  it("harsh words about things, and someone else's shouting or eye-rolling, are not an attack", () => {
    expectHeld(
      [
        'The printer on floor 3 is a useless piece of junk.',
        'ugh this stupid app logged me out again',
        'these shoes are killing my feet',
        'he screamed WHAT IS WRONG WITH YOU at me over a spilled drink',
        "He wrote YOU'LL PAY FOR THIS on my car windshield.",
        'she rolled her eyes and said get over yourself when I cried',
        'I was a coward for not speaking up in that meeting.',
      ],
      false,
    );
    // swearing at a situation is labelled, not held (issue 11: "this week has been shit" is delivered)
    expect(analyze('this fucking printer is broken again')).toMatchObject({ held: false, labels: ['profanity'] });
    // an exclamation about what happened is delivered; what follows it is read as usual
    expect(analyze('Holy crap, we actually shipped it.').held).toBe(false);
    expect(analyze('Damn, you are useless.').held).toBe(true);
    // "damn it", "screw it" are about what happened, not said at someone as "damn you", "screw you" are
    expectHeld(['Damn it, the car again.', "Screw it, let's just get pizza."], false);
    expectHeld(['damn you', 'Screw you, Dan.'], true);
    // capitals with "!!!" are shouting
    expectHeld(['ANSWER THE QUESTION!!!', 'I SAID NO AND I MEAN NO'], true);
    // joy in capitals is labelled, not held
    expectHeld(['I GOT THE JOB!!', 'HAPPY BIRTHDAY MUM!!!'], false);
  });

  it(
    'what someone wrote after a colon, a quote followed by its speaker, and the sender mocking themselves are not ' +
      'attacks',
    () => {
      expectHeld(
        [
          'Screenshot attached. He wrote: shut up, nobody asked you, you fat waste of space.',
          'The letter under my door read: WE KNOW WHERE YOU LIVE, MOVE OUT. I kept it.',
          '"You\'re a failure and you always will be" - he said that to me at 15 and I never forgot it.',
          "I'm an absolute clown, I booked the same room twice.",
          'We should shoot the breeze about the garden sometime.',
          'We nailed it today!',
        ],
        false,
      );
      // an idiom is a whole phrase: "destroyed the family" is not "killed it"
      expect(labelsOf('You destroyed the family and everyone knows it.')).toContain('blame');
      expectHeld(
        [
          "bollocks to your meeting, i'm not coming",
          'ARE YOU DEAF?? I told you to hold the ladder!',
          "Say that again and I'll knock you out.",
        ],
        true,
      );
    },
  );

  it('stonewalling words only count when they are most of their clause', () => {
    expectHeld(
      ['Everything was fine.', 'The kids are fine.', 'He said whatever and walked away. I felt so small.'],
      false,
    );
    for (const t of ['Fine.', 'Fine, whatever.', 'Forget it.', 'Leave me alone!']) {
      expect(labelsOf(t), t).toContain('stonewalling');
      expect(analyze(t).held, t).toBe(true);
    }
  });

  it('still labels a one-word "Typical." and a long run of capitals', () => {
    expect(labelsOf('Typical.')).toContain('contempt');
    expect(analyze('I SAID GIVE IT BACK TO ME NOW').held).toBe(true);
  });
});

describe('heat analyzer: safety path', () => {
  it('holds threats and self-harm whatever the threshold', () => {
    expect(analyze('I will kill you', { threshold: 0.99 }).held).toBe(true);
    expect(analyze('I want to end my life', { threshold: 0.99 }).held).toBe(true);
  });

  it('offers no rewrite of self-harm and only a step-away for threats', () => {
    expect(analyzeWithSuggestions('I want to kill myself').suggestions).toEqual([]);
    const t = analyzeWithSuggestions("I'm going to hurt you");
    expect(t.labels).toContain('threat');
    for (const s of t.suggestions) expect(s).not.toMatch(/hurt you|kill/i);
  });

  it('hears self-harm said in passing, and never hides it behind the sender being hard on themselves', () => {
    for (const t of [
      'I feel so worthless and I want to die',
      'he said I should kill myself and honestly I want to die',
      "what's the point of living like this",
      "maybe everyone would be better off if I wasn't around",
      "I don't want to wake up tomorrow",
      'i cut again last night. dont tell mum',
    ])
      expect(labelsOf(t), t).toContain('self_harm');
  });

  it('hears veiled and conditional threats, and a threat far into a long message', () => {
    for (const t of [
      "Leave me and I'll send those photos to your boss.",
      'I know which school your kids go to.',
      "I'm going to say this once. If you show up at my work again, or call my mother, or go anywhere near the " +
        'house, I will make sure you regret every second of it.',
    ])
      expect(labelsOf(t), t).toContain('threat');
    expectHeld(["I'll hit you up after the parent-teacher meeting", 'shoot me a text when you land'], false);
  });

  it('a caring warning is not a threat, nor a threat someone else made', () => {
    expectHeld(["Be careful on the ladder or you'll get hurt.", "He told me I'd be sorry if I left him."], false);
  });

  it("does not treat someone else's suicide as the sender's self-harm", () => {
    expect(labelsOf("My ex's friend attempted to commit suicide last year.")).not.toContain('self_harm');
  });
});

describe('heat analyzer: context', () => {
  it('a named participant counts as the reader', () => {
    const plain = analyze('Sam is such a liar');
    const named = analyze('Sam is such a liar', { context: { otherNames: ['Sam'] } });
    expect(named.heat).toBeGreaterThanOrEqual(plain.heat);
    expect(named.held).toBe(true);
  });
});
