import { describe, expect, it } from 'vitest';
import { call, couple, next, useServer } from '../helpers/server.js';

const server = useServer();

/** The facilitator's entries of these kinds in everyone's shared history. */
async function said(client: Parameters<typeof call>[0], kinds: string[]): Promise<any[]> {
  const history = await call(client, 'history', { sinceSeq: 0 });
  return history.messages.filter((m: any) => m.type === 'facilitator' && kinds.includes(m.kind));
}

describe('the facilitator that listens, in a real room', () => {
  it('reflects a feeling back by name in the person’s words, and acknowledges an apology', async () => {
    const { a, b } = await couple(server().url);
    const reflection = next(b, 'facilitator', (f: any) => f.kind === 'reflection');
    const text = 'I felt invisible at the party, and being included matters to me.';
    expect(await call(a, 'message:send', { clientMsgId: 'a1', text })).toMatchObject({ ok: true, status: 'delivered' });
    expect((await reflection).text).toBe(
      'Ann, it sounds like you felt invisible at the party, and being included matters to you.',
    );

    const acknowledgement = next(a, 'facilitator', (f: any) => f.kind === 'acknowledgement');
    await call(b, 'message:send', { clientMsgId: 'b1', text: "I'm sorry I wasn't there. I felt awful about it." });
    expect((await acknowledgement).text).toBe('Thank you, Ben. Saying you’re sorry you weren’t there takes courage.');

    // Each came once, right after the message it answers, in the shared log.
    const history = (await call(a, 'history', { sinceSeq: 0 })).messages;
    // The agenda also hears each person's first words: its reading-out is not what this test is about.
    const kinds = history
      .filter((m: any) => m.kind !== 'welcome' && m.kind !== 'agenda')
      .map((m: any) => m.kind ?? m.from);
    expect(kinds).toHaveLength(4);
    expect(kinds[1]).toBe('reflection');
    expect(kinds[3]).toBe('acknowledgement');
  });

  it('says nothing back after a run of plain messages', async () => {
    const { a, b } = await couple(server().url);
    const lines = [
      'The bill came on Tuesday.',
      'I saw it on the table.',
      'It was higher than last month.',
      'The heating was on more in January.',
      'We can look at it on Sunday.',
      'Sunday works.',
    ];
    for (const [i, text] of lines.entries()) await call(i % 2 ? b : a, 'message:send', { clientMsgId: `p${i}`, text });
    expect(await said(a, ['reflection', 'acknowledgement'])).toEqual([]);
  });

  it('never reflects a message that was held and then sent as written', async () => {
    const { a, b } = await couple(server().url);
    const held = await call(a, 'message:send', {
      clientMsgId: 'h1',
      text: 'I feel hurt because you are a useless selfish idiot.',
    });
    expect(held).toMatchObject({ ok: true, status: 'held' });
    expect(await call(a, 'message:resolve', { clientMsgId: 'h1', action: 'original' })).toMatchObject({
      status: 'delivered',
    });
    expect(await said(b, ['reflection', 'acknowledgement'])).toEqual([]);
  });
});
