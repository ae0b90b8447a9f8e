import { describe, expect, it } from 'vitest';
import { call, connect, createRoom, invite, joinRoom, next, useServer } from '../helpers/server.js';

const server = useServer();

const CHAIR = 'When the $800 chair went on the card without us talking, I felt anxious about the electric bill.';
const WEEKENDS = 'I need more time together on weekends.';

/** Ann's room with Ann connected, before anyone else has joined. */
async function annAlone(kind = 'couple') {
  const host = await createRoom(server().url, { kind, name: 'Ann' });
  const a = await connect(server().url, host.token);
  return { host, a };
}

const agendaOf = async (socket: any) => (await call(socket, 'room:state')).state.agenda;
const titles = (agenda: any) => agenda.topics.map((t: any) => t.title);

describe('the agenda', () => {
  it('opens with the joint session from the points shared in preparation, read out by the facilitator', async () => {
    const { host, a } = await annAlone();
    expect((await call(a, 'room:state')).state.agenda).toBeUndefined();
    expect(await call(a, 'prep:share', { text: CHAIR })).toMatchObject({ ok: true, status: 'delivered' });
    expect(await call(a, 'prep:share', { text: WEEKENDS })).toMatchObject({ ok: true, status: 'delivered' });
    const read = next(a, 'facilitator', (f: any) => f.kind === 'agenda');
    const welcome = next(a, 'facilitator', (f: any) => f.kind === 'welcome');
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const b = await connect(server().url, guest.token); // Ben enters the conversation: the joint session opens
    const [w, r] = await Promise.all([welcome, read]);
    expect(r.seq).toBeGreaterThan(w.seq); // after the welcome
    expect(r.text).toBe(
      'Ann brought “the $800 chair” and “more time together on weekends”. Let’s start with “the $800 chair”. ' +
        'We will take one topic at a time, and move on when it feels settled or becomes part of the agreement. ' +
        'Ben, whatever you would like to talk about has a place here too.',
    );
    const agenda = await agendaOf(a);
    expect(agenda).toEqual({
      topics: [
        { id: 't1', title: 'the $800 chair', status: 'open', by: host.participantId },
        { id: 't2', title: 'more time together on weekends', status: 'open', by: host.participantId },
      ],
      current: 't1',
    });
    // Ben sees the same agenda, and the reading is in his history once.
    expect(await agendaOf(b)).toEqual(agenda);
    const history = (await call(b, 'history', { sinceSeq: 0 })).messages;
    expect(history.filter((m: any) => m.kind === 'agenda')).toHaveLength(1);
  });

  it('takes first words when few topics were shared, and reads the agenda out once everyone spoke', async () => {
    const { host, a } = await annAlone();
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const b = await connect(server().url, guest.token);
    expect(await agendaOf(a)).toEqual({ topics: [], current: null });
    const read = next(b, 'facilitator', (f: any) => f.kind === 'agenda');
    await call(a, 'message:send', {
      clientMsgId: 'a1',
      text: 'I am upset about the $800 chair you bought without asking.',
    });
    await expect.poll(async () => titles(await agendaOf(b))).toEqual(['the $800 chair']);
    // Only first words: Ann's second message brings nothing new.
    await call(a, 'message:send', { clientMsgId: 'a2', text: 'And the electric bill is overdue again.' });
    await call(b, 'message:send', {
      clientMsgId: 'b1',
      text: 'My parents keep making weekend plans for us without asking.',
    });
    const r = await read;
    expect(r.text).toBe(
      'Here is what you each brought: “the $800 chair” from Ann and “weekend plans for us” from Ben. ' +
        'Let’s start with “the $800 chair”, which Ann brought. We will take one topic at a time, and move on ' +
        'when it feels settled or becomes part of the agreement.',
    );
    const agenda = await agendaOf(a);
    expect(titles(agenda)).toEqual(['the $800 chair', 'weekend plans for us']);
    expect(agenda.topics[1].by).toBe(guest.participantId);
    expect(agenda.current).toBe('t1');
  });

  it('words that name nothing bring no topic, and a point shared later joins the agenda', async () => {
    const { host, a } = await annAlone();
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const b = await connect(server().url, guest.token);
    await call(a, 'message:send', { clientMsgId: 'a1', text: 'I hear you.' });
    await call(b, 'message:send', { clientMsgId: 'b1', text: "I'm sorry I wasn't there. I felt awful." });
    await call(b, 'prep:share', { text: 'Your comments about my weight at every dinner have to stop.' });
    await expect.poll(async () => titles(await agendaOf(a))).toEqual(['your comments about my weight at every dinner']);
  });

  it('the host adds, moves and closes topics; the facilitator names the next one', async () => {
    const { host, a } = await annAlone();
    await call(a, 'prep:share', { text: CHAIR });
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const b = await connect(server().url, guest.token);
    const added = await call(a, 'agenda:add', { title: '  Who walks the dog  ' });
    expect(added).toMatchObject({ ok: true, topicId: 't2' });
    expect(titles(added.agenda)).toEqual(['the $800 chair', 'Who walks the dog']);
    expect(added.agenda.topics[1].by).toBeNull();
    // Everyone sees the change.
    await expect.poll(async () => titles(await agendaOf(b))).toEqual(['the $800 chair', 'Who walks the dog']);
    const moved = await call(a, 'agenda:move', { topicId: 't2', toIndex: 0 });
    expect(titles(moved.agenda)).toEqual(['Who walks the dog', 'the $800 chair']);
    expect(moved.agenda.current).toBe('t1'); // moving does not change what is being talked about

    const said = next(b, 'facilitator', (f: any) => f.kind === 'agenda' && /leave/.test(f.text));
    const closed = await call(a, 'agenda:close', { topicId: 't1' });
    expect(closed.agenda.topics.find((t: any) => t.id === 't1').status).toBe('closed');
    expect(closed.agenda.current).toBe('t2');
    expect((await said).text).toBe('We will leave “the $800 chair” there for now. Let’s turn to “Who walks the dog”.');
    // Closing it again changes nothing and says nothing.
    expect(await call(a, 'agenda:close', { topicId: 't1' })).toMatchObject({ ok: true });
    const last = next(b, 'facilitator', (f: any) => f.kind === 'agenda' && /last topic/.test(f.text));
    await call(a, 'agenda:close', { topicId: 't2' });
    expect((await last).text).toBe(
      'We will leave “Who walks the dog” there for now. That was the last topic on the agenda. If something is ' +
        'still open for either of you, the host or a mediator can add it.',
    );
    const history = (await call(b, 'history', { sinceSeq: 0 })).messages.filter((m: any) => m.kind === 'agenda');
    expect(history).toHaveLength(3); // read out, moved on, done
    expect((await agendaOf(b)).current).toBeNull();
  });

  it('participants and observers may not change the agenda; a mediator may', async () => {
    const { host, a } = await annAlone();
    await call(a, 'prep:share', { text: CHAIR });
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const observer = await joinRoom(server().url, host.roomId, await invite(server().url, host, 'observer'), 'Olive');
    const mediator = await joinRoom(server().url, host.roomId, await invite(server().url, host, 'mediator'), 'Mo');
    const b = await connect(server().url, guest.token);
    const o = await connect(server().url, observer.token);
    const m = await connect(server().url, mediator.token);
    for (const s of [b, o]) {
      for (const [event, payload] of [
        ['agenda:add', { title: 'Chores' }],
        ['agenda:move', { topicId: 't1', toIndex: 0 }],
        ['agenda:close', { topicId: 't1' }],
        ['agenda:current', { topicId: 't1' }],
      ] as const) {
        expect(await call(s, event, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect((await agendaOf(a)).topics).toHaveLength(1);
    expect(await call(m, 'agenda:add', { title: 'Chores' })).toMatchObject({ ok: true, topicId: 't2' });
    const turned = next(b, 'facilitator', (f: any) => f.kind === 'agenda' && /Chores/.test(f.text));
    expect(await call(m, 'agenda:current', { topicId: 't2' })).toMatchObject({ ok: true, agenda: { current: 't2' } });
    expect((await turned).text).toBe('Let’s turn to “Chores”.');
  });

  it('refuses unknown topics, places outside, long, repeated or heated titles, and early changes', async () => {
    const { host, a } = await annAlone();
    expect(await call(a, 'agenda:add', { title: 'Chores' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    await connect(server().url, guest.token); // Ben enters: the joint session (and its agenda) opens
    expect(await call(a, 'agenda:add', { title: 'Chores' })).toMatchObject({ ok: true });
    expect(await call(a, 'agenda:add', { title: 'chores' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(a, 'agenda:close', { topicId: 't9' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(a, 'agenda:move', { topicId: 't1', toIndex: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'agenda:add', { title: 'x'.repeat(81) })).toMatchObject({
      ok: false,
      error: { code: 'too_long' },
    });
    expect(await call(a, 'agenda:add', { title: 'Ben is a lazy useless idiot' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect((await agendaOf(a)).topics).toHaveLength(1);
  });

  it('a clause proposed from the current topic settles it, and the facilitator moves on', async () => {
    const { host, a } = await annAlone();
    await call(a, 'prep:share', { text: CHAIR });
    await call(a, 'prep:share', { text: WEEKENDS });
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const b = await connect(server().url, guest.token);
    const moved = next(b, 'facilitator', (f: any) => f.kind === 'agenda' && /proposed clause/.test(f.text));
    // A clause about something else leaves the agenda alone.
    await call(b, 'agreement:propose', { text: 'We take turns choosing the film on Fridays.' });
    const proposed = await call(b, 'agreement:propose', {
      text: 'We talk before buying anything over $200, like the chair.',
    });
    expect(proposed).toMatchObject({ ok: true });
    expect((await moved).text).toBe(
      '“the $800 chair” is now a proposed clause in the agreement, where you can shape it together. ' +
        'Let’s turn to “more time together on weekends”, which Ann brought.',
    );
    await expect.poll(async () => (await agendaOf(a)).current).toBe('t2');
    const agenda = await agendaOf(a);
    expect(agenda.topics.map((t: any) => t.status)).toEqual(['clause', 'open']);
  });
});
