// Turns a composer's DOM into plain text plus an offset map back to DOM positions (composers.md §6).
//
// Rules: text nodes verbatim (UTF-16, NBSP kept as one unit); <br> = "\n" except the placeholder of an
// empty line and a trailing one that draws no extra line; a "\n" between blocks; images and
// contenteditable=false islands = U+FFFC (one unit, never rewritten); excluded subtrees (signature,
// quoted reply) skipped. textarea: the value itself.

export const OBJECT_CHAR = '\uFFFC';

export type SegmentKind = 'text' | 'break' | 'separator' | 'atom' | 'empty';

export interface Segment {
  kind: SegmentKind;
  /** The Text node, <br>, atom element, or the placeholder <br> of an empty line; null for separators. */
  node: Node | null;
  /** For text: offset inside the node where this segment starts. */
  nodeStart: number;
  /** Offset in the model text. */
  start: number;
  length: number;
}

export interface ExcludeRules {
  isExcluded(el: Element): boolean;
  excludesRest?(el: Element): boolean;
}

export interface TextModel {
  root: HTMLElement;
  /** The text with NBSPs as they are in the DOM. */
  raw: string;
  /** The text the engine sees: NBSP → space (same length). */
  text: string;
  segments: Segment[];
  /** Top-level excluded elements (signature, quote…), so callers can check they stay byte-identical. */
  excluded: Element[];
  /** A DOM Range over [start, end); null for text fields (they have no DOM text). */
  rangeFor(start: number, end: number): Range | null;
  /** Model offset of a DOM position (selection endpoint); null when it is outside the composer. */
  offsetOf(node: Node, offset: number): number | null;
}

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

const NO_RULES: ExcludeRules = { isExcluded: () => false };

export function readModel(root: HTMLElement, rules: ExcludeRules = NO_RULES): TextModel {
  return isTextField(root) ? fieldModel(root) : new DomReader(root, rules).read();
}

function fieldModel(root: HTMLTextAreaElement | HTMLInputElement): TextModel {
  const raw = root.value;
  return {
    root,
    raw,
    text: raw.replace(/\u00A0/g, ' '),
    segments: [{ kind: 'text', node: null, nodeStart: 0, start: 0, length: raw.length }],
    excluded: [],
    rangeFor: () => null,
    offsetOf: (node, offset) => (node === root ? Math.min(offset, raw.length) : null),
  };
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TFOOT', 'TR', 'UL', 'CENTER',
]);
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK',
  'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'INS', 'DEL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'META', 'LINK']);
