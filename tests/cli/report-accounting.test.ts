// Honest accounting on every fixture with expected records (the styles and the real vaults): each file read is
// in exactly one of the report's lists (gave papers or works, gave nothing with why, a hub page, a library with
// how many of its items the notes name), and the formatted report says so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';
import { formatReport } from '../../src/cli/report.js';
import { FIXTURES, readNotes } from '../parse/helpers.js';
import { scored } from '../parse/style-records.js';

describe('every note is accounted for', () => {
  for (const folder of scored) {
    it(folder, async () => {
      const dir = join(FIXTURES, folder, 'notes');
      const files = readNotes(dir).map((f) => f.path);
      const { report } = await buildFromDirectory(dir, { layout: false });
      const lists = [
        ...report.perFile.map((f) => f.file),
        ...report.empty.map((d) => d.file),
        ...report.hubs.map((d) => d.file),
        ...report.libraries.map((d) => d.file),
      ];
      // Every file once (a library drawn with --library-all would also be in perFile; not here).
      expect([...lists].sort()).toEqual([...files].sort());
      expect(formatReport(report)).toContain(
        `files accounted for: ${files.length} of ${files.length} read\n`,
      );
    });
  }
});
