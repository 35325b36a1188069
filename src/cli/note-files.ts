// The notes as the page may see them: a few lines around an entry, and "open this note in my editor" from
// the dev server. Both only ever touch markdown files inside the content folder; the one write is a correction
// line appended to the corrections file at the folder's root.
import { spawn } from 'node:child_process';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { appendFile, lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { correctionLine, CORRECTIONS_FILE_NAME } from '../links/corrections.js';

const NOTE = /\.(md|markdown)$/i;

/** The absolute path of a note named relative to `contentDir`, or null when it is not a note inside it. */
export function resolveNote(contentDir: string, file: string): string | null {
  if (!file || file.includes('\0') || path.isAbsolute(file) || !NOTE.test(file)) return null;
  try {
    const root = realpathSync(contentDir);
    const abs = realpathSync(path.resolve(root, file));
    if (!abs.startsWith(root + path.sep) || !statSync(abs).isFile()) return null;
    return abs;
  } catch {
    return null;
  }
}

/** A reader of notes' lines for the view bundle (each file read once per reader, i.e. per build). */
export function noteLinesReader(contentDir: string): (file: string) => readonly string[] | undefined {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    const abs = resolveNote(contentDir, file);
    let lines: readonly string[] | undefined;
    try {
      lines = abs ? readFileSync(abs, 'utf8').split(/\r\n|\r|\n/) : undefined;
    } catch {
      lines = undefined;
    }
    cache.set(file, lines);
    return lines;
  };
}

/** The command that opens `file` at `line` in the user's editor, or null when none is configured. */
export function editorCommand(
  env: NodeJS.ProcessEnv,
  file: string,
  line: number,
): { cmd: string; args: string[] } | null {
  const configured = (env.PAPERMAP_EDITOR ?? env.VISUAL ?? env.EDITOR ?? '').trim();
  if (!configured) return null;
  const [cmd, ...rest] = configured.split(/\s+/);
  const name = path.basename(cmd!).replace(/\.(exe|cmd)$/i, '');
  // Editors that take file:line (VS Code and its forks with -g, Sublime, Zed); the rest take +line file.
  if (['code', 'code-insiders', 'codium', 'cursor', 'windsurf'].includes(name))
    return { cmd: cmd!, args: [...rest, '-g', `${file}:${line}`] };
  if (['subl', 'zed'].includes(name)) return { cmd: cmd!, args: [...rest, `${file}:${line}`] };
  return { cmd: cmd!, args: [...rest, `+${line}`, file] };
}

/** Whether a request comes from the page itself: a POST from the same origin (not a link, form or other site). */
export function isSameOriginPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  const host = req.headers.host;
  return typeof origin === 'string' && typeof host === 'string' && origin === `http://${host}`;
}

/**
 * Dev server endpoint `POST /__papermap/open?file=<note>&line=<n>`: opens the note in the user's editor
 * ($PAPERMAP_EDITOR, else $VISUAL or $EDITOR). Same-origin POSTs only, notes inside the content folder
 * only, no shell. 204 when launched, 501 when no editor is configured (the page then shows the lines).
 */
export function openInEditor(
  contentDir: string,
  env: NodeJS.ProcessEnv = process.env,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = url.searchParams.get('file') ?? '';
    const line = Number(url.searchParams.get('line') ?? '1');
    const abs = isSameOriginPost(req) ? resolveNote(contentDir, file) : null;
    if (!abs || !Number.isInteger(line) || line < 1) {
      res.statusCode = 403;
      res.end();
      return;
    }
    const command = editorCommand(env, abs, line);
    if (!command) {
      res.statusCode = 501;
      res.end();
      return;
    }
    try {
      const child = spawn(command.cmd, command.args, { stdio: 'ignore', detached: true, shell: false });
      child.on('error', () => undefined);
      child.unref();
      res.statusCode = 204;
    } catch {
      res.statusCode = 500;
    }
    res.end();
  };
}

const MAX_CORRECTION_BODY = 4096;

/**
 * Dev server endpoint `POST /__papermap/correct` with a JSON body `{ verb, type, source, target }` (an edge),
 * `{ verb: 'merge', into, from }` or `{ verb: 'split', node, part }`: appends that one correction as a line to `papermap.corrections.txt` in the content folder (the file watcher then rebuilds
 * the map). Same-origin POSTs with `Content-Type: application/json` only (403/415 otherwise); a body that is not
 * one valid correction is refused (400, 413) and nothing is written. 204 when the line was appended.
 */
export function appendCorrection(contentDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const file = path.join(contentDir, CORRECTIONS_FILE_NAME);
  // One write at a time, so two clicks never interleave their lines.
  let writing: Promise<unknown> = Promise.resolve();
  return (req, res) => {
    const done = (status: number, message = '') => {
      res.statusCode = status;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(message);
    };
    if (!isSameOriginPost(req)) {
      req.resume();
      return done(403);
    }
    if ((req.headers['content-type'] ?? '').split(';')[0]?.trim() !== 'application/json') {
      req.resume();
      return done(415);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CORRECTION_BODY) refused = true;
      else chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (refused) return done(413);
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return done(400, 'the body is not JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return done(400, 'expected an object');
      const made = correctionLine(body as Record<string, unknown>);
      if ('error' in made) return done(400, made.error);
      writing = writing.then(async () => {
        try {
          // Only a plain file in the folder itself: never through a link to somewhere else.
          const found = await lstat(file).catch(() => null);
          if (found && !found.isFile()) return done(409, 'the corrections file is not a plain file');
          const before = found ? await readFile(file, 'utf8') : '';
          const lead = before === '' || before.endsWith('\n') ? '' : '\n';
          await appendFile(file, `${lead}${made.line}\n`, 'utf8');
          done(204);
        } catch {
          done(500);
        }
      });
    });
  };
}
