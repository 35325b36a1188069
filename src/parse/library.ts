// A bibliography beside the notes: a Better BibTeX `.bib` export (read with @retorquere/bibtex-parser, the parser
// Better BibTeX itself uses) or a CSL-JSON export. It has no entries of its own: it supplies titles, authors,
// year, venue, DOI and abstract for the citekeys the notes mention (see merge.ts).
import { parse as bibParse } from '@retorquere/bibtex-parser';
import type { Diagnostic, NoteFile, WorkIds } from '../types.js';
import { aclFromDoi, arxivFromDoi, idsFromUrl, mergeIds, normaliseDoi } from './identifiers.js';
import { findArxivRefs, findUrls } from './patterns.js';
import type { FileParse, LibraryItem } from './types.js';

export const LIBRARY_FILE = /\.(?:bib|json)$/i;

interface BibCreator {
  lastName?: string;
  firstName?: string;
  name?: string;
}
interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string | string[] | BibCreator[] | undefined>;
  input?: string;
}
interface BibResult {
  entries: BibEntry[];
  errors: { error: string; input?: string }[];
}
function str(value: unknown): string | undefined {
  // The BibTeX parser spells `{\'c}` as `c` + a combining accent: NFC makes it the `ć` every other source writes.
  if (typeof value === 'string') return value.normalize('NFC').trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && typeof value[0] === 'string') return value.join(', ');
  return undefined;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function withIds(item: Omit<LibraryItem, 'ids'>, doi: string | undefined, urls: string[]): LibraryItem {
  let ids: WorkIds = { citekey: item.citekey };
  let arxiv = item.arxiv;
  const d = doi ? normaliseDoi(doi) : undefined;
  if (d) {
    ids.doi = d;
    arxiv ??= arxivFromDoi(d);
    const acl = aclFromDoi(d);
    if (acl) ids.acl = acl;
  }
  for (const url of urls) {
    for (const hit of findUrls(url)) ids = mergeIds(ids, idsFromUrl(hit.url));
    arxiv ??= findArxivRefs(url).find((r) => !r.invalid)?.id;
  }
  return { ...item, ...(arxiv ? { arxiv } : {}), ids };
}

/** The entries of a BibTeX text (a `.bib` file, or a note's fenced `bibtex` block); problems as diagnostics. */
export function readBib(file: NoteFile, diagnostics: Diagnostic[]): LibraryItem[] {
  let result: BibResult;
  try {
    // Titles as written (case protection braces dropped), not turned into sentence case: a title is matched exactly.
    result = bibParse(file.text, { sentenceCase: false }) as unknown as BibResult;
  } catch (error) {
    diagnostics.push({
      rule: 'library-invalid',
      severity: 'warning',
      file: file.path,
      line: 1,
      column: 1,
      message: `papermap/parse: could not read this BibTeX file (${String((error as Error)?.message ?? error).slice(0, 160)})`,
    });
    return [];
  }
  for (const e of result.errors) {
    const at = /at line (\d+), column (\d+)/.exec(e.error);
    diagnostics.push({
      rule: 'library-entry-invalid',
      severity: 'warning',
      file: file.path,
      line: at ? Number(at[1]) : 1,
      column: at ? Number(at[2]) : 1,
      message: `BibTeX entry skipped: ${e.error.slice(0, 160)}`,
    });
  }
  const items: LibraryItem[] = [];
  let searchFrom = 0;
  for (const e of result.entries) {
    const title = str(e.fields['title']);
    if (!e.key || !title) continue;
    const at = file.text.indexOf(e.key, searchFrom);
    if (at >= 0) searchFrom = at;
    const creators = (Array.isArray(e.fields['author']) ? e.fields['author'] : []) as BibCreator[];
    const authors = creators
      .map((c) =>
        (typeof c === 'string'
          ? c
          : (c.name ?? [c.firstName, c.lastName].filter(Boolean).join(' '))
        ).normalize('NFC'),
      )
      .filter((n): n is string => typeof n === 'string' && n.length > 0);
    const date = str(e.fields['date']);
    const year = str(e.fields['year']) ?? (date ? /^\d{4}/.exec(date)?.[0] : undefined);
    const issued = date && /^\d{4}-\d{2}(?:-\d{2})?$/.test(date) ? date : year;
    const venue = str(e.fields['journal']) ?? str(e.fields['journaltitle']) ?? str(e.fields['booktitle']);
    const eprint = str(e.fields['eprint']);
    const archive = (str(e.fields['archiveprefix']) ?? str(e.fields['eprinttype']) ?? '').toLowerCase();
    const arxiv =
      eprint && archive === 'arxiv'
        ? findArxivRefs(`arXiv:${eprint}`).find((r) => !r.invalid)?.id
        : undefined;
    const abstract = str(e.fields['abstract']);
    items.push(
      withIds(
        {
          citekey: e.key,
          line: at >= 0 ? lineOf(file.text, at) : 1,
          title,
          authors,
          ...(issued ? { issued } : {}),
          ...(venue ? { venue } : {}),
          itemType: e.type,
          ...(abstract ? { abstract } : {}),
          ...(arxiv ? { arxiv } : {}),
        },
        str(e.fields['doi']),
        [str(e.fields['url']), str(e.fields['howpublished'])].filter((u): u is string => u !== undefined),
      ),
    );
  }
  return items;
}

