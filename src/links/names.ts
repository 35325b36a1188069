// The short names papers go by in the notes: the `Name:` before a title, the label, acronyms the notes
// define (`（FR3E）`), and names right after "we propose" / 提出.
import type { PaperRecord } from '../types.js';
import { ALSO_KNOWN_AS, INTRODUCED_NAME_ENDS } from '../parse/patterns.js';
import { nameKey, nfkcText } from './normalise.js';

export type ClaimHow = 'label' | 'title' | 'acronym' | 'proposed' | 'arxiv-line';

export interface NameClaim {
  name: string;
  key: string;
  /** Index of the paper in the sorted input. */
  paper: number;
  /** Higher wins: label 40, title or title-backed 30, other notes-only claims 20. */
  strength: number;
  how: ClaimHow;
}

/** An acronym the notes define but no paper claims: a concept candidate. */
export interface DefinedAcronym {
  name: string;
  /** Latin long form whose initials spell the acronym, if any. */
  longForm?: string;
}

const NAME_TOKEN = /^[A-Za-z][A-Za-z0-9]*(?:[-+.·][A-Za-z0-9]+)*\+*$/;
const CAPITALISED_WORDS = /^[A-Z0-9][A-Za-z0-9+\-.]*(?: [A-Z0-9][A-Za-z0-9+\-.]*){0,3}$/;
const HAN = /\p{Script=Han}/u;
const ADJECTIVE_SUFFIX =
  /-(?:based|driven|guided|aware|free|like|style|enhanced|powered|assisted|augmented|oriented|specific|centric|level|only|agnostic|informed|conditioned)$/i;

