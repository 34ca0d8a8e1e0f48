import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;
const reported = new Set<string>();
/** The latest logged failures (first lines only), for the "Show Output" command's tests. */
const recent: string[] = [];
const MAX_REMEMBERED = 500;

export function outputChannel(): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel('IaC Notes');
  return channel;
}

/**
 * Logs a failure once per distinct message to the "IaC Notes" output channel, never as a popup:
 * a broken file must not flood the user with errors, and the others keep working. Never throws.
 */
export function logError(where: string, error: unknown): void {
  try {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${where}: ${message}`;
    if (reported.has(key)) return;
    if (reported.size >= MAX_REMEMBERED) reported.clear();
    reported.add(key);
    recent.push(key);
    if (recent.length > MAX_REMEMBERED) recent.shift();
    outputChannel().appendLine(`[${new Date().toISOString()}] ${key}`);
    if (error instanceof Error && error.stack) outputChannel().appendLine(error.stack);
  } catch {
    // Logging must not become the failure it reports.
  }
}

/** The failures logged so far (one line each), oldest first. */
export function loggedFailures(): readonly string[] {
  return recent;
}

/** Runs `fn`, logging and swallowing what it throws; `fallback` is returned instead. */
export function guarded<T>(where: string, fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    logError(where, error);
    return fallback;
  }
}

/** An event handler that logs what it throws instead of letting it reach VS Code. */
export function guardedHandler<A extends unknown[]>(where: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => guarded(where, undefined, () => fn(...args));
}
