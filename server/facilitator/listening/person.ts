/**
 * Saying a person's words back to them: "I" becomes "you", and "you" (the other person they spoke to)
 * becomes that person's name, with the verbs that change with it ("you are" -> "Sam is"). When the
 * other person is not one named person (a group), words about "you" cannot be said back safely: null.
 */

const OTHER = '\uE000';

/** "you" and its forms, said to the other person, as placeholders. */
const OTHER_FORMS: [RegExp, string][] = [
  [/\byou(?:'re| are)\b/gi, `${OTHER} is`],
  [/\byou were\b/gi, `${OTHER} was`],
  [/\byou weren't\b/gi, `${OTHER} wasn't`],
  [/\byou(?:'ve| have)\b/gi, `${OTHER} has`],
  [/\byou don't\b/gi, `${OTHER} doesn't`],
  [/\byou do\b/gi, `${OTHER} does`],
  [/\byours\b/gi, `${OTHER}'s`],
  [/\byourself\b/gi, `${OTHER}`],
  [/\byour\b/gi, `${OTHER}'s`],
  [/\byou\b/gi, OTHER],
];

/** The writer's own words, turned to the second person. */
const OWN_FORMS: [RegExp, string][] = [
  [/\bi'm\b|\bim\b|\bi am\b/gi, 'you are'],
  [/\bi was\b/gi, 'you were'],
  [/\bi wasn't\b/gi, "you weren't"],
  [/\bi've\b/gi, 'you have'],
  [/\bi'd\b/gi, 'you would'],
  [/\bi'll\b/gi, 'you will'],
  [/\bI\b|\bi\b/g, 'you'],
  [/\bme\b/gi, 'you'],
  [/\bmyself\b/gi, 'yourself'],
  [/\bmine\b/gi, 'yours'],
  [/\bmy\b/gi, 'your'],
  [/\bwe're\b/gi, 'you are'],
  [/\bwe\b/gi, 'you'],
  [/\bus\b/gi, 'you'],
  [/\bour\b/gi, 'your'],
  [/\bours\b/gi, 'yours'],
  [/\bourselves\b/gi, 'yourselves'],
];

/**
 * `phrase` (written by one person) as the facilitator says it back to them. `other` names the one other
 * person "you" meant; null (a group) makes any "you" unsayable, and the answer is null.
 */
export function toSecondPerson(phrase: string, other: string | null): string | null {
  let text = phrase.replace(/[’‘]/g, "'");
  for (const [re, to] of OTHER_FORMS) text = text.replace(re, to);
  if (text.includes(OTHER) && other === null) return null;
  for (const [re, to] of OWN_FORMS) text = text.replace(re, to);
  return text.replaceAll(OTHER, other ?? '');
}
