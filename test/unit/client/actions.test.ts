import { describe, expect, it } from 'vitest';
import { ACTION_EVENTS, createActions, type Emit } from '../../../client/src/room/actions.js';

function recorder() {
  const sent: { event: string; payload: unknown }[] = [];
  const emit = ((event, payload) => {
    sent.push({ event, payload });
    return Promise.resolve({ ok: true, floor: { holder: null, queue: [] } });
  }) as Emit;
  return { sent, actions: createActions(emit) };
}

describe('room actions', () => {
  it('maps each action to one socket event, none twice', () => {
    const events = Object.values(ACTION_EVENTS);
    expect(new Set(events).size).toBe(events.length);
    expect(ACTION_EVENTS).toMatchObject({
      sendMessage: 'message:send',
      resolveHeld: 'message:resolve',
      requestFloor: 'floor:request',
      yieldFloor: 'floor:yield',
      grantFloor: 'floor:grant',
      confirmParaphrase: 'floor:confirm',
      setMode: 'room:mode',
      requestBreak: 'break:request',
      endBreak: 'break:end',
      sendPrep: 'prep:send',
      shareFromPrep: 'prep:share',
      propose: 'agreement:propose',
      accept: 'agreement:accept',
      sign: 'agreement:sign',
    });
  });

  it('emits the mapped event with the payload as given, and {} when an event needs none', async () => {
    const { sent, actions } = recorder();
    await actions.grantFloor({ participantId: 'p1' });
    await actions.confirmParaphrase({ accurate: false });
    await actions.requestFloor();
    await actions.endBreak();
    expect(sent).toEqual([
      { event: 'floor:grant', payload: { participantId: 'p1' } },
      { event: 'floor:confirm', payload: { accurate: false } },
      { event: 'floor:request', payload: {} },
      { event: 'break:end', payload: {} },
    ]);
  });

  it('builds one function per mapped action', () => {
    const { actions } = recorder();
    // That every ClientToServerEvents event is mapped is checked at compile time in actions.ts.
    expect(Object.keys(actions).sort()).toEqual(Object.keys(ACTION_EVENTS).sort());
  });

  it('rejects a wrong payload at compile time', () => {
    const { actions } = recorder();
    const typeOnly = () => {
      // @ts-expect-error the grant needs a participantId
      void actions.grantFloor({});
      // @ts-expect-error `accurate` is a boolean
      void actions.confirmParaphrase({ accurate: 'yes' });
      // @ts-expect-error not a turn mode
      void actions.setMode({ mode: 'shouting' });
      // @ts-expect-error a message needs its clientMsgId
      void actions.sendMessage({ text: 'hello' });
    };
    expect(typeof typeOnly).toBe('function');
  });

  it('resolves with the typed acknowledgement', async () => {
    const { actions } = recorder();
    const res = await actions.yieldFloor();
    expect(res.ok && res.floor.holder).toBe(null);
  });
});
