/** socket.io room names: everyone in a mediation room, and one person's own sockets. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
export const personChannel = (roomId: string, participantId: string) => `person:${roomId}:${participantId}`;
