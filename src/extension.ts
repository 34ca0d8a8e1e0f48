import type * as vscode from 'vscode';

// Placeholder until the editor glue lands; replaced in the foundation work.
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
