import * as vscode from 'vscode';
import type { DisplayLang, SeverityOverride } from '../engine/types';

export interface Settings {
  lang: DisplayLang;
  rules: Record<string, SeverityOverride>;
  lintEnabled: boolean;
  hoverEnabled: boolean;
  debounceMs: number;
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** `iacNotes.*` as the engine needs it; `auto` follows VS Code's display language. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('iacNotes', scope);
  const language = config.get<string>('language', 'auto');
  const lang: DisplayLang = language === 'en' || language === 'ja' || language === 'both'
    ? language
    : vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const rules: Record<string, SeverityOverride> = {};
  const raw = config.get<Record<string, unknown>>('rules', {}) ?? {};
  for (const [id, value] of Object.entries(raw)) {
    if (typeof value === 'string' && SEVERITIES.has(value)) rules[id.toUpperCase()] = value as SeverityOverride;
  }
  return {
    lang,
    rules,
    lintEnabled: config.get<boolean>('lint.enabled', true),
    hoverEnabled: config.get<boolean>('hover.enabled', true),
    debounceMs: Math.max(0, Math.min(5000, config.get<number>('lint.debounceMs', 300))),
  };
}
