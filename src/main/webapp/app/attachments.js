// Attaching files to the next message: the attach button, dropping files on the conversation, pasting
// a picture into the message box. Each file uploads at once (POST /api/files, over XMLHttpRequest for
// its upload progress and abort), with a progress bar and a cancel; a finished one can be removed
// before sending. Each conversation keeps its own attachments, as a draft would.
import { token } from "./api.js";
import { $, el } from "./dom.js";
import { kindOf, sizeOf } from "./files.js";
import { changed, currentConv, onChange, state } from "./store.js";

export const MAX_FILES = 10; // per message (contract)
const THUMB_READ_MAX = 8 * 1024 * 1024; // larger pictures show their icon in the tray, not a copy read into memory
const drafts = new Map(); // conversation key -> [attachment]
let sequence = 0;
let shownFor = null; // the conversation whose attachments the tray shows
let shownVersion = -1;
let version = 0;

/** The attachments of the conversation on screen. */
const current = () => {
  const key = state.current;
  if (!drafts.has(key)) drafts.set(key, []);
  return drafts.get(key);
};

export function setUpAttachments() {
  const input = $("file-input");
  $("attach").addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    add([...input.files]);
    input.value = ""; // the same file can be chosen again
  });
  $("composer-input").addEventListener("paste", (event) => {
    const files = [...(event.clipboardData?.items || [])].filter((i) => i.kind === "file").map((i) => i.getAsFile()).filter(Boolean);
    if (!files.length) return;
    event.preventDefault(); // a copied picture is attached, not pasted as its name
    add(files.map(named));
  });
  setUpDropping();
  onChange(() => draw());
}

