import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorCommand, isSameOriginPost, noteLinesReader, resolveNote } from '../../src/cli/note-files.js';
import { noteExcerpt } from '../../src/view/bundle.js';

let root: string;
let notes: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'papermap-notes-'));
  notes = path.join(root, 'notes');
  await mkdir(path.join(notes, 'sub'), { recursive: true });
  await writeFile(
    path.join(notes, 'a.md'),
    ['# A', '', '1. 2025-06-12 entry', 'x'.repeat(300), 'five', 'six', 'seven'].join('\n'),
  );
  await writeFile(path.join(notes, 'sub', 'b.markdown'), 'b\r\nc\r\n');
  await writeFile(path.join(root, 'secret.md'), 'outside');
  await writeFile(path.join(notes, 'data.json'), '{}');
  await symlink(path.join(root, 'secret.md'), path.join(notes, 'link.md'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('notes the page may see', () => {
  it.each([
    ['a.md', true],
    ['sub/b.markdown', true],
    ['../secret.md', false],
    ['link.md', false], // a symlink out of the folder
    ['data.json', false],
    ['missing.md', false],
    ['', false],
    ['a.md\0', false],
  ])('%j inside the folder: %s', (file, ok) => {
    const abs = resolveNote(notes, file);
    expect(abs !== null).toBe(ok);
  });
  it('refuses an absolute path even inside the folder', () => {
    expect(resolveNote(notes, path.join(notes, 'a.md'))).toBeNull();
  });

  it('ships a few lines around an entry, long lines cut', () => {
    const read = noteLinesReader(notes);
    const ex = noteExcerpt('a.md', 3, read)!;
    expect(ex).toMatchObject({ file: 'a.md', from: 2, line: 3 });
    expect(ex.lines).toEqual(['', '1. 2025-06-12 entry', `${'x'.repeat(200)}…`, 'five', 'six', 'seven']);
    expect(noteExcerpt('sub/b.markdown', 1, read)!.lines).toEqual(['b', 'c', '']);
    expect(noteExcerpt('a.md', 99, read)).toBeUndefined();
    expect(noteExcerpt('../secret.md', 1, read)).toBeUndefined();
  });
});

describe('open in editor', () => {
  it.each([
    [{ PAPERMAP_EDITOR: 'code' }, { cmd: 'code', args: ['-g', '/n/a.md:12'] }],
    [{ VISUAL: 'code --wait' }, { cmd: 'code', args: ['--wait', '-g', '/n/a.md:12'] }],
    [{ EDITOR: 'vim' }, { cmd: 'vim', args: ['+12', '/n/a.md'] }],
    [{ EDITOR: 'subl' }, { cmd: 'subl', args: ['/n/a.md:12'] }],
    [{ VISUAL: '/usr/local/bin/zed --new' }, { cmd: '/usr/local/bin/zed', args: ['--new', '/n/a.md:12'] }],
    [{ EDITOR: '/opt/vscode/bin/code.cmd' }, { cmd: '/opt/vscode/bin/code.cmd', args: ['-g', '/n/a.md:12'] }],
    [{ EDITOR: 'cursor' }, { cmd: 'cursor', args: ['-g', '/n/a.md:12'] }],
    [{ EDITOR: '  ' }, null],
    [
      { PAPERMAP_EDITOR: 'emacsclient -n', EDITOR: 'vim' },
      { cmd: 'emacsclient', args: ['-n', '+12', '/n/a.md'] },
    ],
    [{}, null],
  ])('%j', (env, want) => {
    expect(editorCommand(env, '/n/a.md', 12)).toEqual(want);
  });

  const req = (method: string, headers: Record<string, string>) =>
    ({ method, headers }) as unknown as IncomingMessage;
  it.each([
    ['POST', { host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173' }, true],
    [
      'POST',
      { host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'same-origin' },
      true,
    ],
    [
      'POST',
      { host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'cross-site' },
      false,
    ],
    ['POST', { host: '127.0.0.1:5173', origin: 'http://evil.example' }, false],
    ['POST', { host: '127.0.0.1:5173' }, false],
    ['GET', { host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173' }, false],
  ])('%s %j same-origin: %s', (method, headers, ok) => {
    expect(isSameOriginPost(req(method, headers))).toBe(ok);
  });
});
