import type { Redis } from 'ioredis';

/** Every key of a Redis with its whole value as bytes, whatever its type (stream entries included). */
export async function everyKeyAndValue(redis: Redis): Promise<{ key: string; type: string; bytes: Buffer }[]> {
  const out: { key: string; type: string; bytes: Buffer }[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scanBuffer(cursor, 'COUNT', 1000);
    cursor = next.toString();
    for (const k of keys) {
      const key = k.toString('latin1');
      const type = await redis.type(k);
      let parts: Buffer[] = [];
      if (type === 'string') parts = [(await redis.getBuffer(k)) ?? Buffer.alloc(0)];
      else if (type === 'hash') {
        parts = Object.entries(await redis.hgetallBuffer(k)).flatMap(([f, v]) => [Buffer.from(f), v]);
      } else if (type === 'list') parts = await redis.lrangeBuffer(k, 0, -1);
      else if (type === 'set') parts = await redis.smembersBuffer(k);
      else if (type === 'zset') parts = await redis.zrangeBuffer(k, 0, -1);
      else if (type === 'stream') {
        const entries = (await redis.xrangeBuffer(k, '-', '+')) as [Buffer, Buffer[]][];
        parts = entries.flatMap(([id, fields]) => [id, ...fields]);
      } else parts = [Buffer.from(`<${type}>`)];
      out.push({ key, type, bytes: Buffer.concat([k, Buffer.from('\n'), ...parts]) });
    }
  } while (cursor !== '0');
  return out;
}

export interface Trace {
  key: string;
  type: string;
  needle: string;
}

/** The keys (with the needle found) whose name or value contains any of the needles, as UTF-8 bytes. */
export async function tracesOf(redis: Redis, needles: string[]): Promise<Trace[]> {
  const found: Trace[] = [];
  for (const { key, type, bytes } of await everyKeyAndValue(redis)) {
    for (const needle of needles) if (bytes.includes(Buffer.from(needle))) found.push({ key, type, needle });
  }
  return found;
}
