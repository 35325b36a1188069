// What the user reads when a line of their lexicon is wrong: rule, severity, line and message, word for word
// (a message emptied or a severity changed fails here).
import { describe, expect, it } from 'vitest';
import { parseUserLexicon } from '../../src/links/lexicon.js';

const FILE = 'papermap.lexicon.toml';

describe('lexicon messages', () => {
  it.each([
    ['[[org]]\nname = "Foo Lab"\ngroup = "no"\n', 3, 'group of "Foo Lab" must be true or false'],
    [
      '[[concept]]\nname = "Foo"\nkind = "gadget"\n',
      3,
      'kind "gadget" of "Foo" is not one of method, algorithm, dataset, benchmark, framework, model, concept; using "concept"',
    ],
    ['[[org]]\nname = "Foo Lab"\naliases = "x"\n', 3, '"aliases" of "Foo Lab" must be an array of strings'],
    ['[[concept]]\naliases = ["x"]\n', 1, '[[concept]] needs a non-empty string "name"; entry skipped'],
    ['[[org]]\nname = 42\n', 1, '[[org]] needs a non-empty string "name"; entry skipped'],
    ['[[concept]]\nname = "Foo"\naliases = ["Fu", " "]\n', 3, 'an alias of "Foo" is not a non-empty string'],
    ['[rename]\n"GRPO" = ""\n', 2, 'rename of "GRPO" must be a non-empty string'],
    ['ignore = ["MCTS", 3]\n', 1, '"ignore" must be an array of strings'],
  ])('%j', (source, line, message) => {
    expect(
      parseUserLexicon(FILE, source).diagnostics.map((d) => [d.rule, d.severity, d.file, d.line, d.message]),
    ).toEqual([['lexicon-invalid', 'warning', FILE, line, message]]);
  });
});
