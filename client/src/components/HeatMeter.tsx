import { heatWords } from '../labels.js';

/**
 * The room's temperature, said gently: a soft bar and a word, never an alarm. While the room is paused it says so:
 * "Calm" right after a threat notice would tell the person threatened that nothing happened.
 */
export function HeatMeter({ heat, paused = false }: { heat: number; paused?: boolean }) {
  const { word, hint } = paused
    ? { word: 'Paused', hint: 'The room is paused. Nothing is lost while it is.' }
    : heatWords(heat);
  const pct = Math.round(Math.max(0, Math.min(1, heat)) * 100);
  return (
    <div className="heat" title={hint}>
      <span className="heat-label">
        Room feels: <strong>{word}</strong>
      </span>
      {/* biome-ignore lint/a11y/useSemanticElements: a styled bar; <meter> looks different in every browser */}
      <span
        className="heat-bar"
        role="meter"
        aria-label="How warm the conversation feels"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${word}. ${hint}`}
      >
        <span className="heat-fill" style={{ width: `${Math.max(6, pct)}%` }} />
      </span>
    </div>
  );
}
