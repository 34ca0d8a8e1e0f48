import { buildspecFacts, envVariables, VARIABLE_SECTIONS } from '../../model/buildspec';
import type { Rule } from '../types';

/**
 * BUILDSPEC008: a variable whose name starts with `CODEBUILD_`. "Do not set any environment
 * variable with a name that starts with CODEBUILD_. This prefix is reserved for internal use"
 * (CodeBuild User Guide, "Build specification reference", env/variables and env/parameter-store).
 * Checked where the buildspec *sets* variables: `variables`, `parameter-store`, `secrets-manager`.
 * `exported-variables` only names variables to export, and exporting a built-in such as
 * `CODEBUILD_BUILD_NUMBER` sets nothing, so it is not checked. Prefix: note `codebuild.buildspec`.
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC008',
    severity: 'error',
    kinds: ['buildspec'],
    title: { en: 'Reserved variable prefix', ja: '予約済みの変数プレフィックス' },
    note: 'codebuild.buildspec',
    messages: {
      reserved: {
        en: '`{name}` starts with `{prefix}`: names starting with `{prefix}` are reserved for CodeBuild. Rename the variable in `env.{section}`.',
        ja: '`{name}` は `{prefix}` で始まっています。`{prefix}` で始まる名前は CodeBuild の予約済みです。`env.{section}` の変数名を変更してください。',
      },
    },
  },
  check(context) {
    const prefix = buildspecFacts(context.knowledge).reservedVariablePrefix;
    for (const section of VARIABLE_SECTIONS) {
      for (const variable of envVariables(context.root, section)) {
        if (!variable.name.startsWith(prefix)) continue;
        context.report({ path: variable.path, target: 'key', messageId: 'reserved', data: { name: variable.name, prefix, section } });
      }
    }
  },
};

export default rule;
