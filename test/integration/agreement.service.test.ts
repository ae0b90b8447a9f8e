import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { LIMITS } from '../../shared/protocol.js';
import { createRoom, startHarness, type Harness } from './agreementHelpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
}

async function setup() {
  h = await startHarness();
  const { roomId, members } = await createRoom(h.store, ['host', 'participant', 'observer', 'mediator']);
  const [host, guest, observer, mediator] = members.map((m) => m.participantId);
  return { svc: h.svc, roomId, host, guest, observer, mediator, members };
}

describe('agreement service operations', () => {
  it('checks roles: host, participant and mediator propose; only parties accept and sign', async () => {
    const { svc, roomId, host, guest, observer, mediator } = await setup();
    const { clauseId } = await svc.propose(roomId, mediator, 'The mediator drafts this.');
    await svc.propose(roomId, guest, 'A participant drafts this.');
    expect(await codeOf(svc.propose(roomId, observer, 'No.'))).toBe('forbidden');
    expect(await codeOf(svc.propose(roomId, 'p_stranger', 'No.'))).toBe('forbidden');
    expect(await codeOf(svc.accept(roomId, clauseId, mediator))).toBe('forbidden');
    expect(await codeOf(svc.accept(roomId, clauseId, observer))).toBe('forbidden');
    expect(await codeOf(svc.sign(roomId, mediator))).toBe('forbidden');
    expect(await codeOf(svc.accept(roomId, 'cl_missing', host))).toBe('not_found');
    expect(await codeOf(svc.propose('room_missing', host, 'No.'))).toBe('not_found');
    expect(await codeOf(svc.snapshot('room_missing'))).toBe('not_found');
  });

  it('validates clause text', async () => {
    const { svc, roomId, host } = await setup();
    expect(await codeOf(svc.propose(roomId, host, '   '))).toBe('invalid_payload');
    expect(await codeOf(svc.propose(roomId, host, 'x'.repeat(LIMITS.clauseChars + 1)))).toBe('too_long');
    const { clauseId } = await svc.propose(roomId, host, '  Trimmed.  ');
    expect((await svc.snapshot(roomId)).clauses).toEqual([
      { id: clauseId, text: 'Trimmed.', proposedBy: host, status: 'proposed', acceptedBy: [] },
    ]);
  });

  it('runs the whole flow: agree, sign, new clause clears signatures, final, export', async () => {
    const { svc, roomId, host, guest } = await setup();
    expect(await codeOf(svc.sign(roomId, host))).toBe('not_allowed'); // empty
    const { clauseId: c1 } = await svc.propose(roomId, host, 'We take a break when asked.');
    await svc.accept(roomId, c1, host);
    expect(await codeOf(svc.sign(roomId, host))).toBe('not_allowed'); // not agreed by everyone
    expect(await svc.accept(roomId, c1, guest)).toEqual({ status: 'agreed' });
    expect(await svc.sign(roomId, host)).toEqual({ final: false });

    const { clauseId: c2 } = await svc.propose(roomId, guest, 'We check in weekly.');
    expect((await svc.snapshot(roomId)).signedBy).toEqual([]);
    await svc.accept(roomId, c2, host);
    await svc.accept(roomId, c2, guest);
    await svc.sign(roomId, host);
    expect(await svc.sign(roomId, guest)).toEqual({ final: true });
    expect(await codeOf(svc.sign(roomId, guest))).toBe('not_allowed');
    expect(await codeOf(svc.propose(roomId, host, 'Too late.'))).toBe('not_allowed');

    const snap = await svc.snapshot(roomId);
    expect(snap.final).toBe(true);
    expect(h!.changes.at(-1)).toEqual({ roomId, snapshot: snap });
    expect(h!.changes.length).toBeGreaterThanOrEqual(9);

    const names = { [host]: 'Alex', [guest]: 'Sam' };
    const md = await svc.exportMarkdown(roomId, 'Our agreement', names);
    expect(md).toContain('# Our agreement');
    expect(md).toContain('**Final**');
    expect(md).toContain('1. We take a break when asked.');
    expect(md).toMatch(/Accepted by:\n     - (Alex|Sam), \d{4}-/);
    expect(md).toContain('Proposed by: Sam');
    expect(md).toContain('## Signatures');
  });
});
