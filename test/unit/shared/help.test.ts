import { describe, expect, it } from 'vitest';
import { GLOBAL_HELP, helpFor } from '../../../shared/help.js';

const local = { name: 'Local line', url: 'https://line.example.org', phone: '0800 000' };

describe('helpFor', () => {
  it('is the global directory when nothing is configured', () => {
    expect(helpFor(undefined)).toEqual([GLOBAL_HELP]);
    expect(helpFor({})).toEqual([GLOBAL_HELP]);
  });

  it('never shows only one country’s numbers: the global directory is added', () => {
    expect(helpFor({ en: [local] })).toEqual([local, GLOBAL_HELP]);
  });

  it('is not repeated when the list has it already', () => {
    const own = { name: 'Find a helpline', url: 'https://findahelpline.com/' };
    expect(helpFor({ en: [own] })).toEqual([own]);
  });

  it('picks the language, then English, then the first listed', () => {
    const fr = { name: 'Ligne', url: 'https://ligne.example.fr' };
    expect(helpFor({ en: [local], fr: [fr] }, 'fr')[0]).toEqual(fr);
    expect(helpFor({ en: [local], fr: [fr] }, 'de')[0]).toEqual(local);
    expect(helpFor({ fr: [fr] }, 'de')[0]).toEqual(fr);
  });
});
