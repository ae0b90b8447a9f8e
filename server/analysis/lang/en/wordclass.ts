/**
 * Word classes for the linear model: a word found in the insult or profanity lists adds a shared
 * "insult" / "profanity" feature (and one for the word before it: "you" + insult), so that what the
 * model learns from common insults carries over to rare ones it has hardly seen ("dotard", "twit").
 */
import { WORD_CLASS, type WordClasses } from '../types.js';
import { INSULT_WORDS, PROFANITY_MILD, PROFANITY_STRONG, STOPWORDS, phrases } from './lexicon.js';

const { insult: C_INSULT, strong: C_STRONG, mild: C_MILD, insultExtra: C_INSULT_EXTRA } = WORD_CLASS;

const INSULT_RE = new RegExp(`^(?:${phrases(INSULT_WORDS)})$`, 'i');
const STRONG_RE = new RegExp(`^(?:${phrases(PROFANITY_STRONG)})$`, 'i');
const MILD_RE = new RegExp(`^(?:${phrases(PROFANITY_MILD)})$`, 'i');

/** Insults and contemptuous words beyond the rules' list (the rules keep theirs short to point at words reliably). */
export const MORE_INSULTS = new Set(
  `
  dotard dotards buffoon buffoons twit twits scumbag scumbags crybaby crybabies dork dorks traitor traitors
  bigot bigots bigoted racist racists hypocrite hypocrites hypocritical sociopath sociopaths inane inept
  imbecile imbeciles nincompoop dolt dolts dunce oaf oafs halfwit nitwit dimwit dimwits dumbass dumbasses bozo
  bozos clown clowns jackass jackasses douche douchebag douchebags asshat asshats dipshit dipshits numpty
  plonker prat prats tosser tossers wanker wankers muppet muppets cretin cretins scoundrel scoundrels thug thugs
  criminal criminals crook crooks crooked lowlife lowlifes degenerate degenerates deplorable deplorables
  snowflake snowflakes libtard libtards retard retards retarded trumptard trumptards moonbat moonbats wingnut
  wingnuts nutjob nutjobs nutter loon loons loony lunatic lunatics maniac maniacs psychopath psychopaths
  demented deranged delusional senile brainwashed sheep sheeple ignoramus ignoramuses simpleton simpletons troll
  trolls trolling idiocy stupidity moronic imbecilic asinine inanity drivel garbage rubbish nonsense hogwash
  twaddle blather bleating whining whiner whiners whiny sissy wimp wimps coward cowards cowardly spineless
  gutless weasel weasels rat rats vermin parasite parasites leech leeches pig pigs swine slob slobs scum filth
  filthy vile disgusting repulsive revolting despicable contemptible pathetic worthless useless hopeless
  clueless brainless mindless witless gormless dense thick dopey dopes dope goon goons stooge stooges shill
  shills hack hacks fraud frauds charlatan charlatans liar liars dishonest idiotic ridiculous ludicrous absurd
  laughable pitiful lame dumb dumber dumbest stupider stupidest idiots morons losers fools foolish jerk jerks
  creep creeps freak freaks freakish weirdo weirdos perv pervert perverts hag hags witch bitchy whore whores
  slut sluts skank skanks tramp harlot hussy bimbo bimbos airhead airheads blowhard blowhards windbag windbags
  gasbag bigmouth loudmouth smug arrogant pompous narcissist narcissists narcissistic egomaniac megalomaniac
  tyrant tyrants dictator fascist fascists nazi nazis commie commies pinko bastard bastards scumbucket dirtbag
  dirtbags sleazebag sleazebags sleazy slimeball slimeballs slimy scuzzy cockroach cockroaches bullies bullying
  uncouth rude unhinged despot despots madman madmen excrement crude vulgar disgrace disgraceful shameful
  shameless incompetent incompetence ineptitude ignorance ignorant buffoonery clownish cartoonish juvenile
  childish immature infantile petulant spoiled entitled bratty brat brats scumbaggery sleaze sleazeball creepy
  wretched nasty hateful spiteful vicious malicious evil wicked sicko sickos twisted perverted depraved sadistic
  psycho psychos insane crazy crazies nutcase nutcases moron stupid stupidly fool foolishness assholes bitches
  crap crappy shitty sucks pos dumbo dingbat dingbats knucklehead knuckleheads bonehead boneheads meathead
  meatheads pinhead pinheads blockhead chump chumps sucker suckers dupe dupes patsy lackey lackeys toady
  bootlicker bootlickers sycophant sycophants minion minions puppet puppets hypocrisy fake phony phoney
  fraudulent deceitful treasonous treason traitorous seditious terrorist terrorists savages savage barbaric
  barbarians monsters monster demon demons hitler stalin uneducated illiterate primitive inbred redneck rednecks
  hillbilly hillbillies neanderthal neanderthals caveman cavemen
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Keyed by single words, bounded; cleared with every room deletion (forgetAnalyses). */
const cache = new Map<string, number>();

export function clearWordClasses(): void {
  cache.clear();
}

/** How many of `text`'s words are cached (tests). */
export function wordClassesCached(text: string): number {
  return (text.toLowerCase().match(/[a-z']+/g) ?? []).filter((w) => cache.has(w)).length;
}

/** Class flags of one lower-cased, punctuation-free word (0 for most words). */
export function wordClass(word: string): number {
  let c = cache.get(word);
  if (c === undefined) {
    c =
      (INSULT_RE.test(word) ? C_INSULT : 0) |
      (STRONG_RE.test(word) ? C_STRONG : 0) |
      (MILD_RE.test(word) ? C_MILD : 0) |
      (MORE_INSULTS.has(word) ? C_INSULT_EXTRA : 0);
    if (cache.size > 100_000) cache.clear();
    cache.set(word, c);
  }
  return c;
}

/** a swear word: a model span on it is labelled profanity, else insult (spans.ts) */
const PROFANE_RE = new RegExp(
  [
    "(?<![\\w'’])(?:f+u+c+k+\\w*|shit\\w*|bitch\\w*|bastard\\w*|ass\\w*|damn\\w*|crap\\w*|cunt\\w*|dick\\w*|piss\\w*|",
    "whore\\w*|slut\\w*|hoes?|nigg\\w*|fag\\w*|wtf|stfu|hell)(?![\\w'’])",
  ].join(''),
  'i',
);

export const WORDS: WordClasses = {
  classOf: wordClass,
  clear: clearWordClasses,
  cachedIn: wordClassesCached,
  stopwords: STOPWORDS,
  profane: PROFANE_RE,
};
