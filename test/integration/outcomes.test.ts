import { describe, expect, it } from 'vitest';
import { call, connect, createRoom, http, useServer } from '../helpers/server.js';

const METRICS_TOKEN = 'metrics-token-for-outcomes';
const server = useServer({ metricsToken: METRICS_TOKEN });

const outcome = (metrics: string, name: string): number =>
  Number(new RegExp(`mediation_held_outcomes_total\\{outcome="${name}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);

describe('what people do with a held message is counted', () => {
  it('a suggestion taken, an edit sent, the original sent, and a message let go, each once', async () => {
    const host = await createRoom(server().url);
    const a = await connect(server().url, host.token);
    const hold = async (clientMsgId: string) => {
      const held = await call(a, 'message:send', {
        clientMsgId,
        text: 'You never help with the dishes, you lazy slob.',
      });
      expect(held).toMatchObject({ ok: true, status: 'held' });
      return held;
    };
    const first = await hold('h1');
    expect(first.review.suggestions.length).toBeGreaterThan(0);
    expect(await call(a, 'message:resolve', { clientMsgId: 'h1', action: 'suggestion', index: 0 })).toMatchObject({
      status: 'delivered',
    });
    await hold('h2');
    const edit = { clientMsgId: 'h2', action: 'edit', text: 'I would like more help with the dishes.' };
    expect(await call(a, 'message:resolve', edit)).toMatchObject({ status: 'delivered' });
    await hold('h3');
    expect(await call(a, 'message:resolve', { clientMsgId: 'h3', action: 'original' })).toMatchObject({
      status: 'delivered',
    });
    await hold('h4');
    expect(await call(a, 'message:resolve', { clientMsgId: 'h4', action: 'discard' })).toMatchObject({
      status: 'discarded',
    });
    // A retried resolve is answered as the first one was, and not counted twice.
    await call(a, 'message:resolve', { clientMsgId: 'h1', action: 'suggestion', index: 0 });

    const metrics = (await http(server().url, 'GET', '/metrics', undefined, METRICS_TOKEN)).text;
    expect(outcome(metrics, 'suggestion')).toBe(1);
    expect(outcome(metrics, 'edited')).toBe(1);
    expect(outcome(metrics, 'original')).toBe(1);
    expect(outcome(metrics, 'discarded')).toBe(1);
  });
});
