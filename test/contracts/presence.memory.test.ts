import { MemoryPresence } from '../../server/realtime/presence.js';
import { presenceContract } from './presence.contract.js';

presenceContract('memory', async () => new MemoryPresence());
