/**
 * The facilitator's per-message policy work (afterDelivered) and, when it decides to, the local engine's
 * reflection or acknowledgement, per delivered message, in rooms of three about nine messages old (as in
 * test/bench/cpuPerMessage.ts), for each tree given, in interleaved rounds:
 *   npx tsx test/bench/policies.bench.ts /path/to/before /path/to/after
 */
import path from 'node:path';
import { CALM } from './calmMessages.js';
const trees = process.argv.slice(2);
const sides = [];
for (const t of trees) {
  const imp = (p: string) => import(path.resolve(t, p));
  const { afterDelivered } = await imp('server/rooms/policies/facilitation.ts');
  const { LocalFacilitator } = await imp('server/facilitator/local.ts');
  const refl = await imp('server/rooms/policies/reflection.ts');
  const { roomWith } = await imp('test/helpers/roomFixture.ts');
  sides.push({ t, afterDelivered, engine: new LocalFacilitator(), heardIn: refl.heardIn, roomWith });
}
const ctx = { kind: 'family', title: 't', names: { a: 'Ann', b: 'Ben', c: 'Cat' }, parties: ['a', 'b', 'c'] };
async function run(s: any, n: number) {
  let room = s.roomWith([
    ['a', 'host'],
    ['b', 'participant'],
    ['c', 'participant'],
  ]);
  room.heat = 0.05;
  let acts = 0;
  const t0 = process.hrtime.bigint();
  const fresh = room;
  for (let i = 0; i < n; i++) {
    // rooms of the load bench are young: about nine messages each
    if (i % 9 === 0) room = fresh;
    const speaker = ['a', 'b', 'c'][i % 3];
    const text = CALM[(i * 7) % CALM.length] + (i % 2 ? '' : ' ');
    const out = s.afterDelivered(room, speaker, text, { held: false, labels: [] });
    room = {
      ...room,
      listening: out.listening,
      recentSpeakers: out.recentSpeakers,
      sinceNudge: out.sinceNudge,
      quietFor: out.quietFor,
      invited: out.invited,
      ...out.offerCounters,
    };
    for (const a of out.actions) {
      if (a.kind === 'reflect') {
        acts++;
        await s.engine.reflect(ctx, a.speaker, a.text, s.heardIn?.(a));
      }
      if (a.kind === 'acknowledge') {
        acts++;
        await s.engine.acknowledge(ctx, a.speaker, a.text, s.heardIn?.(a));
      }
    }
  }
  return { us: Number(process.hrtime.bigint() - t0) / 1e3 / n, acts: acts / n };
}
for (const s of sides) await run(s, 2000);
const res: Record<string, number[]> = {};
for (let r = 0; r < 6; r++)
  for (const s of r % 2 ? [...sides].reverse() : sides) {
    const { us, acts } = await run(s, 5000);
    (res[s.t] ??= []).push(us);
    if (r === 0) console.log(s.t, 'actions said back per message', acts.toFixed(3));
  }
for (const [t, v] of Object.entries(res))
  console.log(
    t,
    'us per message',
    v.map((x) => x.toFixed(1)).join(' '),
    'median',
    [...v].sort((a, b) => a - b)[3].toFixed(1),
  );
