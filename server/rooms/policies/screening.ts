import type { ScreeningAnswer, ScreeningChoice, ScreeningTopic } from '../../../shared/protocol.js';

type Answers = readonly { topic: ScreeningTopic; answer: ScreeningAnswer }[];

/**
 * What a person's screening answers mean, as mediators read them: any yes is a sign that a joint
 * conversation may not be safe (one is enough; they are not added up into a score). "Rather not say"
 * alone is not read as a yes, but the same choices are offered, gently.
 */
export function screeningRisk(answers: Answers): 'signs' | 'unsure' | 'none' {
  if (answers.some((a) => a.answer === 'yes')) return 'signs';
  if (answers.some((a) => a.answer === 'rather-not-say')) return 'unsure';
  return 'none';
}

/** The choices offered privately: a separated room only while the room is not one already. */
export function screeningChoices(risk: 'signs' | 'unsure' | 'none', separated: boolean): ScreeningChoice[] {
  if (risk === 'none') return [];
  return separated ? ['leave', 'support'] : ['leave', 'separated', 'support'];
}
