// Small DOM helpers: elements from data (text only, never HTML), avatars and times.

/** el("li", {class: "x", onclick: f}, child, "text") */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

/** The small mark beside a bot's name. */
export const botBadge = () => el("span", { class: "bot-badge", "data-testid": "bot-badge", title: "A bot: an account run by a program" }, "bot");

/** The small mark beside a server admin's name. */
export const adminBadge = () => el("span", { class: "admin-badge", "data-testid": "admin-badge", title: "A server admin" }, "admin");

const PALETTE = ["#5b5bf6", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#ec4899", "#14b8a6", "#f97316", "#6366f1"];

export function colorOf(name) {
  let hash = 0;
  for (const ch of name.toLowerCase()) hash = (hash * 31 + ch.codePointAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

export function initials(name) {
  // "Alice Liddell" -> AL, "bob_marley" -> BM, "carol_80x" -> CA: digits make poor initials.
  const words = name.replace(/[_.\-]+/g, " ").trim().split(/\s+/).filter(Boolean);
  const second = words.slice(1).find((w) => /^\p{L}/u.test(w));
  const letters = second ? words[0][0] + second[0] : (words[0] || "?").slice(0, 2);
  return letters.toUpperCase();
}

export function avatar(username, displayName = username) {
  const node = el("span", { class: "avatar", "aria-hidden": "true" }, initials(displayName || username));
  node.style.background = colorOf(username);
  return node;
}

export function time(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function dayLabel(iso) {
  const day = new Date(iso);
  const today = new Date();
  const yesterday = new Date(today);
  yesterday.setDate(today.getDate() - 1);
  if (day.toDateString() === today.toDateString()) return "Today";
  if (day.toDateString() === yesterday.toDateString()) return "Yesterday";
  return day.toLocaleDateString([], { weekday: "long", month: "long", day: "numeric", year: "numeric" });
}

export function ago(iso) {
  const seconds = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}
