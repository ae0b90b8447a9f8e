import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/** What /metrics serves: a Prometheus registry (server/metrics.ts). */
export interface MetricsSource {
  registry: { contentType: string; metrics(): Promise<string> };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * GET /metrics. Counts are operational, yet they still tell someone watching that a hold or a
 * deletion happened, so they are for the operator only: off (404) unless METRICS_TOKEN is set,
 * and then only with `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function metricsRoute(metrics: MetricsSource, token: string | undefined) {
  const expected = token ? digest(token) : null;
  return async (req: Request, res: Response): Promise<void> => {
    if (!expected) {
      res.status(404).json({ error: { code: 'not_found', message: 'There is no such page.' } });
      return;
    }
    const given = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    // Compared as fixed-length digests, so the time taken says nothing about the token.
    if (!given || !timingSafeEqual(digest(given), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      const message = 'Metrics need the operator token (Authorization: Bearer ...).';
      res.status(401).json({ error: { code: 'unauthorized', message } });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
