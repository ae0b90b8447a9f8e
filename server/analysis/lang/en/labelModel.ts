/**
 * English: what the label model (labelHits.ts) needs besides its weights. A threat or self-harm heard by
 * the model alone must also name what such messages are about (labels.ts: labelModel.anchored).
 */
import type { LabelModelWords } from '../types.js';

const SELF_HARM_ANCHOR = new RegExp(
  [
    '\\b(?:die|dying|dead|death|alive|living|life|kill\\w*|suicid\\w*|pills?|tablets|overdose|meds|cut(?:ting)?|',
    'blade|razor|bridge|jump\\w*|rope|wake\\s+up|exist\\w*|disappear\\w*|vanish|burden|goodbye|letters|notes|',
    'not\\s+be\\s+(?:here|around)|without\\s+me|better\\s+off|no\\s+future|hurt\\w*\\s+myself|end\\s+it|',
    'be\\s+done|gone|harm\\w*|bleed\\w*|edge)\\b',
  ].join(''),
  'i',
);

const THREAT_ANCHOR = new RegExp(
  [
    '\\b(?:hurt\\w*|kill\\w*|regret\\w*|sorry|pay|watch|careful|know\\s+(?:where|which|what)|happens?|accidents?|',
    'custody|photos|pictures|pics|videos|post\\w*|ruin\\w*|destroy\\w*|burn\\w*|torch\\w*|break\\w*|smash\\w*|',
    'face|teeth|jaw|neck|legs|find\\s+you|coming\\s+for|wait|hope|job|career|kids|children|never\\s+see|lose|',
    'drag\\w*|expose\\w*|screenshots|send|tell|wife|husband|boss|mother|mum|mom|push\\w*|cross\\w*|warn\\w*|',
    'or\\s+else|otherwise|make\\s+sure|see\\s+to\\s+it|sleep|dark|alone|door|car|house|everyone|everything|',
    'name)\\b',
  ].join(''),
  'i',
);

/**
 * Care or an apology in the same message: "be careful on the ladder or you'll get hurt", "I was a jerk and I regret
 * it".
 */
const CARE = new RegExp(
  [
    "\\b(?:i(?:['’]m|\\s+am)\\s+(?:so\\s+|really\\s+|truly\\s+)?sorry|sorry\\s+(?:for|about|that|if)|apologi[sz]e|",
    'forgive\\s+me|i\\s+regret|my\\s+fault|i\\s+was\\s+wrong|careful|take\\s+care|stay\\s+safe|be\\s+safe|please|',
    "worried|worry|love\\s+you|mind\\s+(?:the|your)|hope\\s+you(?:['’]re|\\s+are)\\s+(?:ok|okay|alright|well))\\b",
  ].join(''),
  'i',
);
export const LABEL_MODEL: LabelModelWords = {
  anchors: { threat: THREAT_ANCHOR, self_harm: SELF_HARM_ANCHOR },
  care: CARE,
};
