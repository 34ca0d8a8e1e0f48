import type { Knowledge } from '../../knowledge';
import { formatBoth } from '../../messages';
import type { RuleMeta, WorkspaceCheck, WorkspaceFinding } from '../types';

/**
 * EB007: a file directly under an `.ebextensions/` directory whose name does not end in `.config`
 * (e.g. the note's `xxx.conf`, or `.yml`). Elastic Beanstalk only processes `.ebextensions/*.config`
 * files (YAML or JSON), so the configuration silently never applies. Source: EB Developer Guide
 * "Advanced environment customization with configuration files (.ebextensions)" (verified
 * 2026-11-21). Note `eb.ebextensions` (FC-45).
 *
 * This is a workspace check, not a template rule: such files are not templates, buildspecs or
 * appspecs, so the per-file lint never sees them. The editor (its workspace scan and file watcher)
 * and the CLI (its directory walk) list the files of `.ebextensions` folders and show the finding
 * on the file (line 1) when one comes back (`checkWorkspaceFile` in the engine).
 */
export const ebextensionsMeta: RuleMeta = {
  id: 'EB007',
  severity: 'warning',
  kinds: [],
  title: { en: '.ebextensions file with the wrong extension', ja: '.ebextensions のファイルの拡張子が .config ではない' },
  note: 'eb.ebextensions',
  messages: {
    wrongExtension: {
      en: 'Elastic Beanstalk only processes `.ebextensions/*.config` files (YAML or JSON); `{file}` is ignored. Rename it to `{suggested}` (unless another configuration file only copies it elsewhere).',
      ja: 'Elastic Beanstalk が処理するのは `.ebextensions/*.config`（YAML または JSON）だけで、`{file}` は無視されます。`{suggested}` に名前を変えてください（別の設定ファイルがコピーして使うだけのファイルなら問題ありません）。',
    },
  },
};

/** Extensions of files people mean as configuration (others, e.g. README.md or scripts, are left alone). */
const CONFIG_LIKE = /\.(conf|cfg|yml|yaml|json|txt|config\.[a-z]+)$/i;

/**
 * The EB007 finding for a workspace file path (either separator), or undefined. Only direct
 * children of an `.ebextensions` directory count; dot files and names without a configuration-like
 * extension are ignored.
 */
export function checkEbextensionsFile(filePath: string, knowledge: Knowledge): (WorkspaceFinding & { suggested: string }) | undefined {
  const parts = filePath.replace(/\\/g, '/').split('/');
  if (parts.length < 2) return undefined;
  const name = parts[parts.length - 1];
  const directory = String(knowledge.value('eb.ebextensions', 'directory'));
  const extension = String(knowledge.value('eb.ebextensions', 'extension'));
  if (parts[parts.length - 2] !== directory) return undefined;
  if (!name || name.startsWith('.') || name.endsWith(extension)) return undefined;
  if (!CONFIG_LIKE.test(name) && name.includes('.')) return undefined;
  const stem = name.replace(/\.(conf|cfg|yml|yaml|json|txt)$/i, '').replace(/\.config\.[a-z]+$/i, '');
  const suggested = `${stem}${extension}`;
  const messages = formatBoth(ebextensionsMeta.messages.wrongExtension, { file: `${directory}/${name}`, suggested: `${directory}/${suggested}` });
  return { ruleId: ebextensionsMeta.id, severity: ebextensionsMeta.severity, messages, note: ebextensionsMeta.note, suggested };
}

/** EB007 as the registry lists it. `directory` is the knowledge's `eb.ebextensions` directory (a test keeps them equal). */
const ebextensionsCheck: WorkspaceCheck = { meta: ebextensionsMeta, directory: '.ebextensions', check: checkEbextensionsFile };
export default ebextensionsCheck;
