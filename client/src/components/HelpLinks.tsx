import type { HelpLink } from '../../../shared/help.js';
import { GLOBAL_HELP } from '../../../shared/help.js';

/** Where to get help, as links to click (and numbers to call); the global directory when none came. */
export function HelpLinks({ links, heading }: { links?: readonly HelpLink[]; heading?: string }) {
  const list = links && links.length > 0 ? links : [GLOBAL_HELP];
  return (
    <div className="help-links">
      {heading && <p className="help-heading">{heading}</p>}
      <ul className="plain-list" data-testid="help-links">
        {list.map((l) => (
          <li key={l.url + l.name}>
            <a href={l.url} target="_blank" rel="noopener noreferrer">
              {l.name}
            </a>
            {l.phone && (
              <>
                {' · '}
                <a href={`tel:${l.phone.replace(/[^\d+]/g, '')}`}>{l.phone}</a>
              </>
            )}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
