import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContentFolderError, isNotePath, readContent, readNote } from '../../src/cli/index.js';
import { buildFromDirectory, createBuilder } from '../../src/cli/index.js';

const isRoot = process.getuid?.() === 0;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'papermap-read-'));
  const put = async (path: string, data: string | Uint8Array) => {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), data);
  };
  await put('a.md', '# A\n');
  await put('notes with spaces.md', '# spaces\n');
  await put('强化学习 笔记.markdown', '# 中文\n');
  await put('UPPER.MD', '# upper\n');
  await put('empty.md', '');
  await put('sub/deeper/nested.md', '# nested\n');
  await put('sub/readme.txt', 'not a note');
  await put('binary.md', Uint8Array.from([0x23, 0x20, 0x41, 0x0a, 0x00, 0x01, 0x02]));
  // "ok\nab" then a lone continuation byte: the first bad byte is line 2, column 3.
  await put('latin1.md', Uint8Array.from([0x6f, 0x6b, 0x0a, 0x61, 0x62, 0xe9, 0x74, 0xe9]));
  await put('utf16.md', Uint8Array.from([0xff, 0xfe, 0x23, 0x00, 0x0a, 0x00]));
  await put('.obsidian/workspace.md', '# tool state\n');
  await put('node_modules/pkg/README.md', '# package\n');
  await put('papermap.lexicon.toml', '[[concept]]\nname = "GRPO"\n');
  await symlink('..', join(dir, 'sub/deeper/loop'));
  await symlink('a.md', join(dir, 'alias.md'));
  await symlink('missing.md', join(dir, 'dangling.md'));
  await put('locked/secret.md', '# locked\n');
  await chmod(join(dir, 'locked/secret.md'), 0o000);
});

