// In-page toasts, and the browser's Notification API while the tab is hidden (after the user allowed it).
import { $, avatar, el } from "./dom.js";

const SHOWN_MS = 6000;

export function toast({ title, text, from, fromDisplayName, tag, onOpen, error = false }) {
  const body = el("div", {}, el("strong", {}, title), el("span", { class: "toast-text" }, text));
  const node = el("button", { type: "button", class: error ? "toast error" : from ? "toast" : "toast plain", "data-testid": "toast", "data-key": tag },
    from ? avatar(from, fromDisplayName) : null, body);
  node.addEventListener("click", () => {
    node.remove();
    if (onOpen) onOpen();
  });
  $("toasts").append(node);
  while ($("toasts").children.length > 4) $("toasts").firstElementChild.remove();
  setTimeout(() => node.remove(), SHOWN_MS);
}

export const errorToast = (text) => toast({ title: "Something went wrong", text, error: true });

const supported = () => "Notification" in window;

/** Whether to offer the "turn on notifications" prompt: supported, and not yet decided. */
export const shouldAsk = () => supported() && Notification.permission === "default";

export async function askPermission() {
  if (!supported()) return "denied";
  return Notification.requestPermission();
}

/** A system notification when the page is hidden; otherwise a toast. */
export function notify({ title, text, from, fromDisplayName, tag, onOpen }) {
  if (document.hidden && supported() && Notification.permission === "granted") {
    const shown = new Notification(title, { body: text, tag, icon: "app/icon.svg" });
    shown.onclick = () => {
      window.focus();
      shown.close();
      if (onOpen) onOpen();
    };
    return;
  }
  toast({ title, text, from, fromDisplayName, tag, onOpen });
}