/** A pasted screenshot arrives as "image.png": it gets a name that says when it was taken. */
function named(file) {
  if (file.name && !/^image\.(png|jpe?g|gif|webp)$/i.test(file.name)) return file;
  const ext = (/^image\/(png|jpeg|gif|webp)$/.exec(file.type)?.[1] || "png").replace("jpeg", "jpg");
  const at = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} at ${pad(at.getHours())}.${pad(at.getMinutes())}.${pad(at.getSeconds())}`;
  return new File([file], `Screenshot ${stamp}.${ext}`, { type: file.type });
}

/** Files dragged over the conversation: an overlay says where they go, a drop attaches them. */
function setUpDropping() {
  const pane = $("chat-pane");
  let depth = 0;
  const carriesFiles = (event) => [...(event.dataTransfer?.types || [])].includes("Files");
  const hide = () => {
    depth = 0;
    $("drop-zone").hidden = true;
  };
  pane.addEventListener("dragenter", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth += 1;
    const conv = currentConv();
    $("drop-zone-text").textContent = `Drop to share in ${conv.kind === "room" ? `#${conv.name}` : conv.displayName}`;
    $("drop-zone").hidden = false;
  });
  pane.addEventListener("dragover", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  pane.addEventListener("dragleave", (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) hide();
  });
  pane.addEventListener("drop", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    hide();
    add([...event.dataTransfer.files]);
    $("composer-input").focus();
  });
  // A drop elsewhere on the page must not open the file in place of the chat.
  window.addEventListener("dragover", (event) => { if (carriesFiles(event)) event.preventDefault(); });
  window.addEventListener("drop", (event) => { if (carriesFiles(event)) { event.preventDefault(); hide(); } });
}

/** Attaches files to the conversation on screen and starts their uploads; past ten, the rest are refused. */
export function add(files) {
  if (state.view !== "chat" || !files.length) return;
  const list = current();
  const room = MAX_FILES - list.length;
  files.slice(0, Math.max(0, room)).forEach((file) => {
    const item = { key: ++sequence, file, name: file.name || "file", size: file.size, sent: 0, status: "uploading", error: null, xhr: null, view: null };
    list.push(item);
    upload(item);
  });
  $("attach-note").textContent = files.length > room ? `A message carries at most ${MAX_FILES} files: ${files.length - Math.max(0, room)} not attached.` : "";
  touch();
}

function upload(item) {
  const xhr = new XMLHttpRequest();
  item.xhr = xhr;
  xhr.open("POST", `api/files?name=${encodeURIComponent(item.name)}`);
  xhr.setRequestHeader("Authorization", `Bearer ${token.get()}`);
  xhr.setRequestHeader("Accept", "application/json");
  // The server reads the type from the bytes; a header keeps the body from being taken for a form.
  xhr.setRequestHeader("Content-Type", item.file.type && !item.file.type.startsWith("multipart/") ? item.file.type : "application/octet-stream");
  xhr.responseType = "json";
  xhr.upload.addEventListener("progress", (event) => {
    item.sent = event.loaded;
    if (event.lengthComputable) item.size = event.total;
    progress(item);
  });
  xhr.addEventListener("load", () => {
    item.xhr = null;
    const body = xhr.response;
    if (xhr.status === 201 || xhr.status === 200) {
      item.status = "done";
      item.view = body?.file ?? body;
    } else {
      item.status = "failed";
      item.error = refusal(xhr.status, body?.error);
    }
    touch();
  });
  xhr.addEventListener("error", () => {
    item.xhr = null;
    item.status = "failed";
    item.error = "The upload was cut off. Check your connection and try again.";
    touch();
  });
  xhr.send(item.file);
}

/** What the person reads next to a refused file: the server's own words where they help. */
function refusal(status, error) {
  const said = error?.message ? ` ${error.message}` : "";
  if (status === 413 || error?.code === "too_large") return `Too large.${said}`;
  if (status === 429 || error?.code === "rate_limited") return "Too many uploads at once. Try again in a moment.";
  if (status === 401) return "Your session has ended.";
  if (error?.code === "invalid_payload") return `Not accepted.${said}`;
  return error?.message || `The upload failed (${status || "no answer"}).`;
}

/** Cancels an upload under way, or removes a finished or failed one; the server sweeps unattached uploads. */
function remove(item) {
  if (item.xhr) item.xhr.abort();
  const list = current();
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
  $("attach-note").textContent = "";
  touch();
  $("composer-input").focus();
}

/** Whether some upload of this conversation is still under way (the message waits for it). */
export const uploading = () => current().some((a) => a.status === "uploading");

/** Sending while files upload: say so beside them (the message box keeps its text). */
const WAIT = "Wait for the uploads to finish, then send.";
export function holdForUploads() {
  $("attach-note").textContent = WAIT;
}

/** The uploaded files of the conversation on screen, to send: `[file]` in the order attached. */
export const ready = () => current().filter((a) => a.status === "done" && a.view).map((a) => a.view);

/** After sending: the tray starts empty again (failed ones go too; they said why). */
export function clear() {
  current().forEach((a) => a.xhr && a.xhr.abort());
  drafts.set(state.current, []);
  $("attach-note").textContent = "";
  touch();
}

function touch() {
  version += 1;
  draw();
  changed();
}

/** The tray above the message box; redrawn only when what it shows changed, progress aside. */
function draw() {
  if (shownFor === state.current && shownVersion === version) return;
  shownFor = state.current;
  shownVersion = version;
  const list = current();
  const tray = $("attachments");
  tray.hidden = list.length === 0;
  tray.replaceChildren(...list.map(row));
  const busy = list.some((a) => a.status === "uploading");
  if (!busy && $("attach-note").textContent === WAIT) $("attach-note").textContent = "";
  $("composer-send").setAttribute("aria-disabled", busy ? "true" : "false");
  $("composer-send").title = busy ? "Waiting for uploads to finish" : "Send";
}

function row(item) {
  const kind = kindOf({ name: item.name, contentType: item.file.type });
  const picture = item.file.type.startsWith("image/");
  const status = item.status === "uploading" ? `${sizeOf(item.sent)} of ${sizeOf(item.size)}`
    : item.status === "done" ? sizeOf(item.view?.size ?? item.size) : "";
  const node = el("li", { class: `attachment ${item.status}`, "data-testid": "attachment", "data-status": item.status, "data-key": item.key },
    picture && item.size <= THUMB_READ_MAX ? thumb(item) : el("span", { class: `file-icon file-${kind.tone}`, "aria-hidden": "true" }, kind.label),
    el("span", { class: "attachment-what" },
      el("span", { class: "attachment-name", title: item.name }, item.name),
      item.status === "uploading" ? el("progress", { class: "attachment-progress", "data-testid": "attachment-progress", max: item.size || 1, value: item.sent,
        "aria-label": `Uploading ${item.name}` }) : null,
      item.error ? el("span", { class: "attachment-error", role: "alert", "data-testid": "attachment-error" }, item.error)
        : el("small", { class: "attachment-size", "data-testid": "attachment-size" }, status)),
    el("button", { type: "button", class: "icon-btn attachment-remove", "data-testid": item.status === "uploading" ? "attachment-cancel" : "attachment-remove",
      "aria-label": `${item.status === "uploading" ? "Cancel upload of" : "Remove"} ${item.name}`, title: item.status === "uploading" ? "Cancel upload" : "Remove",
      onclick: () => remove(item) }, "×"));
  item.node = node;
  return node;
}

/** The page's own copy of a picture, shown before its upload ends: a data: URL, as the page's CSP allows no blob:. */
function thumb(item) {
  const img = el("img", { class: "attachment-thumb", alt: "" });
  if (item.preview) img.src = item.preview;
  else if (item.size <= THUMB_READ_MAX) {
    const reader = new FileReader();
    reader.addEventListener("load", () => {
      item.preview = reader.result;
      img.src = reader.result;
    });
    reader.readAsDataURL(item.file);
  }
  return img;
}

/** Progress moves the bar and the count only: no redraw, so a cancel button keeps its place and focus. */
function progress(item) {
  const bar = item.node?.querySelector("progress");
  if (!bar) return;
  bar.max = item.size || 1;
  bar.value = item.sent;
  const size = item.node.querySelector(".attachment-size");
  if (size) size.textContent = `${sizeOf(item.sent)} of ${sizeOf(item.size)}`;
}
