/** Tidying what an edit leaves: spaces, punctuation, orphan joints, "a"/"an", the sender's capitals. */

export function tidy(s: string): string {
  for (let i = 0; i < 3; i++) {
    const t = tidyOnce(s);
    if (t === s) break;
    s = t;
  }
  return s;
}

/** One-word sentences that are not a name: "Bye.", "Thanks.", "Seriously?" */
const NOT_A_NAME = new RegExp(
  String.raw`^(?:Bye|Thanks|Thank|Please|Sorry|Okay|Ok|Yes|No|Nope|Yeah|Yep|Cheers|Whatever|` +
    String.raw`Seriously|Really|Great|Fine|Done|Enough|Period|Again|Now|Ever|Never|Always|Why|` +
    String.raw`What|How|Right|Wow|Oh|Ugh|Lol|Congrats|Agreed|Exactly|Stop|Goodbye|Later|` +
    String.raw`Tomorrow|Today|Tonight)$`,
);

export function tidyOnce(s: string): string {
  s = s
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/([,;:])\s*(?=[.!?])/g, '')
    .replace(/^[\s,.;:!?-]+/, '')
    .replace(/([.!?])[\s,;:.!?]*(?=[.!?]|$)/g, '$1')
    .replace(/,\s*,/g, ',')
    // "on my card., Sam." (the words between were taken out)
    .replace(/([.!?])\s*,\s*/g, '$1 ')
    // "... on my card. Sam." : a name left alone at the end addresses the reader: "... on my card, Sam."
    .replace(/([A-Za-z0-9])[.!]\s+([A-Z][a-z]+)([.!?])$/, (m, end: string, name: string, stop: string) =>
      NOT_A_NAME.test(name) ? m : `${end}, ${name}${stop}`,
    )
    .replace(/[,;:\s]+$/, '')
    // a determiner or conjunction left with nothing after it
    .replace(
      /\b(?:a|an|the|such\s+an?|so|such|your|my|their|our|of|and|or|but|if|because|since|whether|than)\s*([.!?,;]|$)/gi,
      '$1',
    )
    .replace(/\b(?:a|an|the)\s+(and|or|but|to|of|is|are|was|were)\b/gi, '$1')
    .replace(/\b(and|or|but)\s+(and|or)\b/gi, '$1')
    .replace(/\b(a|an|the|my|your|his|their|our)\s+(?:and|or)\s+/gi, '$1 ')
    .replace(/([,;])\s*(and|or|but)\s*([.!?]|$)/gi, '$3')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/^[\s,.;:!?-]+/, '')
    .replace(/^(?:and|or|but|so)\s*[,.!?]?\s*$/i, '')
    .trim();
  // "a idea" -> "an idea", "an person" -> "a person" (only where an edit may have split them)
  s = s.replace(/\b([Aa])n?\s+(\w+)/g, (m, a: string, word: string) => {
    if (/^(?:one|once|uni|use|usu|eu|hour|honest|hon)/i.test(word)) return m;
    const vowel = /^[aeiou]/i.test(word);
    return `${a}${vowel ? 'n' : ''} ${word}`;
  });
  return s;
}

/** Shouting undone: a sentence mostly in capitals is written in normal case; repeated "!!" and "??" calmed. */
export function unshout(s: string): string {
  s = s.replace(/[^.!?\n]+[.!?\n]*/g, (sentence) => {
    const upper = sentence.match(/[A-Z]/g)?.length ?? 0;
    const letters = sentence.match(/[A-Za-z]/g)?.length ?? 0;
    if (letters >= 8 && upper / letters >= 0.7) {
      const lower = sentence
        .toLowerCase()
        .replace(/\bi\b/g, 'I')
        .replace(/\bi(['’])/g, 'I$1');
      return lower.replace(/[A-Za-z]/, (c) => c.toUpperCase());
    }
    // a shouted word of four letters or more in a calm sentence ("You NEVER pay")
    return sentence.replace(/\b[A-Z][A-Z'’]*[A-Z]\b/g, (m) => (m.length >= 4 ? m.toLowerCase() : m));
  });
  return s
    .replace(/!{2,}/g, '!')
    .replace(/[!?]{3,}/g, '?')
    .replace(/\?{2,}/g, '?')
    .replace(/(?:\s*[!?]\s*){2,}/g, (m) => (m.includes('?') ? '? ' : '! '));
}

/** The first letter as the sender wrote theirs: capitalised if they capitalised. */
export function caseLike(original: string, s: string): string {
  if (!s) return s;
  const o = original.trim().match(/[A-Za-z]/)?.[0];
  if (o && o === o.toUpperCase()) return s.charAt(0).toUpperCase() + s.slice(1);
  return s;
}

/** Deletes the given spans (offsets into `text`) and repairs what is left around them. */
export function deleteSpans(text: string, spans: { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let s = text;
  let lastStart = Infinity;
  for (const sp of sorted) {
    if (sp.end > lastStart) continue;
    s = s.slice(0, sp.start) + ' ' + s.slice(sp.end);
    lastStart = sp.start;
  }
  return caseLike(text, tidy(s));
}
