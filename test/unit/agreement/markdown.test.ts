import { describe, expect, it } from 'vitest';
import { agreementMarkdown, escapeMarkdown } from '../../../server/agreement/markdown.js';

describe('agreement markdown', () => {
  it('lists title, state, clauses with status and who accepted by name, and signatures', () => {
    const md = agreementMarkdown(
      {
        clauses: [
          { id: 'c1', text: 'We speak one at a time.', proposedBy: 'a', status: 'agreed', acceptedBy: ['a', 'b'] },
          { id: 'c2', text: 'Line one\nline two', proposedBy: 'b', status: 'proposed', acceptedBy: [] },
        ],
        signedBy: ['a'],
        final: false,
      },
      'Our agreement',
      { a: 'Alex', b: 'Sam' },
    );
    expect(md).toContain('# Our agreement');
    expect(md).toContain('**Draft**');
    expect(md).toContain(
      '1. We speak one at a time.\n   - Status: agreed\n   - Proposed by: Alex\n   - Accepted by: Alex, Sam',
    );
    expect(md).toContain(
      '2. Line one\n   line two\n   - Status: proposed\n   - Proposed by: Sam\n   - Accepted by: no one yet',
    );
    expect(md).toContain('## Signatures\n\n- Alex');
  });

  it('marks a final agreement and handles an empty one', () => {
    expect(agreementMarkdown({ clauses: [], signedBy: ['a'], final: true }, 'T', { a: 'Alex' })).toContain('**Final**');
    const empty = agreementMarkdown({ clauses: [], signedBy: [], final: false }, '  ', {});
    expect(empty).toContain('# Agreement');
    expect(empty).toContain('No clauses yet.');
    expect(empty).toContain('Not signed yet.');
  });

  it("escapes people's words so they cannot become markup", () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('# title\n- item\n1. item')).toBe('\\# title\n\\- item\n1\\. item');
    expect(escapeMarkdown('[link](http://x) *b* _i_')).toBe('\\[link\\](http://x) \\*b\\* \\_i\\_');
  });
});