const ATOM_TAGS = new Set(['IMG', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS']);

export function isBlock(el: Element): boolean {
  if (BLOCK_TAGS.has(el.tagName)) return true;
  if (INLINE_TAGS.has(el.tagName) || el.tagName === 'BR') return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const display = view.getComputedStyle(el).display;
  return !!display && !display.startsWith('inline') && display !== 'contents' && display !== 'none';
}

function isAtom(el: Element): boolean {
  if (ATOM_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.getAttribute('contenteditable') === 'false') return true;
  return el.hasAttribute('data-lexical-decorator');
}

type Item =
  | { t: 'text'; node: Text; data: string }
  | { t: 'break'; node: Element }
  | { t: 'atom'; node: Element }
  | { t: 'empty'; node: Element }
  | { t: 'boundary' };

/** Walks the composer once into items, then lays the items out as text. */
class DomReader {
  private items: Item[] = [];
  private excluded: Element[] = [];
  /** One flag per open block: has it drawn any content yet (decides what a <br> means). */
  private blockHasContent: boolean[] = [false];

  constructor(
    private root: HTMLElement,
    private rules: ExcludeRules,
  ) {}

  read(): TextModel {
    this.walkChildren(this.root);
    return this.layout();
  }

  private walkChildren(parent: Node): void {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.ELEMENT_NODE && this.rules.excludesRest?.(child as Element)) {
        for (let rest: Element | null = child as Element; rest; rest = rest.nextElementSibling) this.excluded.push(rest);
        this.items.push({ t: 'boundary' });
        return;
      }
      this.walk(child);
    }
  }

  private walk(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (!text.data || this.isFormattingWhitespace(text)) return;
      this.items.push({ t: 'text', node: text, data: text.data });
      this.markContent();
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (SKIPPED_TAGS.has(el.tagName)) return;
    if (this.rules.isExcluded(el)) {
      this.excluded.push(el);
      this.items.push({ t: 'boundary' });
      return;
    }
    if (el.tagName === 'BR') {
      this.walkBreak(el);
      return;
    }
    if (isAtom(el)) {
      this.items.push({ t: 'atom', node: el });
      this.markContent();
      return;
    }
    if (isBlock(el)) {
      this.items.push({ t: 'boundary' });
      this.blockHasContent.push(false);
      this.walkChildren(el);
      this.blockHasContent.pop();
      this.items.push({ t: 'boundary' });
      return;
    }
    this.walkChildren(el);
  }

  private walkBreak(br: Element): void {
    const trailing = br.classList.contains('ProseMirror-trailingBreak') || br.hasAttribute('data-text') || isTrailing(br, this.root);
    if (!trailing) {
      this.items.push({ t: 'break', node: br });
      this.markContent();
      return;
    }
    // A trailing <br> in an empty block is that block's line; after text it draws nothing.
    if (!this.blockHasContent[this.blockHasContent.length - 1]) {
      this.items.push({ t: 'empty', node: br });
      this.markContent();
    }
  }

  private markContent(): void {
    this.blockHasContent[this.blockHasContent.length - 1] = true;
  }

  /** Indentation between blocks in authored HTML renders nothing. */
  private isFormattingWhitespace(text: Text): boolean {
    if (!/^[ \t\r\n]+$/.test(text.data)) return false;
    const prev = text.previousSibling;
    const next = text.nextSibling;
    const prevBlock = !prev || (prev.nodeType === Node.ELEMENT_NODE && isBlock(prev as Element));
    const nextBlock = !next || (next.nodeType === Node.ELEMENT_NODE && isBlock(next as Element));
    if (!(prevBlock && nextBlock) && !text.data.includes('\n')) return false;
    const parent = text.parentElement;
    const ws = parent?.ownerDocument.defaultView?.getComputedStyle(parent).whiteSpace ?? '';
    return !ws.startsWith('pre') && ws !== 'break-spaces';
  }

  private layout(): TextModel {
    const segments: Segment[] = [];
    let raw = '';
    let started = false;
    let pendingSeparator = false;
    const emit = (seg: Omit<Segment, 'start'>, str: string) => {
      if (pendingSeparator) {
        segments.push({ kind: 'separator', node: null, nodeStart: 0, start: raw.length, length: 1 });
        raw += '\n';
        pendingSeparator = false;
      }
      started = true;
      segments.push({ ...seg, start: raw.length });
      raw += str;
    };
    for (const item of this.items) {
      switch (item.t) {
        case 'boundary':
          if (started) pendingSeparator = true;
          break;
        case 'text':
          emit({ kind: 'text', node: item.node, nodeStart: 0, length: item.data.length }, item.data);
          break;
        case 'break':
          emit({ kind: 'break', node: item.node, nodeStart: 0, length: 1 }, '\n');
          break;
        case 'atom':
          emit({ kind: 'atom', node: item.node, nodeStart: 0, length: 1 }, OBJECT_CHAR);
          break;
        case 'empty':
          emit({ kind: 'empty', node: item.node, nodeStart: 0, length: 0 }, '');
          break;
      }
    }
    const root = this.root;
    return {
      root,
      raw,
      text: raw.replace(/\u00A0/g, ' '),
      segments,
      excluded: this.excluded,
      rangeFor: (start, end) => rangeFor(root, segments, raw.length, start, end),
      offsetOf: (node, offset) => offsetOf(root, segments, raw.length, node, offset),
    };
  }
}