function readCsl(file: NoteFile, data: unknown[], diagnostics: Diagnostic[]): LibraryItem[] {
  const items: LibraryItem[] = [];
  let searchFrom = 0;
  for (const raw of data) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const o = raw as Record<string, unknown>;
    const citekey = str(o['citation-key']) ?? str(o['id']);
    const title = str(o['title']);
    if (!citekey || !title) continue;
    const at = file.text.indexOf(`"${citekey}"`, searchFrom);
    if (at >= 0) searchFrom = at;
    const authors = (Array.isArray(o['author']) ? o['author'] : [])
      .map((a) => {
        if (!a || typeof a !== 'object') return '';
        const p = a as Record<string, unknown>;
        return str(p['literal']) ?? [str(p['given']), str(p['family'])].filter(Boolean).join(' ');
      })
      .filter((n) => n.length > 0);
    const parts = (o['issued'] as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
    let issued: string | undefined;
    if (Array.isArray(parts) && Number(parts[0]) >= 1000) {
      const [y, m, d] = parts.map(Number);
      issued =
        m && m >= 1 && m <= 12
          ? `${y}-${String(m).padStart(2, '0')}${d && d >= 1 && d <= 31 ? `-${String(d).padStart(2, '0')}` : ''}`
          : String(y);
    }
    const venue = str(o['container-title']);
    const abstract = str(o['abstract']);
    const number = str(o['number']);
    items.push(
      withIds(
        {
          citekey,
          line: at >= 0 ? lineOf(file.text, at) : 1,
          title,
          authors,
          ...(issued ? { issued } : {}),
          ...(venue ? { venue } : {}),
          ...(str(o['type']) ? { itemType: str(o['type'])! } : {}),
          ...(abstract ? { abstract } : {}),
        },
        str(o['DOI']),
        [str(o['URL']), number && /arxiv/i.test(number) ? number : undefined].filter(
          (u): u is string => u !== undefined,
        ),
      ),
    );
  }
  if (items.length === 0 && data.length > 0) {
    diagnostics.push({
      rule: 'library-empty',
      severity: 'info',
      file: file.path,
      line: 1,
      column: 1,
      message: 'JSON file holds no CSL-JSON items (each needs an `id` and a `title`); ignored',
    });
  }
  return items;
}

/** Read a `.bib` or CSL-JSON file. Never throws on content; a JSON file that is not CSL-JSON is ignored. */
export function parseLibrary(file: NoteFile): FileParse {
  try {
    return readLibrary(file);
  } catch (error) {
    return {
      file: file.path,
      tags: [],
      entries: [],
      cites: [],
      diagnostics: [
        {
          rule: 'parser-error',
          severity: 'error',
          file: file.path,
          line: 1,
          column: 1,
          message: `papermap/parse: internal error while reading this bibliography (${String((error as Error)?.message ?? error).slice(0, 200)})`,
        },
      ],
    };
  }
}

function readLibrary(file: NoteFile): FileParse {
  const diagnostics: Diagnostic[] = [];
  const result: FileParse = { file: file.path, tags: [], entries: [], cites: [], diagnostics };
  if (/\.bib$/i.test(file.path)) {
    result.library = readBib(file, diagnostics);
    return result;
  }
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch {
    // Some other JSON file in the notes folder: not ours to judge.
    return result;
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
      ? ((data as { items: unknown[] }).items as unknown[])
      : undefined;
  if (list) result.library = readCsl(file, list, diagnostics);
  return result;
}
