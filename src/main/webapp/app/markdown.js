// A safe subset of Markdown for message text, built as DOM nodes (createElement and text nodes, never
// an HTML string): *em*, **strong**, `code`, ``` fenced blocks ```, [text](url), bare http(s) URLs and
// line breaks. Nothing else is markup: a tag in a message is text. Links go only to http, https and
// mailto, in a new tab without an opener or a referrer; any other [text](url) stays as typed.
// Written here rather than taken from a library: the Markdown libraries in reach (markdown-it, marked)
// produce HTML strings for innerHTML, which the page never uses, and none is published as a WebJar we
// can build with offline; this subset is small enough to keep in one module with its test.
import { el } from "./dom.js";

const FENCE = /^ {0,3}```\s*([\w+#.-]*)\s*$/;
const URL_START = /https?:\/\/[^\s<>]+/iy; // sticky: tried only where a URL may start
const TRAILING = /[.,;:!?'"*_]+$/;
const ESCAPABLE = "\\`*_[]()#<>~!";
const SCHEMES = ["http:", "https:", "mailto:"];

/**
 * The nodes for a message's text. `decorate(plain)` turns a run of plain text into nodes or strings
 * (mentions highlighted); it never sees code, code blocks or link targets.
 */
export function render(text, decorate = (plain) => [plain]) {
  const nodes = [];
  const lines = text.split("\n");
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) nodes.push(...inline(paragraph.join("\n"), decorate, true));
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) {
      paragraph.push(lines[i]);
      continue;
    }
    flush();
    const code = [];
    for (i++; i < lines.length && !/^ {0,3}```\s*$/.test(lines[i]); i++) code.push(lines[i]);
    nodes.push(el("pre", { class: "md-code-block", "data-lang": open[1] || null }, el("code", {}, code.join("\n"))));
  }
  flush();
  return nodes;
}

/** A safe link target, normalised, or null: only absolute http, https and mailto URLs. */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return SCHEMES.includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null; // relative or malformed: not a link
  }
}

const link = (href, children) => el("a", { href, target: "_blank", rel: "noopener noreferrer" }, children);

/** Inline constructs of one paragraph; `links` is false inside a link's own text. */
function inline(s, decorate, links) {
  const out = [];
  let plain = "";
  const flush = () => {
    if (plain) out.push(...decorate(plain));
    plain = "";
  };
  const push = (node) => {
    flush();
    out.push(node);
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\" && ESCAPABLE.includes(s[i + 1] || "\n")) {
      plain += s[i + 1];
      i += 2;
    } else if (c === "\n") {
      push(el("br"));
      i++;
    } else if (c === "`") {
      const run = /^`+/.exec(s.slice(i))[0];
      const close = closingRun(s, i + run.length, run.length);
      if (close < 0) {
        plain += run;
        i += run.length;
      } else {
        let code = s.slice(i + run.length, close).replace(/\n/g, " ");
        if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
        push(el("code", { class: "md-code" }, code));
        i = close + run.length;
      }
    } else if (c === "*") {
      const strong = s.startsWith("**", i);
      const mark = strong ? "**" : "*";
      const close = closingMark(s, i + mark.length, mark);
      if (close < 0) {
        plain += mark;
        i += mark.length;
      } else {
        push(el(strong ? "strong" : "em", {}, inline(s.slice(i + mark.length, close), decorate, links)));
        i = close + mark.length;
      }
    } else if (c === "[" && links) {
      const found = linkAt(s, i);
      if (found) {
        push(link(found.href, inline(found.label, decorate, false)));
        i = found.end;
      } else {
        plain += c;
        i++;
      }
    } else if ((c === "h" || c === "H") && links && !/[\p{L}\p{N}]/u.test(s[i - 1] || "")) {
      URL_START.lastIndex = i;
      const match = URL_START.exec(s);
      const url = match ? trimUrl(match[0]) : "";
      const href = url && safeHref(url);
      if (href) {
        push(link(href, url));
        i += url.length;
      } else {
        plain += c;
        i++;
      }
    } else {
      plain += c;
      i++;
    }
  }
  flush();
  return out;
}

/** Where a run of exactly `n` backticks closes a code span, or -1. */
function closingRun(s, from, n) {
  for (let j = s.indexOf("`", from); j >= 0; j = s.indexOf("`", j)) {
    let k = j;
    while (s[k] === "`") k++;
    if (k - j === n) return j;
    j = k;
  }
  return -1;
}

/** Emphasis hugs its text: `* a *` is two stars, `*a*` is emphasis; a closing `*` is not half of `**`. */
function closingMark(s, from, mark) {
  if (from >= s.length || /\s/.test(s[from])) return -1;
  for (let j = s.indexOf(mark, from + 1); j >= 0; j = s.indexOf(mark, j + 1)) {
    if (/\s/.test(s[j - 1])) continue;
    if (mark === "*" && (s[j + 1] === "*" || s[j - 1] === "*")) continue;
    return j;
  }
  return -1;
}

/** `[label](url)` at `i`, its target safe, or null. */
function linkAt(s, i) {
  const match = /^\[([^\[\]\n]+)\]\(\s*<?([^\s()<>]+)>?\s*\)/.exec(s.slice(i));
  if (!match) return null;
  const href = safeHref(match[2]);
  return href ? { label: match[1], href, end: i + match[0].length } : null;
}

/** A bare URL ends before trailing punctuation and before a `)` it did not open (as in "(see https://x)"). */
function trimUrl(url) {
  let u = url.replace(TRAILING, "");
  while (u.endsWith(")") && (u.match(/\(/g) || []).length < (u.match(/\)/g) || []).length) u = u.slice(0, -1).replace(TRAILING, "");
  return u;
}
