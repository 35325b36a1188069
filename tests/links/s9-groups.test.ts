// Same-group and authors, on the rules the session-9 draws showed untested.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { paper } from './helpers.js';

const sameGroup = (result: ReturnType<typeof findLinks>) =>
  result.edges.filter((e) => e.type === 'same-group').map((e) => `${e.key} via ${e.via}`);

describe('same-group by one shared author', () => {
  it('a given name of two letters (`Yu Zhang`) is a full name: one shared author is enough', () => {
    const result = findLinks([
      paper('arxiv:2506.00001', { label: 'A', authors: ['Yu Zhang', 'Ada Lovelace'] }),
      paper('arxiv:2506.00002', { label: 'B', authors: ['Yu Zhang', 'Alan Turing'] }),
    ]);
    expect(sameGroup(result)).toEqual(['same-group:arxiv:2506.00001--arxiv:2506.00002 via Yu Zhang']);
  });
});
