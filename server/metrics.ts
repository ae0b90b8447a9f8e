import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The service's Prometheus metrics; one registry per app so tests can run several apps. */
export class Metrics {
  readonly registry = new Registry();
  readonly roomsCreated = new Counter({
    name: 'mediation_rooms_created_total',
    help: 'Rooms created',
    registers: [this.registry],
  });
  readonly roomsDeleted = new Counter({
    name: 'mediation_rooms_deleted_total',
    help: 'Rooms deleted by a host or expired',
    registers: [this.registry],
  });
  readonly messagesDelivered = new Counter({
    name: 'mediation_messages_delivered_total',
    help: 'Messages delivered to a room',
    registers: [this.registry],
  });
  readonly messagesHeld = new Counter({
    name: 'mediation_messages_held_total',
    help: 'Messages held for the sender to review',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly heldOutcomes = new Counter({
    name: 'mediation_held_outcomes_total',
    help: 'Held messages by what their sender did: sent a suggestion, an edit, the original, or discarded it',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly facilitatorFallbacks = new Counter({
    name: 'mediation_facilitator_fallbacks_total',
    help: 'Facilitator calls that fell back to the local engine',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly analyzerSeconds = new Histogram({
    name: 'mediation_analyzer_seconds',
    help: 'Time to analyse one message',
    buckets: [0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.005, 0.02],
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'mediation_requests_rejected_total',
    help: 'Requests refused, by error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(sources: { rooms: () => number; connections: () => number; docs: () => number }) {
    new Gauge({
      name: 'mediation_rooms_active',
      help: 'Rooms with at least one connected person',
      registers: [this.registry],
      collect() {
        this.set(sources.rooms());
      },
    });
    new Gauge({
      name: 'mediation_connections',
      help: 'Open socket.io connections',
      registers: [this.registry],
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: 'mediation_agreement_docs_loaded',
      help: 'Agreement documents in memory',
      registers: [this.registry],
      collect() {
        this.set(sources.docs());
      },
    });
  }
}
