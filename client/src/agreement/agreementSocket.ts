import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/**
 * Resolves a fresh single-use ticket for the /yjs URL, or null when none can be had and trying
 * again will not help (the token no longer works, the room is gone).
 */
export type FetchTicket = () => Promise<string | null>;

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>;

/** The agreement endpoint for a page: same host, ws or wss to match the page. */
export function agreementServerUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/yjs`;
}

/** The URL parameters of one connection attempt: the ticket, never the token. */
export function ticketParams(ticket: string): Record<string, string> {
  return { ticket };
}

/** How long to wait before a ticket fetch that failed is tried again (the provider's own backoff). */
const backoff = (attempts: number, max: number) => Math.min(2 ** attempts * 100, max);

/**
 * A y-websocket provider that connects with a fresh single-use ticket every time: the first
 * connection and every reconnect. y-websocket reconnects by itself with the URL it has, whose
 * ticket is spent by then, so its own reconnect is turned off and this one fetches a ticket first.
 */
export class TicketedProvider extends WebsocketProvider {
  private wanted = false;
  private fetching = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    serverUrl: string,
    roomId: string,
    doc: Y.Doc,
    private readonly fetchTicket: FetchTicket,
    opts: Omit<ProviderOptions, 'connect' | 'params'> & { connect?: boolean } = {},
  ) {
    super(serverUrl, roomId, doc, { ...opts, connect: false, params: {} });
    this.on('connection-close', (event) => this.onClosed(event));
    if (opts.connect !== false) this.connect();
  }

  override connect(): void {
    this.wanted = true;
    void this.connectWithTicket();
  }

  override disconnect(): void {
    this.wanted = false;
    clearTimeout(this.retry);
    super.disconnect();
  }

  private async connectWithTicket(): Promise<void> {
    if (this.fetching || this.ws !== null) return;
    this.fetching = true;
    let ticket: string | null;
    try {
      ticket = await this.fetchTicket();
    } catch {
      // A network failure or a busy server: try again later, as y-websocket would.
      this.fetching = false;
      this.schedule();
      return;
    }
    this.fetching = false;
    if (!this.wanted) return;
    if (ticket === null) {
      this.wanted = false;
      this.emit('closed', [{ code: 4401, reason: 'no ticket' }, this]);
      return;
    }
    this.params = ticketParams(ticket);
    super.connect();
  }

  private schedule(): void {
    if (!this.wanted) return;
    clearTimeout(this.retry);
    const wait = backoff(this.wsUnsuccessfulReconnects + 1, this.maxBackoffTime);
    this.retry = setTimeout(() => void this.connectWithTicket(), wait);
  }

  /** Runs before y-websocket schedules its reconnect with the spent ticket. */
  private onClosed(event: CloseEvent | null): void {
    if (!this.wanted || !this.shouldConnect) return;
    // A close the server meant as final (4400-4499) stays final; y-websocket reports it as 'closed'.
    if (event && !this.shouldReconnect(event, this)) {
      this.wanted = false;
      return;
    }
    this.shouldConnect = false;
    this.schedule();
  }
}
