import { LocalFacilitator } from '../../server/facilitator/local.js';
import { facilitatorContract } from './facilitator.contract.js';

facilitatorContract('local', async () => new LocalFacilitator());
