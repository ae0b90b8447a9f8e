/**
 * Word lists for the rewriter (rewrite.ts), kept apart from the classifier's lexicon. Choices follow
 * what people do when they rewrite a rude sentence politely (word alignments on the ParaDetox train
 * split): intensifying swear words and insulting adjectives are mostly just dropped, insulting nouns
 * after "a"/"the" become "person"/"people", "give a fuck" becomes "care", "fucked up" "messed up".
 */

/** Insulting nouns (singular): "a/the X" -> "a/the person", bare ("you X", "X!") -> dropped. */
export const INSULT_NOUNS = [
  'idiot', 'moron', 'imbecile', 'loser', 'fool', 'jerk', 'clown', 'bastard', 'asshole', 'arsehole', 'scumbag', 'dickhead',
  'prick', 'twat', 'douche', 'douchebag', 'jackass', 'dumbass', 'cretin', 'buffoon', 'creep', 'freak', 'weirdo',
  'psycho', 'lunatic', 'bitch', 'dimwit', 'halfwit', 'nitwit', 'dolt', 'dunce', 'numbskull', 'bonehead',
  'knucklehead', 'ignoramus', 'retard', 'cunt', 'wanker', 'tosser', 'motherfucker', 'fucker', 'fuckwit', 'dipshit',
  'shithead', 'shitbag', 'asswipe', 'dumbfuck', 'fuckface', 'scum', 'hag', 'skank', 'whore', 'slut', 'hoe', 'nigga', 'nigger',
  'faggot', 'fag', 'dick', 'pussy', 'cocksucker', 'nutjob', 'nutcase', 'sicko', 'pervert', 'airhead', 'bimbo',
  'sleazebag', 'lowlife', 'sucker',
];

/** Nouns that insult only when aimed at the reader ("you pig"); elsewhere they are often literal. */
export const YOU_NOUNS = ['pig', 'cow', 'rat', 'snake', 'weasel', 'maggot', 'troll', 'dog', 'animal', 'witch', 'slob', 'parasite', 'liar', 'coward', 'hypocrite', 'narcissist', 'deadbeat', 'nobody', 'failure', 'nag'];

/** Adjectives that only insult: dropped before a noun; after "is"/"are" softened (SOFT). */
export const STRONG_ADJ = [
  'stupid', 'stupidest', 'dumb', 'dumbest', 'idiotic', 'moronic', 'retarded', 'brainless', 'asinine', 'imbecilic',
  'cretinous', 'dimwitted', 'halfwitted', 'braindead', 'brain-dead', 'stupidly', 'idiotically', 'shitty', 'crappy',
];

/**
 * Harsh adjectives that people rewriting politely often keep ("his ignorant remarks"): kept in the
 * minimal edit, softened (SOFT) or taken out only when the analyzer still holds the edit.
 */
export const MILD_ADJ = [
  'ignorant', 'pathetic', 'ridiculous', 'absurd', 'ludicrous', 'foolish', 'silly', 'disgusting', 'vile', 'despicable',
  'worthless', 'useless', 'clueless', 'spineless', 'gutless', 'mindless', 'scummy', 'sleazy', 'slimy', 'lousy', 'pitiful',
  'deranged', 'demented', 'delusional', 'incompetent', 'incompetant', 'obnoxious', 'nutty', 'goofy', 'loony', 'dopey',
  'hypocritical', 'fat', 'ugly', 'lazy', 'selfish', 'crazy', 'insane',
];

/** Gentler words for a harsh adjective, where a sentence needs one ("that is stupid" -> "that is not smart"). */
export const SOFT: Record<string, string> = {
  stupid: 'not smart', dumb: 'not smart', idiotic: 'not smart', moronic: 'not smart', retarded: 'not smart',
  brainless: 'not smart', asinine: 'not smart', imbecilic: 'not smart', dimwitted: 'not smart', braindead: 'not smart',
  stupidest: 'worst', dumbest: 'worst', shitty: 'bad', crappy: 'bad',
  ignorant: 'uninformed', pathetic: 'disappointing', ridiculous: 'unreasonable', absurd: 'unreasonable', ludicrous: 'unreasonable',
  foolish: 'unwise', silly: 'unwise', disgusting: 'unpleasant', vile: 'unpleasant', despicable: 'unpleasant',
  obnoxious: 'unpleasant', worthless: 'not useful', useless: 'not useful', clueless: 'unaware', incompetent: 'not competent',
  incompetant: 'not competent', delusional: 'mistaken', hypocritical: 'inconsistent', crazy: 'unreasonable',
  insane: 'unreasonable', lousy: 'poor', pitiful: 'disappointing', sick: 'unwell', sickening: 'upsetting', gross: 'unpleasant',
  horrible: 'bad', hell: 'heck', screwed: 'in trouble', terrible: 'bad', awful: 'bad', disgrace: 'shame', hypocrisy: 'inconsistency', idiocy: 'mistake',
  stupidity: 'ignorance', lying: 'not truthful', liars: 'people who lie', liar: 'person who lies', nasty: 'unpleasant',
};

/** Swear words used only to intensify: dropped wherever they are. */
export const INTENSIFIERS = [
  "f+u+c+k+in['’]", 'f+u+c+k+(?:ing|in|en|kn|s)?', 'fckin\\w*', 'fkn', 'fking', 'fuk(?:in|ing|kin|king)', 'freaking', 'friggin\\w*', 'frickin\\w*', 'effing',
  'motherfucking', 'motherfuckin', 'goddamn\\w*', 'god\\s+damn\\w*', 'damn(?:ed|n)?', 'dammit', 'bloody', 'fucking\\s+well',
];

/** Slurs: dropped (a noun after "a"/"the" becomes "person"/"people"). */
export const SLURS = ['nigg\\w*', 'fag', 'fags', 'faggot\\w*', 'retards', 'tranny', 'trannies', 'chink\\w*', 'spic\\w*', 'kike\\w*', 'dyke\\w*'];

/** Texting forms written out in full (people rewriting a message do this, and it reads calmer). */
export const TEXTING: [string, string][] = [
  ['u', 'you'], ['ur', 'your'], ['im', "I'm"], ['dont', "don't"], ['cant', "can't"], ['wont', "won't"],
  ['doesnt', "doesn't"], ['didnt', "didn't"], ['isnt', "isn't"], ['arent', "aren't"], ['wasnt', "wasn't"],
  ['werent', "weren't"], ['havent', "haven't"], ['hasnt', "hasn't"], ['couldnt', "couldn't"], ['wouldnt', "wouldn't"],
  ['shouldnt', "shouldn't"], ['thats', "that's"], ['youre', "you're"], ['theyre', "they're"], ['ive', "I've"],
  ['hes', "he's"], ['shes', "she's"], ['whats', "what's"], ['dnt', "don't"],
];

/** Function words: never worth deleting, and never marked as what makes a sentence hot. */
export { STOPWORDS } from '../../analysis/lexicon.js';
