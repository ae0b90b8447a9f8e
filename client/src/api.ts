import type { AgreementRecord } from '../../shared/agreementRecord.js';
import type { Transcript } from '../../shared/transcript.js';
import type {
  ApiError,
  CreateInviteResponse,
  CreateRoomBody,
  CreateRoomResponse,
  InvitePreview,
  InviteRole,
  JoinResponse,
  RoomView,
  YjsTicketResponse,
} from '../../shared/protocol.js';

/** An HTTP failure with the server's code and its (already kind) message. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'] | 'network',
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

async function request<T>(
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; text?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  } catch {
    throw new ApiFailure('network', 'We could not reach the server. Please check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: ApiError } | null;
    throw new ApiFailure(
      body?.error?.code ?? 'internal',
      body?.error?.message ?? 'Something went wrong on our side. Please try again.',
      res.status,
    );
  }
  return (opts.text ? await res.text() : await res.json()) as T;
}

const room = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

export const api = {
  createRoom: (body: CreateRoomBody) => request<CreateRoomResponse>('POST', '/api/rooms', { body }),
  createInvite: (roomId: string, token: string, role: InviteRole) =>
    request<CreateInviteResponse>('POST', `${room(roomId)}/invites`, { body: { role }, token }),
  revokeInvite: (roomId: string, token: string, inviteId: string) =>
    request<void>('DELETE', `${room(roomId)}/invites/${encodeURIComponent(inviteId)}`, { token }),
  /** Host or mediator: someone out of the room for good (their key stops working). */
  removeFromRoom: (roomId: string, token: string, participantId: string) =>
    request<void>('DELETE', `${room(roomId)}/participants/${encodeURIComponent(participantId)}`, { token }),
  leave: (roomId: string, token: string) => request<void>('POST', `${room(roomId)}/leave`, { token }),
  join: (roomId: string, inviteCode: string, name: string) =>
    request<JoinResponse>('POST', `${room(roomId)}/join`, { body: { inviteCode, name } }),
  yjsTicket: (roomId: string, token: string) =>
    request<YjsTicketResponse>('POST', `${room(roomId)}/yjs-ticket`, { token }),
  getRoom: (roomId: string, token: string) => request<RoomView>('GET', room(roomId), { token }),
  agreementRecord: (roomId: string, token: string) =>
    request<AgreementRecord>('GET', `${room(roomId)}/agreement`, { token }),
  agreementMarkdown: (roomId: string, token: string) =>
    request<string>('GET', `${room(roomId)}/agreement.md`, { token, text: true }),
  deleteRoom: (roomId: string, token: string) => request<void>('DELETE', room(roomId), { token }),
  invitePreview: (roomId: string, inviteCode: string) =>
    request<InvitePreview>('POST', `${room(roomId)}/invite-preview`, { body: { inviteCode } }),
  transcript: (roomId: string, token: string) => request<Transcript>('GET', `${room(roomId)}/transcript`, { token }),
  announceDeletion: (roomId: string, token: string) =>
    request<{ deletableAt: number }>('POST', `${room(roomId)}/deletion`, { token }),
  cancelDeletion: (roomId: string, token: string) => request<void>('DELETE', `${room(roomId)}/deletion`, { token }),
};

export function inviteLink(roomId: string, inviteCode: string): string {
  return `${location.origin}/join/${encodeURIComponent(roomId)}?code=${encodeURIComponent(inviteCode)}`;
}
