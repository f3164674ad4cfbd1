// The sessions view: this user's live sessions, "End" on each, and "End all other sessions".
import { api } from "./api.js";
import { $, ago, el } from "./dom.js";
import { errorToast, toast } from "./notify.js";

export function setUpSessions() {
  $("end-others").addEventListener("click", async () => {
    try {
      const { terminated } = await api("POST", "api/sessions/terminate-others");
      toast({ title: "Sessions ended", text: terminated === 1 ? "1 other session was signed out." : `${terminated} other sessions were signed out.` });
      await loadSessions();
    } catch (error) {
      errorToast(error.message);
    }
  });
}

export async function loadSessions() {
  const list = $("session-list");
  try {
    const sessions = await api("GET", "api/sessions");
    sessions.sort((a, b) => (b.current - a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
    list.replaceChildren(...sessions.map(card));
    $("end-others").disabled = sessions.length < 2;
  } catch (error) {
    if (error.status !== 401) list.replaceChildren(el("li", { class: "muted" }, `Could not load your sessions: ${error.message}`));
  }
}

function card(session) {
  const end = session.current ? null : el("button", {
    type: "button", class: "btn btn-danger btn-small", "data-testid": `end-session-${session.id}`,
    "aria-label": `End the session on ${device(session.userAgent)}`,
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await api("DELETE", `api/sessions/${encodeURIComponent(session.id)}`);
        await loadSessions();
      } catch (error) {
        event.target.disabled = false;
        errorToast(error.message);
      }
    },
  }, "End");
  const live = session.connections > 0 ? el("span", { class: "pill live" }, "Active now") : null;
  return el("li", { class: `session${session.current ? " current" : ""}`, "data-testid": "session", "data-session-id": session.id, "data-current": String(session.current) },
    el("span", { class: "session-icon", "aria-hidden": "true" }, icon()),
    el("div", { class: "session-what" },
      el("strong", {}, device(session.userAgent), session.current ? el("span", { class: "pill" }, "This session") : null, live),
      el("small", {}, `${session.ip || "unknown address"} · signed in ${ago(session.createdAt)} · last active ${ago(session.lastSeenAt)}`)),
    end ?? el("span"));
}

/** A readable name for a user agent: the browser and the system, or the client's own name. */
export function device(userAgent) {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox"
    : /Chrom(e|ium)\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : null;
  const system = /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS"
    : /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "macOS" : /Linux/.test(userAgent) ? "Linux" : null;
  if (browser) return system ? `${browser} on ${system}` : browser;
  return userAgent.split(/[\s(]/)[0].slice(0, 40);
}

function icon() {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "22");
  svg.setAttribute("height", "22");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", "M4 5h16v10H4zm-2 12h20v2H2zM6 7v6h12V7z");
  svg.append(path);
  return svg;
}
