// Shapes of digest notes read through the public parser: reading-list tables and their column names, ordered
// lists, link hosts. Each table lists every spelling the parser knows, so that one dropped or loosened fails.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';

const parse = (text: string, path = 'n.md') => parseNotes([{ path, text }]);

describe('reading-list tables: which column is the title, the authors, the date', () => {
  // Decoy columns first: a looser match of a column name ("Paper type", "Co-authors", "Date published") would
  // take them instead.
  const table = (title: string, authors: string, date: string) =>
    [
      '# Reading list',
      '',
      `| Paper type | Short name | ${title} | Authors' affiliation | Co-authors | ${authors} | Date published | Last read | ${date} |`,
      '|---|---|---|---|---|---|---|---|---|',
      '| survey | Transformer | Attention Is All You Need | Google | Bob Helper | Ashish Vaswani, Noam Shazeer | 2017-06-12 | 2023-01-01 | 2024-03-05 |',
      '',
    ].join('\n');
  const titles = ['paper', 'Papers', 'Title', 'name', '论文', '标题', '题目', '名称', '文章'];
  const authors = ['author', 'Authors', '作者'];
  const dates = ['Date', 'read', 'Added', '日期', '时间', '阅读日期'];
  const rows = titles.map((t, i) => [t, authors[i % authors.length]!, dates[i % dates.length]!] as const);
  rows.push(...dates.map((d, i) => [titles[i]!, authors[(i + 1) % authors.length]!, d] as const));
  // A daily table stamped in its first cell, under column names that name no title: the title is the stamp's
  // rest, else the next cell; the date is the stamp's.
  it.each([
    [
      '| 2025-06-12 12:01 | Consistent Paths Lead to Truth | [arXiv](https://arxiv.org/abs/2506.08745) |',
      '2025-06-12',
    ],
    [
      '| 2025-06-13 ｜ Consistent Paths Lead to Truth | 一致路径 | [arXiv](https://arxiv.org/abs/2506.08745) |',
      '2025-06-13',
    ],
    ['| 2025/6/14 | Consistent Paths Lead to Truth | https://arxiv.org/abs/2506.08745 |', '2025-06-14'],
  ])('a stamped row %s', (row, date) => {
    const { papers } = parse(`# Daily\n\n| When | What | Link |\n|---|---|---|\n${row}\n`);
    expect(papers.map((p) => [p.title, p.date, p.arxiv])).toEqual([
      ['Consistent Paths Lead to Truth', date, '2506.08745'],
    ]);
  });
  // A title cell that only says "read more", gives an arXiv id or counts the list is no title: the work is named
  // by its id. A cell that only begins or ends with such words is a title.
  it.each([
    ['Read more', 'arXiv:2506.08745'],
    ['READ MORE', 'arXiv:2506.08745'],
    ['Full text', 'arXiv:2506.08745'],
    ['阅读原文', 'arXiv:2506.08745'],
    ['阅读全文', 'arXiv:2506.08745'],
    ['原文链接', 'arXiv:2506.08745'],
    ['arXiv:2506.08745', 'arXiv:2506.08745'],
    ['arXiv: 2506.08745', 'arXiv:2506.08745'],
    ['2506.08745', 'arXiv:2506.08745'],
    ['2506.08745v3', 'arXiv:2506.08745'],
    ['Total 76 papers', 'arXiv:2506.08745'],
    ['共 12 篇', 'arXiv:2506.08745'],
    ['Read more about sparse experts', 'Read more about sparse experts'],
    ['Why you should read more', 'Why you should read more'],
    ['Full text of the paper', 'Full text of the paper'],
    ['阅读原文：稀疏专家', '阅读原文：稀疏专家'],
    ['2506.087', '2506.087'],
    ['Totally 76 Ways to Win', 'Totally 76 Ways to Win'],
  ])('a title cell %j', (cell, title) => {
    const { papers } = parse(
      `# Daily\n\n| Title | Link |\n|---|---|\n| ${cell} | [arXiv](https://arxiv.org/abs/2506.08745) |\n`,
    );
    expect(papers.map((p) => [p.title, p.arxiv])).toEqual([[title, '2506.08745']]);
  });
  it.each(rows)('| %s | %s | %s |', (title, author, date) => {
    const { papers } = parse(table(title, author, date));
    expect(papers.map((p) => [p.title, p.authors, p.date, p.sources.map((s) => s.line)])).toEqual([
      ['Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], '2024-03-05', [5]],
    ]);
  });
});

describe('links by host', () => {
  const item = (line: string) => {
    const { papers } = parse(`# Papers\n\n${line}\n`);
    expect(papers).toHaveLength(1);
    return papers[0]!;
  };

  // A paper page's link text is the paper's title; the link is labelled by where it goes.
  it.each([
    ['https://openreview.net/forum?id=rJ4km2R5t7', 'openreview.net'],
    ['https://www.openreview.net/forum?id=rJ4km2R5t7', 'openreview.net'],
    ['https://aclanthology.org/N19-1423/', 'aclanthology.org'],
    ['https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776', 'semanticscholar.org'],
    ['https://doi.org/10.1038/nature16961', 'doi.org'],
    ['https://dx.doi.org/10.1038/nature16961', 'dx.doi.org'],
    ['https://dl.acm.org/doi/10.1145/3292500.3330701', 'dl.acm.org'],
    ['https://ieeexplore.ieee.org/document/8578843', 'ieeexplore.ieee.org'],
    [
      'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      'proceedings.neurips.cc',
    ],
    ['https://proceedings.mlr.press/v139/radford21a.html', 'proceedings.mlr.press'],
    ['https://papers.nips.cc/paper/7181-attention-is-all-you-need', 'papers.nips.cc'],
  ])('a paper page on %s', (url, label) => {
    const p = item(`- [Mastering Sparse Experts at Scale](${url})`);
    expect(p.title).toBe('Mastering Sparse Experts at Scale');
    expect(p.links).toEqual([{ label, url }]);
  });

  it.each([
    ['https://notdoi.org/10.1038/nature16961', 'A blog page'],
    ['https://example.com/openreview.net/x', 'A blog page'],
    ['https://mp.weixin.qq.com/s/abcdef', 'A blog page'],
    ['https://github.com/openai/gym', 'A blog page'],
  ])('not a paper page: %s keeps its own text', (url, label) => {
    expect(item(`- [A blog page](${url})`).links).toEqual([{ label, url }]);
  });

  // A bare link is labelled by its site.
  it.each([
    ['https://mp.weixin.qq.com/s/xyz', 'WeChat'],
    ['https://www.github.com/openai/baselines', 'GitHub'],
    ['https://gist.github.com/abc/123', 'GitHub'],
    ['https://huggingface.co/meta-llama/Llama-2-7b', 'Hugging Face'],
    ['https://www.zhihu.com/question/1', 'Zhihu'],
    ['https://zhuanlan.zhihu.com/p/12345', 'Zhihu'],
    ['https://www.example.com/post/1', 'example.com'],
    ['https://arxiv.org/pdf/1701.06538', 'arXiv PDF'],
    ['https://arxiv.org/html/1701.06538v2', 'arXiv HTML'],
    ['https://papers.cool/arxiv/1701.06538', 'papers.cool'],
  ])('a bare link to %s is labelled %s', (url, label) => {
    expect(
      item(`- [Mastering Sparse Experts at Scale](https://arxiv.org/abs/1701.06538) ${url}`).links,
    ).toContainEqual({
      label,
      url,
    });
  });

  // The identifiers a page's address carries, whatever the subdomain.
  it.each([
    ['https://dx.doi.org/10.1038/NATURE16961', { doi: '10.1038/nature16961' }],
    ['https://www.doi.org/10.1038/nature16961', { doi: '10.1038/nature16961' }],
    ['https://www.openreview.net/forum?id=rJ4km2R5t7', { openreview: 'rJ4km2R5t7' }],
    ['https://openreview.net/pdf?id=rJ4km2R5t7', { openreview: 'rJ4km2R5t7' }],
    ['https://aclanthology.org/N19-1423/', { acl: 'N19-1423' }],
    ['https://aclanthology.org/2020.acl-main.703.pdf', { acl: '2020.acl-main.703' }],
    [
      'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      { s2: '204e3073870fae3d05bcbc2f6a8e263d9b72e776' },
    ],
  ])('ids of %s', (url, ids) => {
    expect(item(`- [Mastering Sparse Experts at Scale](${url})`).ids).toEqual(ids);
  });
});

describe('what a reading-list item is: section, badge, marker, host', () => {
  const kindOf = (text: string, title = 'Scaling Sparse Experts Well') => {
    const p = parse(text).papers.find((x) => x.title === title);
    if (!p) throw new Error(`no work titled ${title}`);
    return p.workKind;
  };
  const words: [string, string | undefined][] = [
    ...['Papers', '论文', 'Preprints', 'Articles (paper)'].map((w) => [w, undefined] as [string, undefined]),
    ...['Blogs', 'Blog posts', 'Posts', 'Articles', '博客', '文章'].map(
      (w) => [w, 'blog'] as [string, string],
    ),
    ...['Books', 'Textbooks', '书', '书籍', '电子书'].map((w) => [w, 'book'] as [string, string]),
    ...['Videos', 'Video series', 'Talks', 'Lectures', 'Courses', 'YouTube', '视频', '课程', '讲座'].map(
      (w) => [w, 'video'] as [string, string],
    ),
    ...[
      'Code',
      'Repos',
      'Repository',
      'Repositories',
      'GitHub',
      'Tools',
      'Library',
      'Libraries',
      'Frameworks',
      '代码',
      '工具',
      '项目',
    ].map((w) => [w, 'repo'] as [string, string]),
    ...['Tweets', 'Threads', 'Twitter', 'X'].map((w) => [w, 'tweet'] as [string, string]),
    ...['News', 'Press', 'Announcements', '新闻', '资讯'].map((w) => [w, 'news'] as [string, string]),
  ];

  // A paper section keeps a blog host's item a paper; every other word names the kind whatever the host.
  it.each(words)('an item under "## %s" is a %s', (word, kind) => {
    expect(
      kindOf(`# Reading\n\n## ${word}\n\n- [Scaling Sparse Experts Well](https://medium.com/@a/sparse)\n`),
    ).toBe(kind);
  });

  it.each(words)('an item with a badge "![%s](…)" is a %s', (word, kind) => {
    const badge = `![📌 ${word}](https://img.shields.io/badge/x-y-blue)`;
    expect(
      kindOf(`# Reading\n\n- ${badge} [Scaling Sparse Experts Well](https://medium.com/@a/sparse)\n`),
    ).toBe(kind);
  });

  // Reference-style badges (`![][Blog]`, `![Blog][]` with the image defined below), as awesome lists write them.
  it.each(words.filter(([w]) => !/[()]/.test(w)))('an item with a badge "![][%s]" is a %s', (word, kind) => {
    expect(
      kindOf(
        `# Reading\n\n- ![][${word}] [Scaling Sparse Experts Well](https://medium.com/@a/sparse)\n\n[${word}]: https://img.shields.io/badge/x-y-blue\n`,
      ),
    ).toBe(kind);
  });
  it.each(words.filter(([w]) => !/[()]/.test(w)))('an item marked "(%s)" is a %s', (word, kind) => {
    expect(
      kindOf(`# Reading\n\n- [Scaling Sparse Experts Well](https://medium.com/@a/sparse) (${word})\n`),
    ).toBe(kind);
  });

  // A badge, marker or section that names no kind leaves it to the next sign.
  it.each([
    [
      '# Reading\n\n## Misc\n\n- ![stars](https://img.shields.io/github/stars/a/b) [Scaling Sparse Experts Well](https://github.com/a/b)\n',
      'repo',
    ],
    ['# Reading\n\n## Misc\n\n- [Scaling Sparse Experts Well](https://github.com/a/b) (must read)\n', 'repo'],
    ['# Reading\n\n## Must read\n\n- [Scaling Sparse Experts Well](https://youtu.be/abc)\n', 'video'],
    [
      '# Reading\n\n## Books\n\n- ![stars](https://img.shields.io/x) [Scaling Sparse Experts Well](https://github.com/a/b) (great)\n',
      'book',
    ],
  ])('no kind named: %j', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it.each([
    ['https://github.com/openai/gym', 'repo'],
    ['https://gitlab.com/group/project', 'repo'],
    ['https://bitbucket.org/team/repo', 'repo'],
    ['https://github.com/openai', undefined],
    ['https://notgithub.com/openai/gym', undefined],
    ['https://twitter.com/karpathy/status/1', 'tweet'],
    ['https://x.com/karpathy/status/1', 'tweet'],
    ['https://www.threads.net/@a/post/1', 'tweet'],
    ['https://bsky.app/profile/a/post/1', 'tweet'],
    ['https://mastodon.social/@a/1', 'tweet'],
    ['https://www.youtube.com/watch?v=1', 'video'],
    ['https://youtu.be/abc', 'video'],
    ['https://vimeo.com/1', 'video'],
    ['https://www.bilibili.com/video/BV1', 'video'],
    ['https://a.medium.com/sparse', 'blog'],
    ['https://a.substack.com/p/sparse', 'blog'],
    ['https://lilianweng.github.io/posts/2023-01-01-sparse/', 'blog'],
    ['https://distill.pub/2020/sparse/', 'blog'],
    ['https://jalammar.github.io/illustrated-sparse/', 'blog'],
    ['https://huggingface.co/blog/moe', 'blog'],
    ['https://huggingface.co/mistralai/Mixtral-8x7B-v0.1', undefined],
    ['https://medium.com/papers/sparse', undefined],
    ['https://someone.github.io/blog/sparse', 'blog'],
    ['https://someone.github.io/sparse', undefined],
    ['https://techcrunch.com/2024/sparse', 'news'],
    ['https://www.theverge.com/sparse', 'news'],
    ['https://www.reuters.com/sparse', 'news'],
    ['https://www.nytimes.com/sparse', 'news'],
    ['https://www.wired.com/sparse', 'news'],
    ['https://venturebeat.com/sparse', 'news'],
    ['https://www.oreilly.com/library/view/sparse/1/', 'book'],
    ['https://www.manning.com/books/sparse', 'book'],
    ['https://www.amazon.com/dp/1', 'book'],
    ['https://link.springer.com/book/10.1007/978-3-030-00001-1', 'book'],
    ['https://link.springer.com/chapter/10.1007/978-3-030-00001-1_2', undefined],
    ['https://www.springer.com/journal/10994', undefined],
    ['https://example.com/sparse', undefined],
    // Hosts at the edges of each pattern: a subdomain is the host's, a host that only starts or ends like it is not.
    ['https://m.youtube.com/watch?v=1', 'video'],
    ['https://youtube.com.example.org/watch?v=1', undefined],
    ['https://x.company.com/sparse', undefined],
    ['https://twitter.com.example.org/a/status/1', undefined],
    ['https://threads.net/@a/post/1', 'tweet'],
    ['https://github.com.example.org/a/b', undefined],
    ['https://gitlab.com/group', undefined],
    ['https://www.huggingface.co/blog/moe', 'blog'],
    ['https://discuss.huggingface.co/t/moe/1', undefined],
    ['https://medium.com.example.org/sparse', undefined],
    ['https://notmedium.com/sparse', undefined],
    ['https://a.substack.com/papers/sparse', undefined],
    ['https://someone.github.io/posts/sparse', 'blog'],
    ['https://someone.github.io/post/sparse', 'blog'],
    ['https://someone.github.io.example.org/blog/sparse', undefined],
    ['https://reuters.com.example.org/sparse', undefined],
    ['https://nottechcrunch.com/sparse', undefined],
    ['https://smile.amazon.com/dp/1', 'book'],
    ['https://amazon.com.example.org/dp/1', undefined],
  ])('an item linking %s is a %s', (url, kind) => {
    expect(kindOf(`# Reading\n\n## Misc\n\n- [Scaling Sparse Experts Well](${url})\n`)).toBe(kind);
  });
});

describe('the word for a kind of work: singular, plural, and words that only contain it', () => {
  // A host that names no kind, so that only the word decides.
  const kindOf = (section: string) => {
    const { papers } = parse(
      `# Reading\n\n## ${section}\n\n- [Scaling Sparse Experts Well](https://example.org/sparse)\n`,
    );
    expect(papers.map((p) => p.title)).toEqual(['Scaling Sparse Experts Well']);
    return papers[0]!.workKind;
  };
  it.each<[string, string | undefined]>([
    ...['Paper', 'Preprint', 'Article (paper)', 'Articles (paper)'].map((w): [string, undefined] => [
      w,
      undefined,
    ]),
    ...['Blog', 'Blog post', 'Post', 'Article', 'blogs'].map((w): [string, string] => [w, 'blog']),
    ...['Book', 'Textbook', 'BOOKS'].map((w): [string, string] => [w, 'book']),
    ...['Video', 'Talk', 'Lecture', 'Course', 'video series', 'youtube'].map((w): [string, string] => [
      w,
      'video',
    ]),
    ...['Repo', 'Tool', 'Framework', 'code', 'github', 'Repository'].map((w): [string, string] => [
      w,
      'repo',
    ]),
    ...['Tweet', 'Thread', 'twitter', 'x'].map((w): [string, string] => [w, 'tweet']),
    ...['Announcement', 'news', 'press'].map((w): [string, string] => [w, 'news']),
    ...['📺 Videos', '📚 Books️', '🐦 Tweets'].map((w): [string, string] => [
      w,
      { '📺': 'video', '📚': 'book', '🐦': 'tweet' }[[...w][0]!]!,
    ]),
  ])('## %s: a %s', (word, kind) => expect(kindOf(word)).toBe(kind));
  // The word is the whole heading: one that only contains it names no kind.
  it.each([
    'Old blogs',
    'Blogs I follow',
    'Paper and blog posts',
    'Bookmarks',
    'Ebooks and more',
    'Videos I liked',
    'Talks and slides',
    'My talks',
    'Codebase',
    'Tooling',
    'Toolsets',
    'Xtra',
    'Newsletter',
    'Press releases',
    'Courseware',
    'Lectures notes',
    'Posters',
    'Threads and replies',
  ])('## %s: a paper', (word) => expect(kindOf(word)).toBeUndefined());
});

describe('a byline after a titled paper link', () => {
  // `[Title](arxiv) - Schulman et al., 2017`: every separator, any spacing; names only (years and `et al.` dropped).
  it.each<[string, string[]]>([
    [' - Schulman et al., 2017', ['Schulman']],
    ['- Schulman et al., 2017', ['Schulman']],
    ['  –  John Schulman, Filip Wolski', ['John Schulman', 'Filip Wolski']],
    [' — John Schulman (2017)', ['John Schulman']],
    [' ｜ John Schulman', ['John Schulman']],
    [' | John Schulman', ['John Schulman']],
    [':John Schulman', ['John Schulman']],
    [' — 舒尔曼, 沃尔斯基', ['舒尔曼', '沃尔斯基']],
    [' - J. Schulman', ['J. Schulman']],
    // not names: a lower-case word, five words, a sentence
    [' - John schulman', []],
    [' - OpenAI Research Team Members Here', []],
    [' - a classic, read it twice', []],
  ])('[Title](…)%s', (tail, authors) => {
    const { papers } = parse(
      `# Reading\n\n- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)${tail}\n`,
    );
    expect(papers.map((p) => [p.title, p.authors])).toEqual([
      ['Proximal Policy Optimization Algorithms', authors],
    ]);
  });
});

describe('links within the page or to other files are no works', () => {
  // A table of contents, relative links to other notes or pages of the same site, next to one real item.
  it.each([
    '- [Papers](#papers)',
    '- [My notes on sparse models](sparse-notes.md)',
    '- [Setup guide](./docs/setup)',
    '- [Back to the index](../index)',
    '- [Contributing](/CONTRIBUTING)',
  ])('%s', (line) => {
    const { papers } = parse(
      `# Reading\n\n${line}\n\n## Papers\n\n- [Scaling Sparse Experts Well](https://example.org/sparse)\n`,
    );
    expect(papers.map((p) => p.title)).toEqual(['Scaling Sparse Experts Well']);
  });
});

describe('an Obsidian callout under an entry', () => {
  // Its marker (`[!note]`, folded `-`/`+`, any type name) is no text of the entry; a bracket that is no marker is.
  it.each([
    ['[!note] Strong results on math', 'Strong results on math'],
    ['[!note]- Strong results on math', 'Strong results on math'],
    ['[!NOTE]+ Strong results on math', 'Strong results on math'],
    ['[!note]Strong results on math', 'Strong results on math'],
    ['[!my-note]   Strong results on math', 'Strong results on math'],
    ['[!not a callout] Strong results on math', '[!not a callout] Strong results on math'],
    ['[!averyveryverylongtypename] Strong results', '[!averyveryverylongtypename] Strong results'],
  ])('> %s', (head, first) => {
    const { papers } = parse(
      `# Daily\n\n- [Consistent Paths Lead to Truth](https://arxiv.org/abs/2506.08745)\n\n  > ${head}\n  > More text.\n`,
    );
    expect(papers.map((p) => p.text.map((t) => t.text))).toEqual([
      ['Consistent Paths Lead to Truth', first, 'More text.'],
    ]);
  });
});

describe('link text that is only an arXiv id', () => {
  it.each(['arXiv 2506.08745', 'arxiv2506.08745', '2506.08745v2', '2506.08745'])(
    '[%s](…) names no work',
    (label) => {
      const { papers } = parse(`# Daily\n\n- [${label}](https://arxiv.org/abs/2506.08745)\n`);
      expect(papers.map((p) => [p.title, p.links.map((l) => l.label)])).toEqual([
        ['arXiv:2506.08745', ['arXiv']],
      ]);
    },
  );
});

describe('link text that is only an address', () => {
  it.each([
    [
      '- [https://example.com/sparse-experts](https://example.com/sparse-experts) 稀疏专家的一篇好文章',
      '稀疏专家的一篇好文章',
      [{ label: 'example.com', url: 'https://example.com/sparse-experts' }],
    ],
    [
      '- [www.example.com/sparse-experts](https://www.example.com/sparse-experts) 稀疏专家的一篇好文章',
      '稀疏专家的一篇好文章',
      [{ label: 'example.com', url: 'https://www.example.com/sparse-experts' }],
    ],
    [
      '- [Sparse Experts at Scale](https://arxiv.org/abs/1701.06538) [https://github.com/a/b](https://github.com/a/b)',
      'Sparse Experts at Scale',
      [
        { label: 'arXiv', url: 'https://arxiv.org/abs/1701.06538' },
        { label: 'GitHub', url: 'https://github.com/a/b' },
      ],
    ],
  ])('is no title and no label: %s', (line, title, links) => {
    const { papers } = parse(`# Reading\n\n${line}\n`);
    expect(papers.map((p) => [p.title, p.links])).toEqual([[title, links]]);
  });
});

describe('link text that says nothing about the work', () => {
  it.each([
    'PDF',
    'html',
    'abs',
    'other',
    'arXiv',
    'paper',
    'papers.cool',
    'paper.cool',
    'link',
    'code',
    'GitHub',
    'here',
    'this',
    'this https URL',
    'click here',
    'project',
    'website',
    'blog',
    'home',
    'demo',
    'Kimi',
    'kimi 解读',
    'copy',
    'rel',
    'related',
    '跳转',
    '链接',
    '原文',
    '论文',
    '全文',
    '地址',
    '查看',
    '阅读原文',
    '阅读全文',
    'ACL Anthology',
    'aclweb',
    'PMLR',
    'OpenReview',
    'Semantic Scholar',
    'DOI',
    'proceedings',
    'ACM DL',
    'IEEE Xplore',
    'Springer',
    'Nature',
    'Science',
    '此链接',
    '此 https 网址',
    'pdf 版',
    '其他格式',
    '复制',
    '相关',
    '详情',
    '#6',
    '12',
    'x',
    '1701.06538',
    'arXiv:1701.06538v2',
    'arxiv： 1701.06538',
  ])('[%s] is labelled by its site', (text) => {
    const { papers } = parse(
      `# Reading\n\n- [Sparse Experts at Scale](https://arxiv.org/abs/1701.06538) [${text}](https://example.com/sparse)\n`,
    );
    expect(papers.map((p) => [p.title, p.links[1]])).toEqual([
      ['Sparse Experts at Scale', { label: 'example.com', url: 'https://example.com/sparse' }],
    ]);
  });

  it.each(['PDF notes', 'My paper', 'Here we go', '#6a', '2506.16024 notes'])(
    '[%s] is its own label',
    (text) => {
      const { papers } = parse(
        `# Reading\n\n- [Sparse Experts at Scale](https://arxiv.org/abs/1701.06538) [${text}](https://example.com/sparse)\n`,
      );
      expect(papers.flatMap((p) => p.links)).toContainEqual({
        label: text,
        url: 'https://example.com/sparse',
      });
    },
  );
});

describe('authors linked to their arXiv pages', () => {
  it.each([
    [
      'author pages, named by the link text',
      '[Noam Shazeer](https://arxiv.org/a/shazeer_n_1), [Azalia Mirhoseini](https://arxiv.org/a/mirhoseini_a_1)',
      ['Noam Shazeer', 'Azalia Mirhoseini'],
    ],
    [
      'author searches, named by the query',
      '[N. Shazeer](https://arxiv.org/search/cs?searchtype=author&query=Shazeer,+N), [A. Mirhoseini](https://arxiv.org/search/?searchtype=author&query=Azalia%20Mirhoseini)',
      ['Shazeer, N', 'Azalia Mirhoseini'],
    ],
  ])('%s', (_name, line, authors) => {
    const { papers, diagnostics } = parse(
      `# Listing\n\n- [Sparse Experts at Scale](https://arxiv.org/abs/1701.06538)\n  ${line}\n`,
    );
    expect(papers.map((p) => [p.title, p.authors])).toEqual([['Sparse Experts at Scale', authors]]);
    expect(diagnostics).toEqual([]);
  });
});

describe('front matter of a digest', () => {
  const list = '# List\n\n- [Voyager](https://arxiv.org/abs/2305.16291)\n';
  it.each([
    ['only a comment', '---\n# draft\n---\n', undefined, [], 6, []],
    ['tags as a string', '---\ntags: rl, games\n---\n', undefined, ['rl', 'games'], 6, []],
    [
      'tags as a list, and categories',
      '---\ntags: [rl, "#games", 2024, rl]\ncategories: 强化学习，游戏\n---\n',
      undefined,
      ['rl', 'games', '2024', '强化学习', '游戏'],
      7,
      [],
    ],
    ['a quoted date key', '---\n"date": 2025-06-01\n---\n', '2025-06-01', [], 6, []],
    ['a quoted date-time key', "---\n'date': 2025-06-01T10:00:00Z\n---\n", '2025-06-01', [], 6, []],
    [
      'a date-time with an offset, as written',
      '---\ndate: 2025-06-01T23:30:00-08:00\n---\n',
      '2025-06-01',
      [],
      6,
      [],
    ],
    [
      'an impossible date',
      '---\ndate: 2025-13-45\n---\n',
      undefined,
      [],
      6,
      ['front-matter-date-invalid 2:1 front matter date "2025-13-45" is not a date; ignored'],
    ],
    [
      'an impossible date below other keys, located on its line',
      '---\ntitle: Weekly\ntags: [rl]\ndate: 2025-13-45\n---\n',
      undefined,
      ['rl'],
      8,
      ['front-matter-date-invalid 4:1 front matter date "2025-13-45" is not a date; ignored'],
    ],
    [
      'a long text that is no date, quoted in the message up to 80 characters',
      '---\ndate: sometime in the late spring of two thousand and twenty-four, after the conference deadline\n---\n',
      undefined,
      [],
      6,
      [
        'front-matter-date-invalid 2:1 front matter date "sometime in the late spring of two thousand and twenty-four, after the conferen is not a date; ignored',
      ],
    ],
    // A review's own date nested in a map above the note's: the note's is the unindented key.
    [
      "a nested date above the note's own",
      '---\ntitle: Weekly\nreview:\n  date: 2023-01-05\ndate: 2024-02-01\n---\n',
      '2024-02-01',
      [],
      9,
      [],
    ],
    [
      'a TOML date above a table with its own date',
      '+++\ndate = 2024-03-02\n[params]\ndate = 2020-01-01\n+++\n',
      '2024-03-02',
      [],
      8,
      [],
    ],
    [
      'a quoted TOML date key above a table with its own date',
      '+++\n"date" = 2024-03-02\n[params]\ndate = "2020-01-01"\n+++\n',
      '2024-03-02',
      [],
      8,
      [],
    ],
    ['an indented TOML date as a string', '+++\n  date = "2024/3/2"\n+++\n', '2024-03-02', [], 6, []],
    ['a TOML date as a string', '+++\ndate = "2024/3/2"\n+++\n', '2024-03-02', [], 6, []],
    ['an empty date', '---\ntitle: Weekly\ndate:\n---\n', undefined, [], 7, []],
    ['an empty quoted date', '---\ntitle: Weekly\ndate: ""\n---\n', undefined, [], 7, []],
    [
      'the date a reading list was first published',
      '---\ntitle: Weekly\nfirst-published-on: 2024-03-02\n---\n',
      '2024-03-02',
      [],
      7,
      [],
    ],
    [
      'a first-published-on that is no date, located on its line',
      '---\ntitle: Weekly\nfirst-published-on: not yet\n---\n',
      undefined,
      [],
      7,
      ['front-matter-date-invalid 3:1 front matter date "not yet" is not a date; ignored'],
    ],
    [
      'a date and a first-published-on: the date wins',
      '---\nfirst-published-on: 2024-03-02\ndate: 2025-13-45\n---\n',
      undefined,
      [],
      7,
      ['front-matter-date-invalid 3:1 front matter date "2025-13-45" is not a date; ignored'],
    ],
    ['YAML closed by a document end marker', '---\ndate: 2024-03-02\n...\n', '2024-03-02', [], 6, []],
  ])('%s', (_name, fm, date, tags, line, diagnostics) => {
    const result = parse(fm + list);
    expect(result.papers.map((p) => [p.id, p.date, p.tags, p.sources[0]!.line])).toEqual([
      ['arxiv:2305.16291', date, tags, line],
    ]);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`)).toEqual(
      diagnostics,
    );
  });
});

describe('the summary of an entry', () => {
  it.each([
    [
      'label stripped, runs of blank lines collapsed, indents kept',
      '2025-06-01 10:00:00 | Sparse Experts at Scale\n\n**链接** ：https://arxiv.org/abs/1701.06538\n\n**摘要** ：我们提出稀疏专家。\n\n\n\n  第二段，缩进两格。\n\n    第三段，缩进四格。\n\n\n2025-06-02 10:00:00 | Next\n',
      [
        ['Sparse Experts at Scale', '我们提出稀疏专家。\n\n  第二段，缩进两格。\n\n    第三段，缩进四格。'],
        ['Next', ''],
      ],
    ],
    [
      'a bold label with the colon inside',
      '2025-06-01 10:00:00 | Sparse Experts at Scale\n\n**链接：** https://arxiv.org/abs/1701.06538\n\n**摘要：** 我们提出稀疏专家。\n',
      [['Sparse Experts at Scale', '我们提出稀疏专家。']],
    ],
    [
      'a list entry, dedented by its common indent',
      '- 2025-06-01 10:00:00 | Sparse Experts at Scale\n  - **摘要**: 我们提出稀疏专家。\n  - 备注：一条评论\n\n    第二段。\n',
      [['Sparse Experts at Scale', '我们提出稀疏专家。\n- 备注：一条评论\n\n  第二段。']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(parse(text).papers.map((p) => [p.title, p.summary])).toEqual(expected);
  });
});
