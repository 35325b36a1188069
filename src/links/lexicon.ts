// The shipped lexicon (lexicon.json) and the user's own lexicon file (TOML), merged into one name table.
import { parse as parseToml, TomlError } from 'smol-toml';
import type { ConceptKind, Diagnostic } from '../types.js';
import shipped from './lexicon.json' with { type: 'json' };
import { isReservedName, nameKey } from './normalise.js';

/** File name of the optional user lexicon, in the root of the content folder. */
export const LEXICON_FILE_NAME = 'papermap.lexicon.toml';

export const CONCEPT_KINDS: readonly ConceptKind[] = [
  'method',
  'algorithm',
  'dataset',
  'benchmark',
  'framework',
  'model',
  'concept',
];

export interface LexiconConcept {
  name: string;
  aliases: string[];
  kind: ConceptKind;
  /** Match only with the name's own capitals (or all capitals): for names that are also ordinary words. */
  exact: boolean;
  /** False when a user entry left `kind` out: a shipped kind then stays. */
  kindGiven?: boolean;
}

export interface LexiconOrg {
  name: string;
  aliases: string[];
  exact: boolean;
  /** A named lab or team whose papers are one group; false for a university or a company alone. */
  group: boolean;
  /** False when a user entry left `group` out: a shipped value then stays. */
  groupGiven?: boolean;
}

export interface Lexicon {
  concepts: LexiconConcept[];
  orgs: LexiconOrg[];
  /** Folded old name -> new display name. */
  renames: Map<string, string>;
  /** Folded names never to match. */
  ignore: Set<string>;
  /** Folded acronyms too common to be concepts (`RL`, `LLM`). */
  generic: Set<string>;
}

interface RawEntry {
  name?: unknown;
  aliases?: unknown;
  kind?: unknown;
  case?: unknown;
  group?: unknown;
}

function isKind(value: unknown): value is ConceptKind {
  return typeof value === 'string' && (CONCEPT_KINDS as readonly string[]).includes(value);
}

let shippedCache: Lexicon | undefined;

/** The lexicon that ships with papermap. */
export function shippedLexicon(): Lexicon {
  if (shippedCache) return shippedCache;
  const data = shipped as { concepts: RawEntry[]; orgs: RawEntry[]; generic?: string[]; common?: string[] };
  shippedCache = {
    concepts: data.concepts.map((c) => ({
      name: String(c.name),
      aliases: Array.isArray(c.aliases) ? c.aliases.map(String) : [],
      kind: isKind(c.kind) ? c.kind : 'concept',
      exact: c.case === 'exact',
    })),
    orgs: data.orgs.map((o) => ({
      name: String(o.name),
      aliases: Array.isArray(o.aliases) ? o.aliases.map(String) : [],
      exact: o.case === 'exact',
      group: o.group !== false,
    })),
    renames: new Map(),
    ignore: new Set(),
    // Ordinary words (`and`, `knowledge`, `transformer`) are never a paper's or an acronym's name either.
    generic: new Set([...(data.generic ?? []), ...(data.common ?? [])].map(nameKey)),
  };
  return shippedCache;
}

const CONCEPT_KEYS = new Set(['name', 'aliases', 'kind', 'case']);
const ORG_KEYS = new Set(['name', 'aliases', 'case', 'group']);
const TOP_KEYS = new Set(['concept', 'org', 'rename', 'ignore']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Locates the n-th `[[table]]` header (1-based line), or line 1. */
function headerLines(text: string, table: string): number[] {
  const lines = text.split(/\r?\n/);
  const out: number[] = [];
  const re = new RegExp(`^\\s*\\[\\[\\s*${table}\\s*\\]\\]`);
  lines.forEach((line, i) => {
    if (re.test(line)) out.push(i + 1);
  });
  return out;
}

function lineOf(text: string, needle: string, fromLine = 1): number {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, fromLine - 1); i < lines.length; i++) {
    if ((lines[i] as string).includes(needle)) return i + 1;
  }
  return fromLine;
}

