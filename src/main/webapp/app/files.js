// Files in messages: pictures as previews that open in a viewer, other files as cards with a download
// link. The links are signed and expire (PARLEY_FILE_LINK_TTL, 1 h by default): a picture that fails
// to load, or a link clicked after it may have expired, asks the server for the message again, whose
// fresh links replace the stale ones; nothing shows a broken image.
import { $, el } from "./dom.js";
import * as live from "./live.js";
import { changed, replace, sameUser, state } from "./store.js";

const PREVIEW_WIDTH = 360; // the largest a preview is drawn, in CSS pixels; thumbnails are at most 400 px
const PREVIEW_HEIGHT = 280;
const LINKS_FRESH_MS = 50 * 60 * 1000; // a link older than this is renewed before a download, not tried
const ASK_AGAIN_MS = 20 * 1000; // a message's links are asked for at most this often

const linksSeen = new Map(); // url -> when the page first had it: how old a link is
const askedAt = new Map(); // message id -> when its links were last asked for
let viewing = null; // {messageId, fileId} while the viewer is open

/** `12 KB`, `3.4 MB`: sizes as people read them (1 KB = 1024 bytes, as the upload limit counts). */
export function sizeOf(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** A short label for a file's kind, shown on its card's icon. */
export function kindOf(file) {
  const type = (file.contentType || "").toLowerCase();
  const ext = /\.([a-z0-9]{1,5})$/i.exec(file.name || "")?.[1]?.toLowerCase();
  if (type === "application/pdf") return { label: "PDF", tone: "pdf" };
  if (type.startsWith("image/")) return { label: "IMG", tone: "image" };
  if (type.startsWith("video/")) return { label: "VID", tone: "media" };
  if (type.startsWith("audio/")) return { label: "AUD", tone: "media" };
  if (/zip|compressed|x-tar|gzip|x-7z|x-rar/.test(type)) return { label: "ZIP", tone: "archive" };
  if (/spreadsheet|excel|csv/.test(type) || ["xls", "xlsx", "ods", "csv"].includes(ext)) return { label: "XLS", tone: "sheet" };
  if (/word|opendocument\.text|rtf/.test(type) || ["doc", "docx", "odt"].includes(ext)) return { label: "DOC", tone: "doc" };
  if (/presentation|powerpoint/.test(type) || ["ppt", "pptx", "odp"].includes(ext)) return { label: "PPT", tone: "slides" };
  if (type.startsWith("text/") || /json|xml|javascript/.test(type)) return { label: ext && ext.length <= 4 ? ext.toUpperCase() : "TXT", tone: "text" };
  return { label: ext && ext.length <= 4 ? ext.toUpperCase() : "FILE", tone: "other" };
}

/** What makes a message's files look different: new links redraw it. */
export const filesSignature = (message) => (message.files || []).map((f) => [f.id, f.url, f.thumbnailUrl]);

/** The files of a message, pictures first in a row of previews, then cards; null when it has none. */
export function attachments(message) {
  const files = message.deleted ? [] : message.files || [];
  if (!files.length) return null;
  files.forEach((f) => remember(f.url, f.thumbnailUrl));
  const pictures = files.filter((f) => f.image);
  const others = files.filter((f) => !f.image);
  return el("div", { class: "msg-files", "data-testid": "message-files" },
    pictures.length ? el("div", { class: "file-pictures" }, pictures.map((f) => picture(message, f))) : null,
    others.map((f) => card(message, f)));
}

function remember(...urls) {
  const now = Date.now();
  urls.filter(Boolean).forEach((url) => { if (!linksSeen.has(url)) linksSeen.set(url, now); });
}

/** The preview's size on screen: the picture's shape, at most PREVIEW_WIDTH x PREVIEW_HEIGHT, never enlarged. */
export function previewSize({ width, height }) {
  const scale = Math.min(1, PREVIEW_WIDTH / width, PREVIEW_HEIGHT / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function picture(message, file) {
  const size = previewSize(file.image);
  const img = el("img", { src: file.thumbnailUrl || file.url, alt: file.name, width: size.width, height: size.height,
    loading: "lazy", decoding: "async", "data-testid": "file-preview" });
  img.style.aspectRatio = `${size.width} / ${size.height}`;
  const button = el("button", { type: "button", class: "file-picture", "data-testid": "file-picture", "data-file-id": file.id,
    "aria-label": `Open picture ${file.name}`, title: file.name, onclick: () => openViewer(message, file) }, img);
  img.addEventListener("error", () => stale(message, () => unavailable(button, file), (fresh) => {
    // The list is redrawn when the links changed; this picture, if still shown, takes its new link anyway.
    const now = fresh.files.find((f) => f.id === file.id);
    if (now && img.isConnected) img.src = now.thumbnailUrl || now.url;
  }));
  return button;
}

/** After asking again did not help (the file is gone, say): a plain box in the preview's place. */
function unavailable(button, file) {
  button.replaceWith(el("div", { class: "file-picture file-unavailable", "data-testid": "file-unavailable", style: button.getAttribute("style") },
    el("span", {}, `${file.name}: picture unavailable`)));
}

function card(message, file) {
  const kind = kindOf(file);
  const link = el("a", { class: "file-name", href: file.url, download: file.name, "data-testid": "file-download",
    title: `Download ${file.name}`, onclick: (event) => downloadFresh(event, message, file) }, file.name);
  return el("div", { class: "file-card", "data-testid": "file-card", "data-file-id": file.id },
    el("span", { class: `file-icon file-${kind.tone}`, "aria-hidden": "true" }, kind.label),
    el("span", { class: "file-what" }, link, el("small", { class: "file-size", "data-testid": "file-size" }, sizeOf(file.size))),
    el("a", { class: "icon-btn file-get", href: file.url, download: file.name, "aria-label": `Download ${file.name}`, title: "Download",
      tabindex: "-1", onclick: (event) => downloadFresh(event, message, file) },
    downloadIcon()));
}

/** An arrow into a tray, drawn as SVG (made with createElementNS: `el` makes HTML elements only). */
function downloadIcon() {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "18");
  svg.setAttribute("height", "18");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", "M11 3h2v9.2l3.3-3.3 1.4 1.4L12 16l-5.7-5.7 1.4-1.4 3.3 3.3zM4 18h16v2H4z");
  svg.append(path);
  return svg;
}

/** A link that may have expired is renewed first, then followed: the download never lands on a 403 page. */
async function downloadFresh(event, message, file) {
  const at = linksSeen.get(file.url);
  if (at !== undefined && Date.now() - at < LINKS_FRESH_MS) return;
  event.preventDefault();
  const fresh = await linksOf(message, true);
  const now = fresh?.files?.find((f) => f.id === file.id);
  if (!now) return;
  const link = el("a", { href: now.url, download: now.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
}

/** A picture failed: ask for the message again once in a while; if that was just done, give up on it. */
async function stale(message, giveUp, renewed = () => {}) {
  const last = askedAt.get(message.id);
  if (last !== undefined && Date.now() - last < ASK_AGAIN_MS) return giveUp();
  const fresh = await linksOf(message, false);
  if (fresh) renewed(fresh);
  else giveUp();
}

/**
 * The message as the server has it now, with links signed just now, merged into the page (a redraw
 * follows, since the links differ). Null when it cannot be had.
 */
async function linksOf(message, force) {
  if (!message.id) return null;
  const last = askedAt.get(message.id);
  if (!force && last !== undefined && Date.now() - last < ASK_AGAIN_MS) return null;
  askedAt.set(message.id, Date.now());
  const where = message.room ? { room: message.room }
    : { with: sameUser(message.from, state.me.username) ? message.to : message.from };
  const ack = await live.request("history", { ...where, after: message.id - 1, limit: 1 });
  const fresh = ack.ok ? ack.messages.find((m) => m.id === message.id) : null;
  if (!fresh) return null;
  replace(fresh);
  if (viewing && viewing.messageId === fresh.id) show(fresh, fresh.files.find((f) => f.id === viewing.fileId));
  changed();
  return fresh;
}

/** The viewer: the picture itself (`url`), its name and a download link; Esc, a click or × close it. */
export function setUpViewer() {
  const dialog = $("file-viewer");
  dialog.addEventListener("click", (event) => {
    if (!event.target.closest(".viewer-bar")) dialog.close(); // the picture or the backdrop
  });
  $("viewer-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    viewing = null;
    $("viewer-image").removeAttribute("src");
  });
  $("viewer-image").addEventListener("error", () => {
    if (!viewing) return;
    const message = messageById(viewing.messageId);
    if (message) stale(message, () => { $("viewer-status").textContent = "This picture is not available."; });
  });
  $("viewer-image").addEventListener("load", () => { $("viewer-status").textContent = ""; });
}

function openViewer(message, file) {
  viewing = { messageId: message.id, fileId: file.id };
  show(message, file);
  const dialog = $("file-viewer");
  if (!dialog.open) dialog.showModal();
  $("viewer-close").focus();
}

function show(message, file) {
  if (!file) return;
  const img = $("viewer-image");
  img.alt = file.name;
  if (file.image) {
    img.width = file.image.width;
    img.height = file.image.height;
  }
  img.src = file.url;
  $("viewer-name").textContent = file.name;
  $("viewer-size").textContent = `${sizeOf(file.size)}${file.image ? ` · ${file.image.width} × ${file.image.height}` : ""}`;
  const download = $("viewer-download");
  download.href = file.url;
  download.download = file.name;
  download.onclick = (event) => downloadFresh(event, message, file);
}

function messageById(id) {
  for (const conv of state.convs.values()) {
    const found = conv.messages.find((m) => m.id === id);
    if (found) return found;
  }
  return null;
}
