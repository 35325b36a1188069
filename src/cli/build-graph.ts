// npm run build:graph -- --content DIR --out FILE [--strict] [--no-layout] [--seed N]
// Builds the graph of a notes folder, prints the report, writes the JSON atomically.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFromDirectory } from './build-from-directory.js';
import { ContentFolderError } from './read-content.js';
import { formatReport } from './report.js';
import { jsonPieces, writeFileAtomic } from './write-atomic.js';

export const EXIT_OK = 0;
/** `--strict` and the content has error or warning diagnostics (the graph was still written). */
export const EXIT_STRICT = 1;
/** Nothing was written: bad arguments, content folder missing, output not writable. */
export const EXIT_NOT_WRITTEN = 2;

const USAGE = `usage: npm run build:graph -- [--content DIR] [--out FILE] [--strict] [--no-layout] [--seed N]
  --content DIR   notes folder, read recursively for .md/.markdown files (default: content)
  --out FILE      graph JSON to write (default: public/graph.json)
  --strict        exit 1 when any error or warning diagnostic is reported (the graph is still written)
  --no-layout     skip ForceAtlas2; keep the seeded topic positions
  --seed N        layout and community seed, an integer (default: 1)`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const consoleIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'public/graph.json' },
        strict: { type: 'boolean', default: false },
        'no-layout': { type: 'boolean', default: false },
        seed: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.err(`papermap: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return EXIT_NOT_WRITTEN;
  }
  if (values.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  const seed = Number(values.seed);
  if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) {
    io.err(`papermap: --seed must be an integer, got ${JSON.stringify(values.seed)}`);
    return EXIT_NOT_WRITTEN;
  }

  const out = resolve(values.out);
  let result;
  try {
    result = await buildFromDirectory(values.content, { seed, layout: !values['no-layout'] });
  } catch (error) {
    if (error instanceof ContentFolderError) {
      io.err(`papermap: ${error.message}; nothing written`);
      return EXIT_NOT_WRITTEN;
    }
    io.err(
      `papermap: build failed, nothing written: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return EXIT_NOT_WRITTEN;
  }

  const started = performance.now();
  try {
    // Streamed: the same bytes as `${JSON.stringify(graph)}\n`, without the whole text in memory.
    await writeFileAtomic(out, withNewline(jsonPieces(result.graph)));
  } catch (error) {
    io.out(formatReport(result.report, { timings: result.timings }));
    const code =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    io.err(`papermap: cannot write ${values.out} (${code}); nothing written`);
    return EXIT_NOT_WRITTEN;
  }
  const timings = { ...result.timings, write: performance.now() - started };
  io.out(formatReport(result.report, { out: values.out, timings }));

  const { error, warning } = result.report.bySeverity;
  if (values.strict && error + warning > 0) {
    io.err(`papermap: --strict: ${error} errors and ${warning} warnings (graph written to ${values.out})`);
    return EXIT_STRICT;
  }
  return EXIT_OK;
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`papermap: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = EXIT_NOT_WRITTEN;
    },
  );
}
