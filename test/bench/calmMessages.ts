/**
 * Calm room messages the load benches send (none held, so the rooms keep their traffic). 'What would make the
 * weekends easier for you?' is left out: the safety model of 2026-12-07 held it as a threat and the room went
 * on a break, which stopped the room's traffic.
 */
export const CALM = [
  'Can we talk about the schedule for next week?',
  'I felt hurt when the plans changed without me. Could we decide together next time?',
  'I would like us to take turns picking up the kids from school.',
  'Thank you for listening, that helps me a lot.',
  'I need a bit more notice when you invite people over.',
  'Could we set a budget for the holidays this year?',
  'I understand that work has been stressful lately.',
  'My worry is that we keep having the same argument about chores.',
  'I agree that the mornings are the hardest part of the day.',
  'Would it help if I cooked on Tuesdays and Thursdays?',
  'I appreciate that you called my mother last week.',
];
