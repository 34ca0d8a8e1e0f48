import type { Bilingual, DisplayLang, Lang } from './types';
import type { MessageData } from './rules/types';

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, data: MessageData = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function formatBoth(templates: Bilingual, data?: MessageData): Bilingual {
  return { en: format(templates.en, data), ja: format(templates.ja, data) };
}

/** One string in the display language; `both` puts Japanese first, then English. */
export function pick(text: Bilingual, lang: DisplayLang, separator = '\n'): string {
  if (lang === 'both') return text.ja === text.en ? text.en : `${text.ja}${separator}${text.en}`;
  return text[lang];
}

/** The language from the environment, as the CLI uses it: `LC_ALL`, then `LANG`, starting `ja`. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja/i.test(value) ? 'ja' : 'en';
}

/** Seconds as a user reads them: `180 s (3 min)`. */
export function seconds(value: number): string {
  if (value >= 86400 && value % 86400 === 0) return `${value} s (${value / 86400} d)`;
  if (value >= 3600 && value % 3600 === 0) return `${value} s (${value / 3600} h)`;
  if (value >= 60 && value % 60 === 0) return `${value} s (${value / 60} min)`;
  return `${value} s`;
}
