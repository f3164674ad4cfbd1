// Saving what the server answers as a file: the exports need the session's bearer token, which a plain
// link could not send, so the page fetches them and saves the Blob through a link made for the click.
import { token } from "./api.js";
import { el } from "./dom.js";

/** Fetches `path` and saves it under the server's file name (else `fallbackName`); throws an Error saying why not. */
export async function download(path, fallbackName) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json", Authorization: `Bearer ${token.get()}` } });
  } catch {
    throw new Error("Parley cannot be reached. Check your connection.");
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.error?.message || response.statusText);
  }
  const named = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
  const url = URL.createObjectURL(await response.blob());
  const link = el("a", { href: url, download: named ? named[1] : fallbackName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // the download has long started by then
}
