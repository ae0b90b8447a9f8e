/**
 * One record per heat label: what each part of the analyzer does with it. A Record<HeatLabel, LabelSpec>,
 * so a new label in shared/analysis.ts does not compile until it is described here.
 */
import type { HeatLabel } from '../../shared/analysis.js';

export interface LabelSpec {
  /** in a story about the sender's life a soft sign is a feeling told: at most 0.35, all counted once */
  softInStory: boolean;
  /** the label model (labelHits.ts), where it hears this label and the rules did not */
  labelModel: {
    /** it may give the label (insults and swearing are the heat model's and the rules': they have the data) */
    gives: boolean;
    /** a hit labels but does not hold (0.35 instead of 0.6), as the rules do */
    soft?: boolean;
    /** an attack on a person: only when someone in the room is addressed */
    needsReader: boolean;
    /**
     * A threat or self-harm heard by the model alone must also name what such messages are about: a
     * message withheld for safety that was not one is the costliest mistake the model can make.
     */
    anchor?: RegExp;
    /**
     * ... unless the model is this sure: self-harm's indirect forms ("look after the dog for me", "won't
     * need it where I'm going") are the ones the rules miss and name nothing.
     */
    unanchored?: number;
  };
}

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

export const LABELS: Record<HeatLabel, LabelSpec> = {
  insult: { softInStory: false, labelModel: { gives: false, needsReader: true } },
  contempt: { softInStory: true, labelModel: { gives: true, needsReader: false } },
  criticism: { softInStory: false, labelModel: { gives: true, needsReader: true } },
  defensiveness: { softInStory: true, labelModel: { gives: true, soft: true, needsReader: true } },
  stonewalling: { softInStory: true, labelModel: { gives: true, needsReader: false } },
  blame: { softInStory: false, labelModel: { gives: true, needsReader: true } },
  profanity: { softInStory: false, labelModel: { gives: false, needsReader: false } },
  shouting: { softInStory: true, labelModel: { gives: false, needsReader: false } },
  threat: { softInStory: false, labelModel: { gives: true, needsReader: false, anchor: THREAT_ANCHOR } },
  self_harm: {
    softInStory: false,
    labelModel: { gives: true, needsReader: false, anchor: SELF_HARM_ANCHOR, unanchored: 0.97 },
  },
};
