import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/analysis/index.js';
import { analyzeWithSuggestions } from '../../server/facilitator/rewrite/index.js';
import { namesOnlyTheirFeelings } from '../../server/facilitator/listening/faithful.js';
import type { ClauseOffer, FacilitatorEngine, RoomContext } from '../../server/facilitator/types.js';
import { LIMITS, TURN_MODES, type LogEntry, type PrepMessage } from '../../shared/protocol.js';

/**
 * The FacilitatorEngine contract: every engine runs this same suite. `make` gives a fresh engine.
 * `options.modelRequests`, when the engine talks to a model, gives every request body sent so far
 * (task and the whole body as text), so confidentiality is checked on the wire as well as in answers.
 * `options.knownGaps` names checks this engine is known to fail today: they run as `it.fails`, so
 * the suite says so, and turns red once the engine is fixed and the entry should go.
 */
export interface FacilitatorContractOptions {
  modelRequests?: () => { task: string | null; body: string }[];
  knownGaps?: string[];
}

/** Generous for CI: a call must resolve before this timer fires. Nothing else is measured. */
const BUDGET_MS = 5000;

function within<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not resolve within ${BUDGET_MS} ms`)), BUDGET_MS);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

const ROOM_2: RoomContext = {
  kind: 'couple',
  title: 'Weekends and money',
  names: { p_ann: 'Annika', p_ben: 'Bertrand' },
};

const ROOM_5: RoomContext = {
  kind: 'family',
  title: 'Looking after Grandma',
  names: { p_ann: 'Annika', p_ben: 'Bertrand', p_cos: 'Cosima', p_dag: 'Dagfinn', p_eul: 'Eulalia' },
};

let seq = 0;
function message(from: string, text: string): LogEntry {
  seq += 1;
  return { type: 'message', seq, id: `m${seq}`, clientMsgId: `c${seq}`, from, text, at: seq, reworded: false };
}

function log(room: RoomContext): LogEntry[] {
  const ids = Object.keys(room.names);
  const lines = [
    'I need a quiet evening now and then.',
    'Would you be willing to check the calendar with me on Sundays?',
    'I hear you. That sounds fair to me.',
    'I would like us to plan weekends together.',
    'Thank you for saying that.',
    'I feel tired when every weekend is already planned.',
  ];
  const entries = lines.map((text, i) => message(ids[i % ids.length], text));
  entries.splice(2, 0, {
    type: 'facilitator',
    seq: 0,
    id: 'f1',
    kind: 'nudge',
    text: 'Let’s make some space for everyone.',
    at: 0,
  });
  return entries;
}

/** Long material: words a room may really hold, at the protocol's limit. */
function longLog(room: RoomContext): LogEntry[] {
  const ids = Object.keys(room.names);
  const long = `I would like us to ${'talk about the calendar and the weekends and the money '.repeat(80)}`.slice(
    0,
    LIMITS.messageChars,
  );
  return Array.from({ length: 40 }, (_, i) => message(ids[i % ids.length], long));
}

const OCCASIONS = ['break', 'topic', 'end'] as const;

const HELD = [
  'You are such an idiot, you never listen to anything I say',
  'You always ruin every weekend with your stupid selfish plans',
  'Shut up about the money, you are pathetic and useless with it',
];

const STOP = new Set(
  (
    'about above after again also always anything because been being could does doing every from have just like ' +
    'more most much never only other really same should some such than that their them then there these they ' +
    'thing this those very what when where which while will with would your yours you’re youre'
  ).split(' '),
);

/** Lower-cased words of four letters or more that carry meaning (a small stop list aside). */
function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z’']+/g) ?? []).filter((w) => w.length >= 4 && !STOP.has(w)));
}

function keepsContent(original: string, rewrite: string): boolean {
  const words = contentWords(rewrite);
  return [...contentWords(original)].some((w) => words.has(w));
}

function expectText(text: unknown, limit: number = LIMITS.messageChars): asserts text is string {
  expect(typeof text).toBe('string');
  const s = text as string;
  expect(s.trim().length).toBeGreaterThan(0);
  expect(s).toBe(s.trim());
  expect(s.length).toBeLessThanOrEqual(limit);
}

function expectCalm(text: string): void {
  // judged as the product judges its own words: by the rules (the safety model reads what people write)
  expect(analyze(text, { threshold: 0.5, safetyModel: false }).held, `held by the analyzer: ${text}`).toBe(false);
}

function expectOffer(offer: ClauseOffer): void {
  expect(Object.keys(offer).sort()).toEqual(['drafts', 'text']);
  expectText(offer.text);
  expectCalm(offer.text);
  expect(Array.isArray(offer.drafts)).toBe(true);
  expect(offer.drafts.length).toBeLessThanOrEqual(3);
  for (const d of offer.drafts) {
    expectText(d, LIMITS.clauseChars);
    expectCalm(d);
  }
}

function prep(...answers: string[]): PrepMessage[] {
  const history: PrepMessage[] = [];
  for (const [i, text] of answers.entries()) {
    history.push({
      role: 'facilitator',
      text: i === 0 ? 'What happened, in your own words?' : 'Thank you.',
      at: i * 2,
    });
    history.push({ role: 'you', text, at: i * 2 + 1 });
  }
  return history;
}

export function facilitatorContract(
  name: string,
  make: () => Promise<FacilitatorEngine>,
  options: FacilitatorContractOptions = {},
): void {
  const check = (title: string, fn: () => Promise<void>) =>
    options.knownGaps?.includes(title) ? it.fails(title, fn) : it(title, fn);

  describe(`FacilitatorEngine contract: ${name}`, () => {
    check(
      'welcome and modeChanged: calm, trimmed words within the message limit, for every mode and room size',
      async () => {
        const engine = await make();
        for (const room of [ROOM_2, ROOM_5])
          for (const mode of TURN_MODES) {
            for (const text of [
              await within('welcome', engine.welcome(room, mode)),
              await within('modeChanged', engine.modeChanged(room, mode)),
            ]) {
              expectText(text);
              expectCalm(text);
            }
          }
      },
    );

    check('nudge names the quiet person, in a room of 2 and of 5', async () => {
      const engine = await make();
      const cases: [RoomContext, string, string][] = [
        [ROOM_2, 'p_ann', 'p_ben'],
        [ROOM_2, 'p_ben', 'p_ann'],
        [ROOM_5, 'p_cos', 'p_eul'],
        [ROOM_5, 'p_ann', 'p_dag'],
      ];
      for (const [room, dominant, quiet] of cases) {
        const text = await within('nudge', engine.nudge(room, dominant, quiet));
        expectText(text);
        expectCalm(text);
        expect(text).toContain(room.names[quiet]);
      }
    });

    check('breakStarted: calm words, naming the person who asked for it', async () => {
      const engine = await make();
      for (const room of [ROOM_2, ROOM_5]) {
        const byFacilitator = await within('breakStarted', engine.breakStarted(room, 20, 'facilitator'));
        expectText(byFacilitator);
        expectCalm(byFacilitator);
        const caller = Object.keys(room.names).at(-1) as string;
        const byPerson = await within('breakStarted', engine.breakStarted(room, 5, caller));
        expectText(byPerson);
        expectCalm(byPerson);
        expect(byPerson).toContain(room.names[caller]);
      }
    });

    check(
      'summary: calm words within the message limit, for every occasion and an empty, a usual and a long log',
      async () => {
        const engine = await make();
        for (const room of [ROOM_2, ROOM_5])
          for (const occasion of OCCASIONS)
            for (const entries of [[], log(room), longLog(room)]) {
              const request = { occasion, topic: 'the weekends', agreed: ['We plan weekends together.'] };
              const text = await within('summary', engine.summary(room, entries, request));
              expectText(text);
              expectCalm(text);
            }
      },
    );

    check('summary: names each person who spoke, in a room of 2 and of 5', async () => {
      const engine = await make();
      for (const room of [ROOM_2, ROOM_5])
        for (const occasion of OCCASIONS) {
          const entries = log(room);
          const text = await within('summary', engine.summary(room, entries, { occasion }));
          const spoke = new Set(entries.filter((e) => e.type === 'message').map((e) => e.from));
          for (const id of spoke) expect(text, `${occasion} summary names ${room.names[id]}`).toContain(room.names[id]);
          if (Object.keys(room.names).length > 2) expect(text).not.toMatch(/you both|the two of you/i);
        }
    });

    check('paraphraseFirst: calm words naming the listener, in a room of 2 and of 5', async () => {
      const engine = await make();
      for (const room of [ROOM_2, ROOM_5]) {
        const text = await within('paraphraseFirst', engine.paraphraseFirst(room, 'p_ben', 'p_ann'));
        expectText(text);
        expectCalm(text);
        expect(text).toContain(room.names.p_ben);
      }
    });

    check('agendaOpened and topicChanged: calm words with the topics as written, in a room of 2 and of 5', async () => {
      const engine = await make();
      const chair = { title: 'the $800 chair', by: 'p_ann' };
      const weekends = { title: 'our weekends together', by: 'p_ben' };
      for (const room of [ROOM_2, ROOM_5]) {
        const opened = await within('agendaOpened', engine.agendaOpened(room, [chair, weekends], chair));
        const moved = await within('topicChanged', engine.topicChanged(room, { ...chair, how: 'closed' }, weekends));
        const last = await within('topicChanged', engine.topicChanged(room, { ...weekends, how: 'clause' }, null));
        for (const text of [opened, moved, last]) {
          expectText(text);
          expectCalm(text);
          if (Object.keys(room.names).length > 2) expect(text).not.toMatch(/you both|the two of you/i);
        }
        expect(opened).toContain(chair.title);
        expect(moved).toContain(weekends.title);
      }
    });

    check('clauseOffer: a text and 0-3 calm drafts within the clause limit', async () => {
      const engine = await make();
      const long = `I would like us to ${'share the driving to Grandma and back '.repeat(200)}`.slice(
        0,
        LIMITS.messageChars,
      );
      for (const room of [ROOM_2, ROOM_5]) {
        expectOffer(await within('clauseOffer', engine.clauseOffer(room, [], [])));
        expectOffer(
          await within(
            'clauseOffer',
            engine.clauseOffer(room, ['I would like us to plan weekends together.'], log(room)),
          ),
        );
        const many = [
          'I need you to stop checking my phone.',
          'Could you tell me when you will be late?',
          'I wish we had more time for each other.',
          'I would like to take turns cooking.',
          long,
        ];
        expectOffer(await within('clauseOffer', engine.clauseOffer(room, many, longLog(room))));
      }
    });

    check('rewrite: 1-3 calm, trimmed versions of a held message within the message limit', async () => {
      const engine = await make();
      for (const text of HELD) {
        const analysis = analyzeWithSuggestions(text, { threshold: 0.5 });
        expect(analysis.held, `the fixture is held: ${text}`).toBe(true);
        const out = await within('rewrite', engine.rewrite(text, analysis));
        expect(Array.isArray(out)).toBe(true);
        expect(out.length).toBeGreaterThanOrEqual(1);
        expect(out.length).toBeLessThanOrEqual(3);
        for (const s of out) {
          expectText(s);
          expectCalm(s);
          expect(s.toLowerCase()).not.toBe(text.toLowerCase());
        }
      }
    });

    check('rewrite: keeps at least one content word of the held message', async () => {
      const engine = await make();
      for (const text of HELD) {
        const out = await within('rewrite', engine.rewrite(text, analyzeWithSuggestions(text, { threshold: 0.5 })));
        expect(
          out.some((s) => keepsContent(text, s)),
          `no version keeps a word of: ${text}\n${out.join('\n')}`,
        ).toBe(true);
      }
    });

    check('rewrite: every version keeps at least one content word of the held message', async () => {
      const engine = await make();
      for (const text of HELD) {
        const out = await within('rewrite', engine.rewrite(text, analyzeWithSuggestions(text, { threshold: 0.5 })));
        for (const s of out) expect(keepsContent(text, s), `keeps no word of "${text}": ${s}`).toBe(true);
      }
    });

    /** Said back to `speaker`: by name, calm, only their own feelings, and no one else named or asked. */
    function expectSaidBack(room: RoomContext, speaker: string, said: string, text: string): void {
      expectText(said, 600);
      expectCalm(said);
      expect(said).toContain(room.names[speaker]);
      expect(namesOnlyTheirFeelings(said, text), `a feeling not said in “${text}”: ${said}`).toBe(true);
      for (const [id, name] of Object.entries(room.names))
        if (id !== speaker) expect(said, `names ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }

    check('reflect: the speaker’s own feelings and needs said back by name, in a room of 2 and of 5', async () => {
      const engine = await make();
      const said: [RoomContext, string, string][] = [
        [ROOM_2, 'p_ann', 'I felt humiliated and scared when the plans changed without me.'],
        [ROOM_2, 'p_ben', 'I felt invisible at the party, and being included matters to me.'],
        [ROOM_5, 'p_cos', 'I am exhausted, and I need help with Grandma on Sundays.'],
        [ROOM_5, 'p_eul', 'I feel lost since the move.'],
      ];
      for (const [room, speaker, text] of said) {
        const out = await within('reflect', engine.reflect(room, speaker, text));
        expect(out, `nothing said back to: ${text}`).not.toBeNull();
        expectSaidBack(room, speaker, out as string, text);
      }
    });

    check(
      'reflect: a message with nothing to reflect gets nothing, or words that hold to the same checks',
      async () => {
        const engine = await make();
        const text = 'The bill came on Tuesday.';
        const out = await within('reflect', engine.reflect(ROOM_2, 'p_ann', text));
        if (out !== null) expectSaidBack(ROOM_2, 'p_ann', out, text);
      },
    );

    check('acknowledge: a repair attempt thanked by name, asking nothing of anyone else', async () => {
      const engine = await make();
      const said: [RoomContext, string, string][] = [
        [ROOM_2, 'p_ben', "I'm sorry I wasn't there. I felt awful."],
        [ROOM_2, 'p_ann', 'That was on me.'],
        [ROOM_5, 'p_dag', 'Thank you for driving Grandma on Sundays.'],
      ];
      for (const [room, speaker, text] of said) {
        const out = await within('acknowledge', engine.acknowledge(room, speaker, text));
        expect(out, `nothing said to: ${text}`).not.toBeNull();
        expectSaidBack(room, speaker, out as string, text);
        expect(out).not.toMatch(/\?|forgive|accept/i);
      }
    });

    check('prepReply: calm, trimmed words within the message limit, at every step of a preparation', async () => {
      const engine = await make();
      const answers = [
        'We keep arguing about who drives to Grandma on Sundays.',
        'I feel tired and a bit lonely with it.',
        'I need some fairness and rest.',
        'I would ask that we take turns driving.',
        'I think that is all for now.',
      ];
      for (let n = 1; n <= answers.length; n++) {
        const text = await within('prepReply', engine.prepReply(prep(...answers.slice(0, n)), 'Annika'));
        expectText(text);
        expectCalm(text);
      }
    });

    check('prepReply: names no feeling the person did not use', async () => {
      const engine = await make();
      const said = 'I felt humiliated and scared when he shouted about the money.';
      const text = await within('prepReply', engine.prepReply(prep(said), 'Annika'));
      expectText(text);
      expect(namesOnlyTheirFeelings(text, said), text).toBe(true);
    });

    check('confidentiality: one person’s preparation reaches no other person’s reply, nor any room words', async () => {
      const engine = await make();
      const SECRET = 'PERIWINKLE-4217';
      const before = options.modelRequests?.().length ?? 0;
      // Annika prepares, with a secret only in her own history.
      const annika = prep(
        `I never told anyone about ${SECRET}.`,
        `I feel scared that ${SECRET} comes out.`,
        'I need to feel safe.',
        `I would ask that nobody mentions ${SECRET}.`,
      );
      for (let n = 2; n <= annika.length; n += 2)
        await within('prepReply', engine.prepReply(annika.slice(0, n), 'Annika'));
      if (options.modelRequests) {
        // The recording works: Annika's own request did carry her secret.
        const own = options.modelRequests().slice(before);
        expect(own.some((r) => r.task === 'prepReply' && r.body.includes(SECRET))).toBe(true);
      }
      const mark = options.modelRequests?.().length ?? 0;

      // Then Bertrand prepares, and the room goes on: nothing of Annika's preparation is passed.
      const bertrand = prep(
        'We argue about the driving.',
        'I feel frustrated.',
        'I need fairness.',
        'I would ask for a rota.',
        'That is all.',
      );
      const said: string[] = [];
      for (let n = 2; n <= bertrand.length; n += 2)
        said.push(await within('prepReply', engine.prepReply(bertrand.slice(0, n), 'Bertrand')));
      for (const room of [ROOM_2, ROOM_5]) {
        said.push(await within('welcome', engine.welcome(room, 'open')));
        said.push(await within('modeChanged', engine.modeChanged(room, 'round')));
        said.push(await within('nudge', engine.nudge(room, 'p_ann', 'p_ben')));
        said.push(await within('breakStarted', engine.breakStarted(room, 10, 'p_ann')));
        for (const occasion of OCCASIONS)
          said.push(await within('summary', engine.summary(room, log(room), { occasion })));
        said.push(await within('paraphraseFirst', engine.paraphraseFirst(room, 'p_ben', 'p_ann')));
        said.push(
          (await within('reflect', engine.reflect(room, 'p_ben', 'I feel tired when every weekend is planned.'))) ?? '',
        );
        said.push((await within('acknowledge', engine.acknowledge(room, 'p_ann', 'Thank you for saying that.'))) ?? '');
        const offer = await within(
          'clauseOffer',
          engine.clauseOffer(room, ['I would like us to plan weekends together.'], log(room)),
        );
        said.push(offer.text, ...offer.drafts);
      }
      said.push(...(await within('rewrite', engine.rewrite(HELD[0], analyzeWithSuggestions(HELD[0])))));
      for (const text of said) expect(text).not.toContain(SECRET);

      if (options.modelRequests) {
        const sent = options.modelRequests().slice(mark);
        expect(sent.length).toBeGreaterThan(0);
        for (const r of sent) expect(r.body, `request for ${r.task}`).not.toContain(SECRET);
        // Every room method went to the model, so the check above covered each of them.
        const tasks = new Set(sent.map((r) => r.task));
        const roomTasks = [
          'welcome',
          'modeChanged',
          'nudge',
          'breakStarted',
          'summary',
          'paraphraseFirst',
          'reflect',
          'acknowledge',
        ];
        for (const t of [...roomTasks, 'clauseOffer', 'rewrite']) expect(tasks).toContain(t);
      }
    });
  });
}
