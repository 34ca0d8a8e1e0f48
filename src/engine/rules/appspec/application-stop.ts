import type { Rule } from '../types';
import { appspecFacts } from './facts';

const EVENT = 'ApplicationStop';

/**
 * APPSPEC012: a reminder on `hooks.ApplicationStop`. "The AppSpec file and scripts used for this
 * deployment lifecycle event are from the previous successfully deployed application revision",
 * and "the ApplicationStop hook does not run the first time you deploy to the instance"
 * (CodeDeploy User Guide, "AppSpec 'hooks' section", list of lifecycle event hooks). A common
 * surprise, so info; off by default: it fires on 13 of the corpus's 16 EC2 AppSpecs, and the hover
 * of `ApplicationStop` says the same (the lifecycle line). Note `codedeploy.hook-order-ec2` (003:L225).
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC012',
    severity: 'info',
    kinds: ['appspec'],
    title: { en: 'ApplicationStop semantics', ja: 'ApplicationStop の動作' },
    note: 'codedeploy.hook-order-ec2',
    enabledByDefault: false,
    messages: {
      applicationStop: {
        en: 'ApplicationStop runs the scripts of the *previously deployed* revision (not this one) and does not run on the first deployment to an instance. Edits here take effect from the next deployment.',
        ja: 'ApplicationStop は*前回デプロイに成功した*リビジョンのスクリプトで実行され（今回のリビジョンではありません）、そのインスタンスへの初回デプロイでは実行されません。ここでの変更は次回のデプロイから反映されます。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    if (facts.platform !== 'server' || facts.hooks?.form !== 'map') return;
    for (const entry of facts.hooks.entries) {
      if (entry.name === EVENT) context.report({ path: entry.path, target: 'key', messageId: 'applicationStop' });
    }
  },
};

export default rule;
