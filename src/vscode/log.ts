import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;
const reported = new Set<string>();

export function outputChannel(): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel('IaC Notes');
  return channel;
}

/**
 * Logs a failure once per distinct message to the "IaC Notes" output channel, never as a popup:
 * a broken file must not flood the user with errors, and the others keep working.
 */
export function logError(where: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const key = `${where}: ${message}`;
  if (reported.has(key)) return;
  reported.add(key);
  outputChannel().appendLine(`[${new Date().toISOString()}] ${key}`);
  if (error instanceof Error && error.stack) outputChannel().appendLine(error.stack);
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
