/** English, the analyzer's default language: every English word the analyzer reads is in this folder. */
import type { Language } from '../types.js';
import { ADDRESS } from './address.js';
import { DISCLOSURE } from './disclosure.js';
import { LABEL_MODEL } from './labelModel.js';
import { MASK } from './mask.js';
import { NORMALIZE } from './normalize.js';
import { PROPORTION } from './proportion.js';
import { RULES } from './rules.js';
import { WORDS } from './wordclass.js';

export const english: Language = {
  code: 'en',
  address: ADDRESS,
  rules: RULES,
  mask: MASK,
  normalize: NORMALIZE,
  words: WORDS,
  labelModel: LABEL_MODEL,
  disclosure: DISCLOSURE,
  proportion: PROPORTION,
};
