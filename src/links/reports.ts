// Technical reports an entry lists as its own (`*技术报告：*` and the arXiv links under it, as a WeChat article on
// a team's new method lists the team's reports): the entry and each report are the same group. Each paper takes a
// group key from its own record only (its arXiv id, and the ids it lists as reports), so that a warm rebuild that
// rereads one paper regroups it correctly.
import type { PaperRecord, SourceRef } from '../types.js';

const REPORT_LABEL = /技术报告|technical reports?|tech reports?/i;
const ARXIV_URL = /arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})/i;

/** The group key of an arXiv id as a report. */
function reportKey(arxiv: string): string {
  return `report:${arxiv}`;
}

/** A paper's report group keys, each with what to show as the edge's `via`: its own id, and the ids it lists. */
export function reportGroups(paper: PaperRecord): [string, string][] {
  const out: [string, string][] = paper.arxiv ? [[reportKey(paper.arxiv), `arXiv:${paper.arxiv}`]] : [];
  for (const link of paper.links) {
    if (!REPORT_LABEL.test(link.label)) continue;
    const id = ARXIV_URL.exec(link.url)?.[1];
    if (id && id !== paper.arxiv) out.push([reportKey(id), `arXiv:${id}`]);
  }
  return out;
}

/** What a paper shows as evidence for a report group: the link it lists, or its own id. */
export function reportEvidence(paper: PaperRecord, key: string): { text: string; where: SourceRef }[] {
  const where = paper.sources[0] ?? { file: '', line: 1 };
  const id = key.slice('report:'.length);
  const link = paper.links.find((l) => REPORT_LABEL.test(l.label) && ARXIV_URL.exec(l.url)?.[1] === id);
  const own = paper.label === `arXiv:${id}` ? paper.label : `${paper.label} (arXiv:${id})`;
  const text = link ? `${paper.label}: ${link.label} ${link.url}` : own;
  return [{ text: text.slice(0, 400), where }];
}
