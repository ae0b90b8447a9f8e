import { LocalFanout } from '../../server/agreement/fanout.js';
import { fanoutContract } from './fanout.contract.js';

fanoutContract('local', async () => ({ a: new LocalFanout(), b: new LocalFanout(), shared: false }));
