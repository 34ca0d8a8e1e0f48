import * as assert from 'assert';
import { parse } from '../../src/engine/parse';
import { getKnowledge } from '../../src/engine/knowledge';
import { detectPlatform, hookEntries, lifecycleFor, scriptTimeout, versionMatches } from '../../src/engine/model/appspec';
import { get } from '../../src/engine/parse/tree';
import { closest, editDistance, inOrder, slotOrder } from '../../src/engine/rules/shared/names-and-order';
import { isLiteralSecretValue, isSecretName } from '../../src/engine/rules/buildspec/secrets';

const tree = (text: string, name = 'appspec.yml') => parse(text, name).tree;
const knowledge = getKnowledge();

describe('AppSpec model', () => {
  it('reads the three lifecycle tables from the notes, in run order', () => {
    const events = (p: 'server' | 'lambda' | 'ecs') => lifecycleFor(knowledge, p).map((e) => e.event);
    assert.deepStrictEqual(events('server'), [
      'Start', 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'ApplicationStop', 'DownloadBundle', 'BeforeInstall',
      'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End',
    ]);
    assert.deepStrictEqual(events('lambda'), ['Start', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End']);
    assert.deepStrictEqual(events('ecs'), [
      'Start', 'BeforeInstall', 'Install', 'AfterInstall', 'TestTraffic', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End',
    ]);
    assert.deepStrictEqual(lifecycleFor(knowledge, 'lambda').filter((e) => e.reserved).map((e) => e.event), ['Start', 'AllowTraffic', 'End']);
    assert.deepStrictEqual(scriptTimeout(knowledge), { default: 3600, max: 3600 });
  });

  describe('detectPlatform', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['ECS by its TargetService', 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\nHooks:\n  - BeforeInstall: f\n', 'ecs'],
      ['Lambda by its function resource', 'version: 0.0\nResources:\n  - Fn:\n      Type: AWS::Lambda::Function\nhooks:\n  - BeforeAllowTraffic: f\n', 'lambda'],
      ['resources win over EC2 sections', 'version: 0.0\nos: linux\nResources:\n  - Fn:\n      Type: AWS::Lambda::Function\n', 'lambda'],
      ['EC2 by os', 'version: 0.0\nos: windows\n', 'server'],
      ['EC2 by files', 'version: 0.0\nfiles:\n  - source: /\n    destination: /srv\n', 'server'],
      ['EC2 by a hooks map', 'version: 0.0\nhooks:\n  AfterInstall:\n    - location: a.sh\n', 'server'],
      ['ECS by a hook name only ECS has', 'version: 0.0\nHooks:\n  - AfterAllowTestTraffic: f\n', 'ecs'],
      ['unknown when the hook names fit Lambda and ECS', 'version: 0.0\nHooks:\n  - BeforeAllowTraffic: f\n', undefined],
      ['unknown without any mark', 'version: 0.0\n', undefined],
    ];
    for (const [title, text, platform] of cases) {
      it(title, () => {
        const detection = detectPlatform(tree(text), knowledge);
        assert.strictEqual(detection.platform, platform, detection.reason);
        assert.ok(detection.reason.length > 0);
      });
    }

    it('does not infer from hook names without the lifecycle tables', () => {
      assert.strictEqual(detectPlatform(tree('version: 0.0\nHooks:\n  - AfterAllowTestTraffic: f\n')).platform, undefined);
    });
  });

  it('lists hooks with their paths and entry spans, in both forms', () => {
    const ec2 = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n  BeforeInstall:\n    - location: b.sh\n';
    const entries = hookEntries(tree(ec2));
    assert.deepStrictEqual(entries.map((e) => e.path), [['hooks', 'AfterInstall'], ['hooks', 'BeforeInstall']]);
    assert.strictEqual(ec2.slice(entries[1].span.start, entries[1].span.end).trimEnd(), 'BeforeInstall:\n    - location: b.sh');

    const lambda = 'version: 0.0\nHooks:\n  - BeforeAllowTraffic: pre\n  - AfterAllowTraffic: post\n';
    const list = hookEntries(tree(lambda));
    assert.deepStrictEqual(list.map((e) => e.path), [['Hooks', 0, 'BeforeAllowTraffic'], ['Hooks', 1, 'AfterAllowTraffic']]);
    assert.deepStrictEqual(list.map((e) => e.index), [0, 1]);
    assert.strictEqual(lambda.slice(list[1].span.start, list[1].span.end).trimEnd(), 'AfterAllowTraffic: post');
  });

  it('accepts version 0.0 as YAML reads it (the number 0) and as the string "0.0"', () => {
    const version = (text: string) => get(tree(text), 'version');
    assert.strictEqual(versionMatches(version('version: 0.0\n'), '0.0'), true);
    assert.strictEqual(versionMatches(version("version: '0.0'\n"), '0.0'), true);
    assert.strictEqual(versionMatches(version('{"version": 0.0}'), '0.0'), true);
    assert.strictEqual(versionMatches(version('version: 0.1\n'), '0.0'), false);
    assert.strictEqual(versionMatches(version('version: "1"\n'), '0.0'), false);
    assert.strictEqual(versionMatches(version('version:\n'), '0.0'), false);
  });
});

describe('rule helpers', () => {
  it('suggests close names only', () => {
    assert.strictEqual(editDistance('AfterInstal', 'AfterInstall'), 1);
    assert.strictEqual(editDistance('ab', 'ba'), 1);
    assert.strictEqual(closest('afterinstall', ['AfterInstall', 'BeforeInstall']), 'AfterInstall');
    assert.strictEqual(closest('ValidateServices', ['ApplicationStart', 'ValidateService']), 'ValidateService');
    assert.strictEqual(closest('pre-build', ['install', 'pre_build', 'build']), 'pre_build');
    assert.strictEqual(closest('CustomEvent', ['ApplicationStart', 'ValidateService']), undefined);
    assert.strictEqual(closest('test', ['install', 'pre_build', 'build', 'post_build']), undefined);
  });

  it('orders ranked entries into their slots and leaves unranked ones in place', () => {
    assert.strictEqual(inOrder([0, undefined, 1, 1, 3]), true);
    assert.strictEqual(inOrder([2, undefined, 1]), false);
    assert.deepStrictEqual(slotOrder([2, undefined, 0, 1]), [2, 1, 3, 0]);
  });

  it('tells secrets from references', () => {
    const value = (text: string) => get(get(tree(`v:\n  x: ${text}\n`, 'x.yml'), 'v'), 'x');
    assert.strictEqual(isSecretName('DB_PASSWORD'), true);
    assert.strictEqual(isSecretName('githubToken'), true);
    assert.strictEqual(isSecretName('AWS_SECRET_ACCESS_KEY'), true);
    assert.strictEqual(isSecretName('DB_SECRET_ARN'), false);
    assert.strictEqual(isSecretName('TOKEN_URL'), false);
    assert.strictEqual(isSecretName('BUCKET'), false);
    assert.strictEqual(isLiteralSecretValue(value('hunter2')), true);
    assert.strictEqual(isLiteralSecretValue(value('12345')), true);
    assert.strictEqual(isLiteralSecretValue(value('""')), false);
    assert.strictEqual(isLiteralSecretValue(value('$FROM_PROJECT')), false);
    assert.strictEqual(isLiteralSecretValue(value('"${TOKEN}"')), false);
    assert.strictEqual(isLiteralSecretValue(value('/ci/token')), false);
    assert.strictEqual(isLiteralSecretValue(value('arn:aws:secretsmanager:us-east-1:1:secret:x')), false);
    assert.strictEqual(isLiteralSecretValue(value('true')), false);
  });
});
