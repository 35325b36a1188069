// Diagnostics in one stable order: by file, line, column, then rule and message; exact repeats removed.
import type { Diagnostic } from '../types.js';

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compare(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compare(a.rule, b.rule) ||
    compare(a.severity, b.severity) ||
    compare(a.message, b.message)
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const unique: Diagnostic[] = [];
  for (const diagnostic of sorted) {
    const last = unique[unique.length - 1];
    if (last && compareDiagnostics(last, diagnostic) === 0) continue;
    unique.push({
      rule: diagnostic.rule,
      severity: diagnostic.severity,
      file: diagnostic.file,
      line: diagnostic.line,
      column: diagnostic.column,
      message: diagnostic.message,
    });
  }
  return unique;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