/**
 * Parses the user's lexicon file. Problems are diagnostics (rule `lexicon-*`) located in that file; every
 * valid entry is still used.
 */
export function parseUserLexicon(
  file: string,
  text: string,
): { lexicon: Lexicon; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lexicon: Lexicon = {
    concepts: [],
    orgs: [],
    renames: new Map(),
    ignore: new Set(),
    generic: new Set(),
  };
  const report = (
    rule: string,
    line: number,
    message: string,
    severity: Diagnostic['severity'] = 'warning',
  ) => diagnostics.push({ rule, severity, file, line, column: 1, message });

  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = error.message.split('\n')[0] ?? error.message;
      diagnostics.push({
        rule: 'lexicon-syntax',
        severity: 'error',
        file,
        line: error.line,
        column: error.column,
        message: `${firstLine}; the user lexicon is ignored`,
      });
      return { lexicon, diagnostics };
    }
    throw error;
  }

  for (const key of Object.keys(doc)) {
    if (!TOP_KEYS.has(key)) {
      report(
        'lexicon-unknown-key',
        lineOf(text, key),
        `unknown key "${key}" (expected concept, org, rename, ignore)`,
      );
    }
  }

  const readEntry = (
    raw: unknown,
    line: number,
    table: 'concept' | 'org',
  ):
    | { name: string; aliases: string[]; kind: ConceptKind; exact: boolean; kindGiven: boolean }
    | undefined => {
    if (!isPlainObject(raw)) {
      report('lexicon-invalid', line, `[[${table}]] must be a table`);
      return undefined;
    }
    const allowed = table === 'concept' ? CONCEPT_KEYS : ORG_KEYS;
    for (const key of Object.keys(raw)) {
      if (!allowed.has(key))
        report('lexicon-unknown-key', lineOf(text, key, line), `unknown key "${key}" in [[${table}]]`);
    }
    const name = raw['name'];
    if (typeof name !== 'string' || nameKey(name) === '') {
      report('lexicon-invalid', line, `[[${table}]] needs a non-empty string "name"; entry skipped`);
      return undefined;
    }
    if (isReservedName(name)) {
      report('lexicon-reserved-name', line, `"${name}" cannot be used as a name; entry skipped`, 'error');
      return undefined;
    }
    const aliases: string[] = [];
    const rawAliases = raw['aliases'];
    if (rawAliases !== undefined) {
      if (!Array.isArray(rawAliases)) {
        report(
          'lexicon-invalid',
          lineOf(text, 'aliases', line),
          `"aliases" of "${name}" must be an array of strings`,
        );
      } else {
        for (const alias of rawAliases) {
          if (typeof alias !== 'string' || nameKey(alias) === '') {
            report(
              'lexicon-invalid',
              lineOf(text, 'aliases', line),
              `an alias of "${name}" is not a non-empty string`,
            );
          } else if (isReservedName(alias)) {
            report(
              'lexicon-reserved-name',
              lineOf(text, 'aliases', line),
              `alias "${alias}" cannot be used`,
              'error',
            );
          } else aliases.push(alias);
        }
      }
    }
    let kind: ConceptKind = 'concept';
    const rawKind = raw['kind'];
    if (rawKind !== undefined) {
      if (isKind(rawKind)) kind = rawKind;
      else
        report(
          'lexicon-invalid',
          lineOf(text, 'kind', line),
          `kind "${String(rawKind)}" of "${name}" is not one of ${CONCEPT_KINDS.join(', ')}; using "concept"`,
        );
    }
    const rawCase = raw['case'];
    if (rawCase !== undefined && rawCase !== 'exact' && rawCase !== 'ignore') {
      report('lexicon-invalid', lineOf(text, 'case', line), `case of "${name}" must be "exact" or "ignore"`);
    }
    return {
      name: name.trim(),
      aliases,
      kind,
      exact: rawCase === 'exact',
      kindGiven: rawKind !== undefined && isKind(rawKind),
    };
  };

  const tables = (key: 'concept' | 'org'): void => {
    const value = doc[key];
    if (value === undefined) return;
    const lines = headerLines(text, key);
    const list = Array.isArray(value) ? value : [value];
    if (!Array.isArray(value)) {
      report('lexicon-invalid', lineOf(text, key), `"${key}" should be an array of tables: write [[${key}]]`);
    }
    list.forEach((raw, i) => {
      const entry = readEntry(raw, lines[i] ?? lineOf(text, key), key);
      if (!entry) return;
      if (key === 'concept') lexicon.concepts.push(entry);
      else {
        const group = isPlainObject(raw) ? raw['group'] : undefined;
        if (group !== undefined && typeof group !== 'boolean')
          report(
            'lexicon-invalid',
            lineOf(text, 'group', lines[i]),
            `group of "${entry.name}" must be true or false`,
          );
        const given = typeof group === 'boolean';
        lexicon.orgs.push({
          name: entry.name,
          aliases: entry.aliases,
          exact: entry.exact,
          group: given ? (group as boolean) : true,
          groupGiven: given,
        });
      }
    });
  };
  tables('concept');
  tables('org');

  const rename = doc['rename'];
  if (rename !== undefined) {
    if (!isPlainObject(rename))
      report('lexicon-invalid', lineOf(text, 'rename'), '[rename] must be a table of "old" = "new"');
    else {
      for (const [oldName, newName] of Object.entries(rename)) {
        const line = lineOf(text, oldName, lineOf(text, '[rename]'));
        if (typeof newName !== 'string' || nameKey(newName) === '') {
          report('lexicon-invalid', line, `rename of "${oldName}" must be a non-empty string`);
        } else if (isReservedName(oldName) || isReservedName(newName)) {
          report(
            'lexicon-reserved-name',
            line,
            `rename "${oldName}" -> "${newName}" uses a reserved name`,
            'error',
          );
        } else lexicon.renames.set(nameKey(oldName), newName.trim());
      }
    }
  }

  const ignore = doc['ignore'];
  if (ignore !== undefined) {
    if (!Array.isArray(ignore) || ignore.some((x) => typeof x !== 'string')) {
      report('lexicon-invalid', lineOf(text, 'ignore'), '"ignore" must be an array of strings');
    } else for (const name of ignore as string[]) lexicon.ignore.add(nameKey(name));
  }
  return { lexicon, diagnostics };
}

