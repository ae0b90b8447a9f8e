import { afterAll, beforeAll } from 'vitest';
import { useSafetyModel } from '../../server/analysis/model/safety.js';

/**
 * For a file that tests the rules stage (what each rule knows, sentence by sentence): the safety model,
 * which has the last word in analyze(), is set aside while it runs. The whole analyzer, model included,
 * is tested in safetyModel.test.ts and by the integration tests.
 */
export function rulesAlone(): void {
  beforeAll(() => useSafetyModel(null));
  afterAll(() => useSafetyModel(undefined));
}