afterAll(async () => {
  await chmod(join(dir, 'locked/secret.md'), 0o644).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('readContent', () => {
  it('reads every note below the folder, sorted, with / paths, skipping tool folders', async () => {
    const content = await readContent(dir);
    const expected = [
      'UPPER.MD',
      'a.md',
      'empty.md',
      'notes with spaces.md',
      'sub/deeper/nested.md',
      '强化学习 笔记.markdown',
    ];
    if (isRoot) expected.splice(3, 0, 'locked/secret.md');
    expect(content.files.map((f) => f.path)).toEqual(expected);
    expect(content.files.find((f) => f.path === '强化学习 笔记.markdown')?.text).toBe('# 中文\n');
    expect(content.files.find((f) => f.path === 'empty.md')?.text).toBe('');
    expect(content.lexicon).toEqual({ file: 'papermap.lexicon.toml', text: '[[concept]]\nname = "GRPO"\n' });
  });

  it('turns unusable files and links into located diagnostics', async () => {
    const content = await readContent(dir);
    const found = content.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.severity}`);
    const expected = [
      'alias.md:1:1 file-duplicate-link info',
      'binary.md:2:1 file-binary warning',
      'dangling.md:1:1 symlink-broken warning',
      'latin1.md:2:3 file-not-utf8 warning',
      'sub/deeper/loop:1:1 symlink-loop info',
      'utf16.md:1:1 file-not-utf8 warning',
    ];
    // As root, permissions do not stop reads, so the unreadable case can only be checked as another user.
    if (!isRoot) expected.splice(3, 0, 'locked/secret.md:1:1 file-unreadable error');
    expect(found.sort()).toEqual(expected.sort());
    expect(content.skipped).toBe(isRoot ? 4 : 5);
  });

  it('says in each diagnostic what is wrong and what was done', async () => {
    const content = await readContent(dir);
    const said = Object.fromEntries(content.diagnostics.map((d) => [d.file, d.message]));
    expect(said).toMatchObject({
      'alias.md': 'same file as a.md; read once',
      'binary.md': 'binary file (NUL byte); skipped',
      'dangling.md': 'link leads nowhere: ENOENT',
      'latin1.md': 'not valid UTF-8 (first bad byte here); save it as UTF-8',
      'sub/deeper/loop': 'link to a folder that contains it; skipped',
      'utf16.md': 'UTF-16 text; save it as UTF-8 to include it',
    });
  });

  it('reads a 50 MB note', async () => {
    const big = await mkdtemp(join(tmpdir(), 'papermap-big-'));
    try {
      const line = '- 2025-07-18 20:24:54 Friday ｜ 强化学习 https://arxiv.org/abs/2506.08745\n';
      const text = line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line)));
      await writeFile(join(big, 'big.md'), text);
      const content = await readContent(big);
      expect(content.diagnostics).toEqual([]);
      expect(content.files[0]?.text.length).toBe(text.length);
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  });

  it.each([
    ['a folder that does not exist', 'missing-folder'],
    ['a file instead of a folder', 'a.md'],
  ])('refuses %s with ContentFolderError', async (_what, path) => {
    await expect(readContent(join(dir, path))).rejects.toBeInstanceOf(ContentFolderError);
  });

  it('says which folder is missing, and that it is missing', async () => {
    const missing = join(dir, 'missing-folder');
    await expect(readContent(missing)).rejects.toThrow(`content folder not found: ${missing}`);
    await expect(readContent(join(dir, 'a.md'))).rejects.toThrow(/content path is not a folder: .*a\.md$/);
  });

  it.each([
    ['notes/a.md', true],
    ['a.markdown', true],
    ['A.MD', true],
    ['a.txt', false],
    ['.obsidian/a.md', false],
    ['x/node_modules/a.md', false],
    ['papermap.lexicon.toml', false],
  ])('isNotePath(%s) is %s', (path, expected) => {
    expect(isNotePath(path)).toBe(expected);
  });
});

describe('readNote: which bytes are UTF-16 and which are only not UTF-8', () => {
  let here: string;
  beforeEach(async () => {
    here = await mkdtemp(join(tmpdir(), 'papermap-bytes-'));
  });
  afterEach(async () => {
    await rm(here, { recursive: true, force: true });
  });
  const read = async (bytes: number[]) => {
    await writeFile(join(here, 'n.md'), Uint8Array.from(bytes));
    const result = await readNote(join(here, 'n.md'), 'n.md');
    if ('file' in result) return result.file.text;
    const d = result.diagnostic;
    return `${d.line}:${d.column} ${d.rule} ${d.message}`;
  };
  const UTF16 = '1:1 file-not-utf8 UTF-16 text; save it as UTF-8 to include it';
  const bad = (column: number) =>
    `1:${column} file-not-utf8 not valid UTF-8 (first bad byte here); save it as UTF-8`;
  it.each([
    // "# A" saved as UTF-16, little- and big-endian, with its byte-order mark.
    ['UTF-16 LE', [0xff, 0xfe, 0x23, 0x00, 0x20, 0x00, 0x41, 0x00], UTF16],
    ['UTF-16 BE', [0xfe, 0xff, 0x00, 0x23, 0x00, 0x20, 0x00, 0x41], UTF16],
    // Latin-1 notes whose first or second byte is one half of a byte-order mark: not UTF-16.
    ['Latin-1 "þing"', [0xfe, 0x69, 0x6e, 0x67], bad(1)],
    ['Latin-1 "ÿes"', [0xff, 0x65, 0x73], bad(1)],
    ['Latin-1 "aþ"', [0x61, 0xfe], bad(2)],
    ['Latin-1 "aÿ"', [0x61, 0xff], bad(2)],
    ['Latin-1 "þþA"', [0xfe, 0xfe, 0x41], bad(1)],
    ['Latin-1 "ÿÿA"', [0xff, 0xff, 0x41], bad(1)],
    ['one byte', [0xff], bad(1)],
    ['UTF-8 "þ"', [0xc3, 0xbe], 'þ'],
  ])('%s', async (_what, bytes, expected) => {
    expect(await read(bytes)).toBe(expected);
  });
});

describe('links that leave the notes folder, and files that are not regular files', () => {
  let outer: string;
  let notes: string;
  beforeAll(async () => {
    // outer/notes is the content folder; outer/sibling and outer/secret.md are beside it, not in it.
    outer = await mkdtemp(join(tmpdir(), 'papermap-outside-'));
    notes = join(outer, 'notes');
    await mkdir(join(outer, 'sibling'), { recursive: true });
    await mkdir(join(notes, 'inner'), { recursive: true });
    await writeFile(join(outer, 'secret.md'), '# secret\n');
    await writeFile(join(outer, 'sibling', 'other.md'), '# other\n');
    await writeFile(join(notes, 'a.md'), '# A\n');
    await writeFile(join(notes, 'inner', 'b.md'), '# B\n');
    await symlink('..', join(notes, 'up'));
    await symlink(join(outer, 'secret.md'), join(notes, 'passwd.md'));
    await symlink('../../sibling', join(notes, 'inner', 'side'));
    await symlink('inner', join(notes, 'zz-inner'));
    execFileSync('mkfifo', [join(notes, 'pipe.md')]);
  });
  afterAll(async () => {
    await rm(outer, { recursive: true, force: true });
  });

  it('skips a link to a folder or file outside the notes folder, with a diagnostic, and keeps links inside', async () => {
    const content = await readContent(notes);
    expect(content.files.map((f) => f.path)).toEqual(['a.md', 'inner/b.md']);
    const found = content.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.severity}`);
    expect(content.diagnostics.find((d) => d.file === 'pipe.md')?.message).toBe(
      'not a regular file (a pipe, socket or device); skipped',
    );
    expect(content.diagnostics.find((d) => d.file === 'up')?.message).toBe(
      'link leads out of the notes folder; skipped (allow with --follow-external-links)',
    );
    expect(found.sort()).toEqual(
      [
        'zz-inner/b.md:1:1 file-duplicate-link info',
        'inner/side:1:1 symlink-outside warning',
        'passwd.md:1:1 symlink-outside warning',
        'pipe.md:1:1 file-not-regular warning',
        'up:1:1 symlink-outside warning',
        'zz-inner/side:1:1 symlink-outside warning',
      ].sort(),
    );
    expect(content.files.some((f) => f.text.includes('secret') || f.text.includes('other'))).toBe(false);
  });

  it('follows them when allowed', async () => {
    const content = await readContent(notes, { followExternalLinks: true });
    expect(content.files.map((f) => f.path)).toEqual([
      'a.md',
      'inner/b.md',
      'inner/side/other.md',
      'passwd.md',
    ]);
    // `up` is the folder holding the notes folder: the notes are not read twice through it.
    expect(content.diagnostics.map((d) => `${d.file} ${d.rule}`).sort()).toEqual([
      'pipe.md file-not-regular',
      'up/notes symlink-loop',
      'up/secret.md file-duplicate-link',
      'up/sibling/other.md file-duplicate-link',
      'zz-inner/b.md file-duplicate-link',
      'zz-inner/side/other.md file-duplicate-link',
    ]);
  });

  it('applies the same checks to a note read again after a change event (the dev server)', async () => {
    const builder = createBuilder({ layout: false });
    await buildFromDirectory(notes, { builder });
    const { graph } = await buildFromDirectory(notes, {
      builder,
      changed: ['passwd.md', 'pipe.md', 'a.md'],
    });
    const found = graph.attributes.diagnostics
      .filter((d) => d.file === 'passwd.md' || d.file === 'pipe.md')
      .map((d) => `${d.file} ${d.rule}`);
    expect(found.sort()).toEqual(['passwd.md symlink-outside', 'pipe.md file-not-regular']);
    // The same words as the folder walk's, which say how to allow it.
    const walked = (await readContent(notes)).diagnostics.find((d) => d.file === 'passwd.md')!;
    const reread = graph.attributes.diagnostics.find((d) => d.file === 'passwd.md')!;
    expect(reread.message).toBe(walked.message);
    expect(reread.message).toMatch(/out of the notes folder.*--follow-external-links/);
    expect(JSON.stringify(graph)).not.toContain('secret');
  }, 10_000);
});