/** The shipped lexicon with the user's additions: same-named concepts and orgs merge (user kind wins). */
export function mergeLexicons(base: Lexicon, user: Lexicon): Lexicon {
  const concepts = new Map<string, LexiconConcept>();
  for (const c of [...base.concepts, ...user.concepts]) {
    const key = nameKey(c.name);
    const known = concepts.get(key);
    if (known) {
      concepts.set(key, {
        name: known.name,
        aliases: [...new Set([...known.aliases, ...c.aliases])],
        kind: user.concepts.includes(c) && c.kindGiven !== false ? c.kind : known.kind,
        exact: c.exact,
      });
    } else concepts.set(key, { ...c, aliases: [...c.aliases] });
  }
  const orgs = new Map<string, LexiconOrg>();
  for (const o of [...base.orgs, ...user.orgs]) {
    const key = nameKey(o.name);
    const known = orgs.get(key);
    if (known)
      orgs.set(key, {
        ...known,
        aliases: [...new Set([...known.aliases, ...o.aliases])],
        exact: o.exact,
        group: o.groupGiven === false ? known.group : o.group,
      });
    else orgs.set(key, { ...o, aliases: [...o.aliases] });
  }
  return {
    concepts: [...concepts.values()],
    orgs: [...orgs.values()],
    renames: new Map([...base.renames, ...user.renames]),
    ignore: new Set([...base.ignore, ...user.ignore]),
    generic: new Set([...base.generic, ...user.generic]),
  };
}
