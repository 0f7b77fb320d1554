import {spawn} from "node:child_process";

/**
 * Opens `url` in the desktop's browser, if there is one. Never fails: with no display, no opener, or an
 * opener that errors, it only says so, and the server keeps running.
 */
export function openBrowser(url: string): void {
  const command = opener();
  if (!command) {
    console.log(`(no browser to open here; visit ${url})`);
    return;
  }
  try {
    const child = spawn(command[0], [...command.slice(1), url], {stdio: "ignore", detached: true});
    child.on("error", () => console.log(`(could not open a browser; visit ${url})`));
    child.unref();
  } catch {
    console.log(`(could not open a browser; visit ${url})`);
  }
}

function opener(): [string, ...string[]] | undefined {
  switch (process.platform) {
    case "darwin":
      return ["open"];
    case "win32":
      return ["cmd", "/c", "start", ""];
    default:
      // A Linux box without a display (CI, a container, ssh) has no browser to open.
      return process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ["xdg-open"] : undefined;
  }
}