/** Words before a name that say the entry proposes it. */
const PROPOSE =
  /(?:提出了?|提出的|引入了|介绍了|推出了?|开源了?|发布了|得出|设计了|开发了|名为|叫做|称为|称之为|we (?:propose|introduce|present|develop|design)|introducing|introduces|dubbed|called|named)\s*(?:一种|一个|了|新的|全新的|新型)?\s*(?:[^，。,.\s]{0,12}?(?:名为|叫做|称为))?\s*[“"「《*]*\s*([A-Za-z][A-Za-z0-9]*(?:[-+.][A-Za-z0-9]+)*\+*)/g;
const ACRONYM = /[（(]\s*([A-Z][A-Za-z0-9+-]{0,14}[A-Za-z0-9+])\s*[)）]/g;
const ARXIV_LINE =
  /(?:^|[\s*>•·(（[])([A-Za-z][A-Za-z0-9]*(?:[-+.][A-Za-z0-9]+)*)\s*(?:arxiv|论文|paper|pdf)?\s*[:：]\s*(?:https?:\/\/)?(?:www\.)?arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})/gi;

/** LaTeX wrappers and inline-math dollars around names (`$\\text{Guide}$`) are not part of them. */
export function stripMarkup(text: string): string {
  if (!text.includes('\\') && !text.includes('$')) return text;
  return text
    .replace(
      /\\(?:text|texttt|textbf|textit|textsc|mathrm|mathbf|mathit|mathtt|operatorname|emph)\s*\{([^{}]*)\}/g,
      '$1',
    )
    .replace(/\$/g, '');
}

/** True for strings that read as a name (`GRPO-CARE`, `CoVo`, `RewardBench 2`), not as words or a title. */
export function looksLikeName(text: string, generic: ReadonlySet<string>): boolean {
  // a hyphen copied from a PDF (`GRPO‐CARE` with U+2010, U+2011, an en dash) joins a name as `-` does
  const name = text.trim().replace(/[\u2010\u2011\u2013]/g, '-');
  if (name.length < 2 || name.length > 40 || name.includes('…') || HAN.test(name)) return false;
  if (generic.has(nameKey(name))) return false;
  // Ordinary words joined up (`Zero-Shot`, `LLM-based`, `Vision-Language`) are no name either.
  const parts = name.split(/[-\s]+/).filter((t) => t !== '');
  if (parts.length > 1 && parts.every((t) => generic.has(nameKey(t)))) return false;
  // A word glued to a suffix that makes it an adjective (`LLM-based`, `RL-driven`, `CoT-free`) names nothing.
  if (ADJECTIVE_SUFFIX.test(name)) return false;
  if (NAME_TOKEN.test(name)) return /[A-Z]/.test(name) || /\d/.test(name);
  return CAPITALISED_WORDS.test(name);
}

/** Acronym spelled by the initials of a long form (`Direct Reasoning Optimization` -> `DRO`). */
function initialsMatch(longForm: string, acronym: string): boolean {
  const words = longForm
    .split(/[\s-]+/)
    .filter((w) => /^[A-Za-z]/.test(w) && !/^(?:of|for|with|and|the|a|an|to|in|on|via)$/i.test(w));
  const initials = words
    .map((w) => w[0])
    .join('')
    .toLowerCase();
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  return letters.length >= 2 && initials.endsWith(letters);
}

function tokenIn(haystack: string, name: string): boolean {
  const key = nameKey(name);
  const text = ` ${nameKey(haystack).replace(/[^\p{L}\p{N}+]+/gu, ' ')} `;
  return text.includes(` ${key} `);
}

/** Names a paper claims for itself from its label and titles. */
export function labelClaims(paper: PaperRecord, index: number, generic: ReadonlySet<string>): NameClaim[] {
  const claims: NameClaim[] = [];
  const titles = [paper.title, ...paper.altTitles];
  // A label that is only a shortened title is not a name.
  // A label is a name only where a title is named by it (`GRPO-CARE: …`, `Jan-nano 技术报告`): a label the
  // parser took from the middle of a headline (`使用预训练的ViT表示…`, `华为版CUDA…`) may be a name the headline
  // merely mentions, or its first word (`ChatGPT on the Road`, `Stackelberg Coupling of …`), claims nothing;
  // the entry's own text can still propose it.
  const label = paper.label.trim();
  if (label && labelOpensTitle(paper)) addLabelClaim(claims, label, index, 40, 'label', generic);
  for (const title of titles) {
    const m = /^\s*([^:：]{2,40}?)\s*[:：]\s*\S/.exec(nfkcText(title));
    if (m?.[1]) addLabelClaim(claims, m[1], index, 30, 'title', generic);
  }
  return claims;
}

/** Whether a title is named by the paper's label (`GRPO-CARE: …`, `Jan-nano 技术报告`). */
function labelOpensTitle(paper: PaperRecord): boolean {
  const label = paper.label.trim();
  return [paper.title, ...paper.altTitles].some((t) => {
    const n = nfkcText(t).trim();
    return (
      n === label ||
      (n.startsWith(label) && /^\s*(?:[:：(（]|技术报告|technical report)/i.test(n.slice(label.length)))
    );
  });
}

/** Whether a title holds the label as a Latin word of its own (`…看下Qwen3新范式GSPO`). */
function labelInTitle(paper: PaperRecord): boolean {
  const label = nfkcText(paper.label).trim();
  if (!/^[A-Za-z]/.test(label)) return false;
  return [paper.title, ...paper.altTitles].some((t) => {
    const n = nfkcText(t);
    for (let at = n.indexOf(label); at >= 0; at = n.indexOf(label, at + 1)) {
      const end = at + label.length;
      if (!/[A-Za-z0-9]/.test(n[at - 1] ?? '') && !/[A-Za-z0-9]/.test(n[end] ?? '')) return true;
    }
    return false;
  });
}

function addLabelClaim(
  claims: NameClaim[],
  name: string,
  index: number,
  strength: number,
  how: ClaimHow,
  generic: ReadonlySet<string>,
): void {
  const clean = nfkcText(name).trim();
  if (looksLikeName(clean, generic))
    claims.push({ name: clean, key: nameKey(clean), paper: index, strength, how });
}

export interface TextClaims {
  claims: NameClaim[];
  /** Acronyms an entry defines with its own long form (`交互式策略优化 （IPO）`), to check against the lexicon. */
  definitions: { paper: number; name: string; longForm: string }[];
  acronyms: DefinedAcronym[];
  /** arXiv id -> name given for it on a line such as `GoT arxiv: https://arxiv.org/pdf/2503.10639`. */
  arxivNames: { arxiv: string; name: string }[];
}

/** Name claims from one span of a paper's text (NFKC, as written). */
export function sentenceClaims(
  written: string,
  paper: PaperRecord,
  index: number,
  generic: ReadonlySet<string>,
  out: TextClaims,
): void {
  const sentence = stripMarkup(written);
  // The label backs a claim only where a title opens with it: a label the parser took from the text itself
  // (`…也称为 GPTQ`) would otherwise back its own claim.
  const titles = [paper.title, ...paper.altTitles];
  if (labelOpensTitle(paper) || labelInTitle(paper)) titles.push(paper.label);
  if (sentence.includes('(') || sentence.includes('（')) {
    ACRONYM.lastIndex = 0;
    for (let m = ACRONYM.exec(sentence); m !== null; m = ACRONYM.exec(sentence)) {
      const acronym = m[1] as string;
      if ((acronym.match(/[A-Z]/g) ?? []).length < 2 || generic.has(nameKey(acronym))) continue;
      // Only the sentence the acronym is in.
      const head = sentence.slice(Math.max(0, m.index - 300), m.index);
      const cut = Math.max(
        ...['。', '！', '？', '!', '?', '；', ';', '\n', '. '].map((b) => head.lastIndexOf(b)),
      );
      const before = cut >= 0 ? head.slice(cut + 1) : head;
      const longMatch = /((?:[A-Za-z][A-Za-z0-9-]*[\s,]+){1,7}[A-Za-z][A-Za-z0-9-]*)\s*$/.exec(before);
      const longForm =
        longMatch?.[1] && initialsMatch(longMatch[1], acronym) ? longMatch[1].trim() : undefined;
      // A Chinese long form that is the entry's own name (`生成式验证器（GenRM）`).
      const hanLong = /[\p{Script=Han}]{2,20}$/u.exec(before.trimEnd())?.[0];
      const definedAs = longForm ?? hanLong;
      if (definedAs) out.definitions.push({ paper: index, name: acronym, longForm: definedAs });
      const ownHan =
        hanLong !== undefined &&
        titles.some((t) => {
          const head = nameKey(t).split(/[:：\s]/)[0] ?? '';
          return head.length >= 2 && hanLong.endsWith(head);
        });
      // The long form must be the title's own name (`Direct Reasoning Optimization: …`), not a phrase of it
      // (`… in Retrieval-Augmented Generation` does not make the paper RAG).
      if (
        isOwnName(titles, acronym) ||
        ownHan ||
        (longForm && titles.some((t) => titleNameIs(t, longForm)))
      ) {
        out.claims.push({ name: acronym, key: nameKey(acronym), paper: index, strength: 30, how: 'acronym' });
      } else if (proposesHere(before, definedAs?.length ?? 0)) {
        out.claims.push({ name: acronym, key: nameKey(acronym), paper: index, strength: 20, how: 'acronym' });
      } else out.acronyms.push(longForm ? { name: acronym, longForm } : { name: acronym });
    }
  }
  PROPOSE.lastIndex = 0;
  for (let m = PROPOSE.exec(sentence); m !== null; m = PROPOSE.exec(sentence)) {
    const name = (m[1] as string).replace(/[.]+$/, '');
    if (!looksLikeName(name, generic)) continue;
    if (!INTRODUCED_NAME_ENDS.test(sentence.slice(m.index + m[0].length))) continue;
    // `the OPTQ framework, also known as GPTQ`, `也称为 GPTQ`: another name of what the sentence is about.
    if (ALSO_KNOWN_AS.test(sentence.slice(Math.max(0, m.index - 8), m.index + 6))) continue;
    // A plain word (`Bingo`) counts only when the title carries it too.
    const plain = /^[A-Z][a-z]+$/.test(name);
    const titled = titles.some((t) => tokenIn(t, name));
    // A plain word counts when the title carries it or the entry keeps using it (`Guide`).
    if (plain && !titled && sentence.split(name).length - 1 < 3) continue;
    out.claims.push({ name, key: nameKey(name), paper: index, strength: titled ? 30 : 20, how: 'proposed' });
  }
  if (/arxiv\.org/i.test(sentence)) {
    ARXIV_LINE.lastIndex = 0;
    for (let m = ARXIV_LINE.exec(sentence); m !== null; m = ARXIV_LINE.exec(sentence)) {
      const name = m[1] as string;
      if (looksLikeName(name, generic) && !/^(?:https?|arxiv|www|pdf|abs)$/i.test(name)) {
        out.arxivNames.push({ arxiv: m[2] as string, name });
      }
    }
  }
}

/** Whether a title is `name`, or starts with it as its name (`Name: subtitle`, `Name for …`). */
function titleNameIs(title: string, name: string): boolean {
  const key = nameKey(name);
  const t = nameKey(title);
  const head = /^\s*([^:：]{1,80}?)\s*[:：]/.exec(nfkcText(title))?.[1];
  return t === key || (head !== undefined && nameKey(head) === key);
}

/**
 * Whether the text before an acronym proposes it: a propose word close before it, with nothing between that
 * says the acronym is something used (`we propose X, based on the Segment Anything Model (SAM)`).
 */
const PROPOSE_WORD = /提出|引入|介绍|推出|开源|名为|称为|叫做|propose|introduc|present|called|dubbed|named/gi;

function proposesHere(before: string, longLength: number): boolean {
  const near = before.slice(-80);
  const m =
    /(?:提出|引入|介绍|推出|开源|名为|称为|叫做|propose|introduc|present|called|dubbed|named)(?![\s\S]*(?:提出|引入|propose|introduc|present))/i.exec(
      near,
    );
  if (!m) return false;
  // The long form must follow the propose word closely (`we propose Direct Reasoning Optimization (DRO)`), not
  // end a clause about something else (`we introduce …, which may alter … of stochastic gradient descent (SGD)`).
  if (longLength > 0) {
    // From the last propose word (`提出了一种…方法，称为 X`).
    const last = [...near.matchAll(PROPOSE_WORD)].pop() ?? m;
    const gap = near
      .trimEnd()
      .slice(last.index + last[0].length, Math.max(0, near.trimEnd().length - longLength));
    if (gap.length > 24 || /[，,;；]/.test(gap)) return false;
  }
  return !/基于|使用|利用|结合|采用|借助|based|using|with|via|leverag|built|adopt|such as|e\.g\.|如/i.test(
    near.slice(m.index + m[0].length),
  );
}

/** The name the entry goes by: its label, or the `Name:` in front of a title. */
function isOwnName(titles: readonly string[], name: string): boolean {
  const key = nameKey(name);
  return titles.some((t) => {
    const m = /^\s*([^:：]{1,40}?)\s*[:：]/.exec(nfkcText(t));
    return nameKey(t) === key || (m?.[1] !== undefined && nameKey(m[1]) === key);
  });
}

/**
 * Whether a name must match with its own capitals: plain words (`GRACE`, `Guide`, `Bingo`, `KNowledge`) are
 * also ordinary words; names with digits, symbols or inner capitals (`CoVo`, `GRPO-CARE`) are not.
 */
export function needsExactCase(name: string): boolean {
  // All capitals: short ones only (`AND`, `MATH`); `IFDECORATOR` is written `IFDecorator` too.
  return /^[A-Za-z]+$/.test(name) && !/[a-z][A-Z]/.test(name) && (name.length <= 6 || /[a-z]/.test(name));
}
