/** English, the analyzer's default language. */
import type { Language } from '../types.js';
import { ADDRESS } from './address.js';

export const english: Language = { code: 'en', address: ADDRESS };