/** True when nothing after `br` draws on its line before the block (or composer) ends. */
function isTrailing(br: Element, root: Element): boolean {
  let n: Node = br;
  for (;;) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === Node.TEXT_NODE) {
        if ((s as Text).data.length > 0 && !/^[ \t\r\n]+$/.test((s as Text).data)) return false;
        continue;
      }
      if (s.nodeType !== Node.ELEMENT_NODE) continue;
      return isBlock(s as Element);
    }
    const parent = n.parentNode;
    if (!parent || parent === root || (parent.nodeType === Node.ELEMENT_NODE && isBlock(parent as Element))) return true;
    n = parent;
  }
}

type Point = [Node, number];

function before(node: Node): Point {
  const parent = node.parentNode!;
  return [parent, Array.prototype.indexOf.call(parent.childNodes, node) as number];
}
function after(node: Node): Point {
  const [parent, i] = before(node);
  return [parent, i + 1];
}

/** DOM point where text starting at `p` begins (prefers the start of the following text). */
function startPoint(root: Node, segments: Segment[], total: number, p: number): Point {
  let fallback: Point | null = null;
  for (const seg of segments) {
    if (!seg.node) continue;
    const end = seg.start + seg.length;
    if (seg.kind === 'text') {
      if (seg.start <= p && p < end) return [seg.node, seg.nodeStart + p - seg.start];
      if (p === end) fallback = [seg.node, seg.nodeStart + seg.length];
    } else if (seg.start === p) {
      return before(seg.node);
    } else if (end === p) {
      fallback = after(seg.node);
    }
  }
  return fallback ?? endOf(root);
}

/** DOM point where text ending at `p` ends (prefers the end of the preceding text). */
function endPoint(root: Node, segments: Segment[], total: number, p: number): Point {
  let fallback: Point | null = null;
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i]!;
    if (!seg.node) continue;
    const end = seg.start + seg.length;
    if (seg.kind === 'text') {
      if (seg.start < p && p <= end) return [seg.node, seg.nodeStart + p - seg.start];
      if (p === seg.start) fallback = [seg.node, seg.nodeStart];
    } else if (seg.length > 0 && end === p) {
      return after(seg.node);
    } else if (seg.start === p) {
      fallback = before(seg.node);
    }
  }
  return fallback ?? endOf(root);
}

function endOf(root: Node): Point {
  return [root, root.childNodes.length];
}

function rangeFor(root: HTMLElement, segments: Segment[], total: number, start: number, end: number): Range {
  const range = root.ownerDocument.createRange();
  if (start === end) {
    const pt = endPoint(root, segments, total, start);
    range.setStart(pt[0], pt[1]);
    range.collapse(true);
    return range;
  }
  const s = startPoint(root, segments, total, start);
  const e = endPoint(root, segments, total, end);
  range.setStart(s[0], s[1]);
  range.setEnd(e[0], e[1]);
  return range;
}

function offsetOf(root: HTMLElement, segments: Segment[], total: number, node: Node, offset: number): number | null {
  if (node !== root && !root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    for (const seg of segments) {
      if (seg.node === node && seg.kind === 'text' && offset >= seg.nodeStart && offset <= seg.nodeStart + seg.length) {
        return seg.start + offset - seg.nodeStart;
      }
    }
  }
  // Element positions (and skipped text): the first segment starting at or after the point.
  const probe = root.ownerDocument.createRange();
  probe.setStart(node, offset);
  probe.collapse(true);
  for (const seg of segments) {
    if (!seg.node) continue;
    const [n, o] = seg.kind === 'text' ? [seg.node, seg.nodeStart] : before(seg.node);
    // The first segment that starts at or after the point: the caret sits just before it.
    if (probe.comparePoint(n, o) >= 0) return seg.start;
  }
  return total;
}
