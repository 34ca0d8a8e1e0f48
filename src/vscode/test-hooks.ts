/**
 * Failure injection for the integration tests (test/integration/isolation.test.ts): a test arms
 * a place, and the next call there throws. Armed only through the API that `activate` returns
 * when VS Code runs the extension in test mode (ExtensionMode.Test); otherwise nothing is ever
 * armed and `failIfArmed` is a set lookup.
 */
export type FailurePoint = 'hover' | 'diagnostics' | 'codeActions' | 'noteContent' | 'openNote' | 'lookUpNote';

const armed = new Map<FailurePoint, number>();

export function armFailure(point: FailurePoint, times = 1): void {
  armed.set(point, (armed.get(point) ?? 0) + times);
}

export function disarmFailure(point: FailurePoint): void {
  armed.delete(point);
}

export function failIfArmed(point: FailurePoint): void {
  const left = armed.get(point);
  if (!left) return;
  if (left <= 1) armed.delete(point);
  else armed.set(point, left - 1);
  throw new Error(`injected failure in ${point} (test)`);
}
