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
  readonly breaksStarted = new Counter({
    name: 'mediation_breaks_started_total',
    help: 'Breaks started, by a person, a mediator or the facilitator',
    registers: [this.registry],
  });
  readonly deliveredHeat = new Histogram({
    name: 'mediation_delivered_heat',
    help: 'Heat of each delivered message (held words never count; a mediator’s words count as 0)',
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    registers: [this.registry],
  });
  readonly secondsToFirstAgreed = new Histogram({
    name: 'mediation_seconds_to_first_agreed_clause',
    help: 'Seconds from the joint session opening to the first clause every party accepted',
    buckets: [60, 300, 600, 1200, 1800, 3600, 7200, 14400, 86400],
    registers: [this.registry],
  });
  readonly secondsToSigning = new Histogram({
    name: 'mediation_seconds_to_signing',
    help: 'Seconds from the joint session opening to the agreement signed by everyone',
    buckets: [60, 300, 600, 1200, 1800, 3600, 7200, 14400, 86400],
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
