// The build report: counts, every diagnostic as `file:line:column rule message`, and the entries that
// became neither a paper nor part of one.
import type { BuildStats, Diagnostic, EdgeType, SerializedGraph } from '../types.js';
import { EDGE_TYPES } from '../types.js';
import { perNoteCounts } from '../view/bundle.js';
import type { NoteCount } from '../view/types.js';

export interface BuildReport extends BuildStats {
  content: string;
  filesRead: number;
  /** Note files found but not used (binary, not UTF-8, unreadable, the same file through a second link). */
  filesSkipped: number;
  /** Every diagnostic, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** Entries that became neither a paper nor part of one (a subset of `diagnostics`). */
  unplaced: Diagnostic[];
  /** Per note: the places that became papers (`entries`) and works that are not papers (`works`). */
  perFile: NoteCount[];
  /** Notes that gave no paper or work, each with the diagnostic saying why (a subset of `diagnostics`). */
  empty: Diagnostic[];
  /** Notes read as hub pages (an author, a tag or keyword, a date, an index): no work by design. */
  hubs: Diagnostic[];
  /** `.bib` / CSL-JSON libraries, each with how many of its items the notes name. */
  libraries: Diagnostic[];
  bySeverity: Record<Diagnostic['severity'], number>;
}

/** Rules saying a parser failure may have lost the entries after it in a file. */
const LOST_ENTRY_RULES = new Set(['parser-error', 'parser-crashed']);

/**
 * Diagnostics that mean an entry of the notes is not in the map. The parser names them `entry-*`
 * (e.g. `entry-without-title`); anything it reports about an entry it kept as a paper uses other names.
 */
export function isUnplacedEntry(diagnostic: Diagnostic): boolean {
  return (
    (diagnostic.rule.startsWith('entry-') && diagnostic.severity !== 'info') ||
    LOST_ENTRY_RULES.has(diagnostic.rule)
  );
}

export function makeReport(
  content: string,
  graph: SerializedGraph,
  files: { filesRead: number; filesSkipped: number },
): BuildReport {
  const diagnostics = graph.attributes.diagnostics;
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) bySeverity[diagnostic.severity]++;
  return {
    content,
    ...files,
    ...graph.attributes.stats,
    edgesByType: { ...graph.attributes.stats.edgesByType },
    diagnostics,
    unplaced: diagnostics.filter(isUnplacedEntry),
    perFile: perNoteCounts(graph),
    empty: diagnostics.filter((d) => EMPTY_NOTE_RULES.has(d.rule)),
    hubs: diagnostics.filter((d) => d.rule === 'note-hub'),
    libraries: diagnostics.filter((d) => d.rule === 'library-read'),
    bySeverity,
  };
}

/** Rules saying a whole note gave nothing (no paper, no work). */
const EMPTY_NOTE_RULES = new Set(['note-without-works', 'file-empty']);

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const file = diagnostic.file === '' ? '(build)' : diagnostic.file;
  return `${file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.rule} ${oneLine(diagnostic.message)}`;
}

export function formatReport(
  report: BuildReport,
  extra?: { out?: string | null; timings?: Record<string, number> | null } | null,
): string {
  const byType = EDGE_TYPES.map((type: EdgeType) => `${type} ${report.edgesByType[type] ?? 0}`).join(', ');
  const lines = [
    `papermap: ${report.content}${extra?.out ? ` -> ${extra.out}` : ''}`,
    `  files read        ${report.filesRead}${report.filesSkipped ? ` (${report.filesSkipped} skipped)` : ''}`,
    `  entries found     ${report.entries}`,
    `  papers            ${report.papers}`,
    `  merged duplicates ${report.mergedDuplicates}`,
    `  concepts          ${report.concepts}`,
    `  edges             ${report.edges} (${byType})`,
    `  diagnostics       ${report.diagnostics.length} (${report.bySeverity.error} errors, ${report.bySeverity.warning} warnings, ${report.bySeverity.info} info)`,
  ];
  if (extra?.timings) {
    const parts = Object.entries(extra.timings).map(([stage, ms]) => `${stage} ${Math.round(ms)}`);
    lines.push(`  time (ms)         ${parts.join(', ')}`);
  }
  for (const diagnostic of report.diagnostics) lines.push(formatDiagnostic(diagnostic));
  lines.push(`entries that became neither a paper nor part of one: ${report.unplaced.length}`);
  for (const diagnostic of report.unplaced) lines.push(`  ${formatDiagnostic(diagnostic)}`);
  lines.push(`notes that gave no paper or work: ${report.empty.length}`);
  for (const diagnostic of report.empty) lines.push(`  ${formatDiagnostic(diagnostic)}`);
  lines.push(`hub pages (an author, tag, date or index page: no work by design): ${report.hubs.length}`);
  if (report.hubs.length <= 200) for (const d of report.hubs) lines.push(`  ${formatDiagnostic(d)}`);
  lines.push(`libraries beside the notes: ${report.libraries.length}`);
  for (const d of report.libraries) lines.push(`  ${formatDiagnostic(d)}`);
  const accounted = new Set(
    [...report.perFile, ...report.empty, ...report.hubs, ...report.libraries].map((f) => f.file),
  ).size;
  lines.push(
    `files accounted for: ${accounted} of ${report.filesRead} read` +
      (accounted < report.filesRead
        ? ` (the other ${report.filesRead - accounted} gave only the diagnostics above)`
        : ''),
  );
  // Per note, while the list stays readable: what each gave.
  if (report.perFile.length > 0 && report.perFile.length <= 200) {
    lines.push('per note (entries, of which works that are not papers; papers it only cites):');
    for (const f of report.perFile) {
      const extra = [f.works ? `${f.works} works` : '', f.cited ? `${f.cited} cited only` : '']
        .filter(Boolean)
        .join(', ');
      lines.push(`  ${f.file}  ${f.entries}${extra ? ` (${extra})` : ''}`);
    }
  }
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
