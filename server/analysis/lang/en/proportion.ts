/** English: the words that keep the analyzer proportionate (proportion.ts reads these). */
import type { ProportionPatterns } from '../types.js';

const TRIVIAL =
  'leftovers|pizza|chips|crisps|biscuits?|cookies|tim tams?|chocolate|yoghurt|yogurt|cake|beer|wine|snacks?|' +
  'sandwich|last slice|fries|coffee|tea|milk|charger|razor|remote|hoodie|jumper|finale|the ending|spoilers?|series|' +
  'episode|season|match score|song|pun|jokes?|playlist|password|mug|ice cream|noodles';

const SITUATION =
  'day|days|week|weeks|month|year|morning|night|weekend|traffic|bus|buses|train|trains|tube|boiler|weather|rain|' +
  'wifi|wi-fi|internet|printer|laptop|computer|job|work|shift|exam|queue|commute|meeting|deadline|flight|delay|' +
  'delays|heating|shower|rent|bills?|situation|luck|timing|signal|network|game|match|result|results|cold|flu|boiler';
const SWEAR =
  "shit|shite|shitty|crap|crappy|fucking|fuckin|fuck me|for fuck[’'']?s sake|ffs|bloody hell|bloody|damn|dammit|" +
  'damnit|hell|bollocks|sucks|sucked|pissed off';

export const PROPORTION: ProportionPatterns = {
  banter: new RegExp(
    [
      '(?:\\blol+\\b|\\blmf?ao+\\b|\\brofl\\b|\\b(?:ha){2,}h?\\b|\\bhehe+\\b|\\bjk\\b|',
      '(?<!not )\\bjoking\\b|(?<!not )\\bkidding\\b|',
      '\\bswear down\\b|😂|🤣|😅|😆|😜|😝|🙃|😉|',
      `\\b(?:${TRIVIAL})\\b|`,
      '\\b(?:spoil(?:s|ed|ing)?|eat(?:s|ing)?|ate|drink(?:s|ing)?|finish(?:es|ed|ing)?) (?:my|the|it|that|all)\\b)',
    ].join(''),
    'i',
  ),
  serious: new RegExp(
    [
      '\\b(?:kids|children|child|son|daughter|baby|custody|court|police|cops|lawyer|solicitor|leave me|leaving me|',
      "left me|divorce|where you live|where you(?:['’]ll| will) be|i know where|your (?:mum|mom|mam|family|work|job|",
      'house|address)|photos|nudes|pictures|address|knife|gun|blade|witness(?:es)?|i swear on|to god|anywhere near|',
      'show up|turn up|come near|my work|my mother|my mum|my mom|regret every|not joking|not kidding|i mean it|',
      "i(?:['’]m| am) serious)\\b",
    ].join(''),
    'i',
  ),
  apology: new RegExp(
    "\\b(?:sorry|apologi[sz]e|apologies|i regret|shouldn['’]?t have|should not have|was wrong to|" +
      'take (?:it|that) back)\\b',
    'i',
  ),
  named: new RegExp(
    '\\b(?:said|say|saying|called|calling|call|told|telling)\\s+(?:you|u|that you|ya)\\b[^.!?;,]*' + '(?=[,.!?;]|$)',
    'gi',
  ),
  agreement: new RegExp(
    [
      "\\b(?:go ahead|you (?:pick|choose|decide)|book it|let['’]?s (?:do|go with|say|book|meet|try)|sounds good|",
      'works for me|',
      'see you (?:at|then|tomorrow|soon|there|later|on|next|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|',
      "that works|agreed|your way|i[’']?ll do it|i[’']?m in|no problem)\\b",
    ].join(''),
    'i',
  ),
  plainRefusal: /^(?:fine|k|ok(?:ay)? fine|fine then|bye)$/i,
  situation: new RegExp(
    [
      `(?:(?:this|the|what an?|such an?|my|our|today|today['’]s|it['’]s been an?) (?:\\w+ )?`,
      `(?:${SITUATION})(?:['’]s| has| is|`,
      ` was| have| are| were)?(?: been)? (?:an? )?(?:absolute |complete |total |proper |utter )?(?:${SWEAR})\\b|`,
      `(?:what an?|such an?|this|the|a|my) (?:${SWEAR}) (?:${SITUATION})\\b|`,
      `^(?:oh |ah |aw |ugh,? |that['’]?s |that is )?(?:${SWEAR})(?: it)?[,!.]*\\s+(?:sorry,?\\s+)?`,
      "(?:(?:i['’]?ve |i )(?:just )?",
      '(?:forgot|missed|locked|dropped|broke|lost|left|spilled|spilt|overslept|burnt|burned)|',
      `(?:the|my|our) (?:${SITUATION}|\\w+)(?:['’]s| is| has| was)? (?:gone|broken|cancelled|canceled|down|late|dead|`,
      'flat|off|out))\\b|',
      `(?:${SITUATION})(?: \\w+)? (?:has been|was|is|been|are|were) (?:${SWEAR}) (?:brutal|awful|hard|rough|`,
      'terrible|mental|long|exhausting|unreal|crazy|horrible|relentless|slow|busy|hectic|expensive|cold|hot)\\b|',
      `(?:${SWEAR}) (?:this|the) (?:${SITUATION}) (?:is|was|has)|`,
      `(?:it['’]?s|it is|it was|it['’]?s been) (?:${SWEAR}) (?:freezing|boiling|roasting|cold|hot|raining|pouring|`,
      'late|early|heaving|packed|chaos|mental)\\b|',
      "i(?:['’]m| am| was) (?:so |really |well |proper )?pissed off(?! (?:with|at) (?:you|u)\\b)|",
      `(?:the |this |that )?(?:${SITUATION})['’]?s? (?:broken|gone|cancelled|down|late)[^.!?]{0,60}`,
      `(?:${SWEAR})(?: thing)?`,
      `(?=\\s*[.!?]|$))`,
    ].join(''),
    'gi',
  ),
  swear: new RegExp(`\\b(?:${SWEAR})\\b`, 'i'),
  affection: new RegExp(
    [
      '(?:\\b(?:missed you|miss you|miss ya|missed ya|love you|love ya|luv u|love u|give us a hug|hug|xx+|',
      "you(?:['’]re| are) (?:hilarious|so funny|the best|a legend|brilliant|amazing)|haha\\w*|hehe|silly sausage|",
      'cheeky monkey|big softie|big idiot|daft (?:thing|sod|hap\\w*))\\b|',
      '😂|🤣|❤️|❤|😘|🥰|😍|<3)',
    ].join(''),
    'i',
  ),
  teasing: new RegExp(
    [
      '\\b(?:goof|goofball|muppet|eejit|idjit|numpty|sausage|dork|silly|daft|cheeky|monkey|wally|plonker|',
      'dingbat|doofus|nerd|weirdo|dummy|dafty|wee shite|gannet|softie|trouble|pest|big idiot|',
      'shut up|shush)\\b',
    ].join(''),
    'i',
  ),
};
