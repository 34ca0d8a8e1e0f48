import * as assert from 'assert';
import { hover } from '../../src/engine/hover';
import { lookup } from '../../src/engine/lookup';
import { parse } from '../../src/engine/parse';

function hoverAt(text: string, fileName: string, marker: string, lang: 'en' | 'ja' | 'both' = 'en', delta = 1) {
  const doc = parse(text, fileName);
  const offset = text.indexOf(marker) + delta;
  return hover(doc, offset, { lang, openNoteLink: (id) => `command:iacNotes.openNote?${encodeURIComponent(JSON.stringify([id]))}` });
}

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 30
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 180
      MaximumMessageSize: 262144
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Timeout: !Ref AWS::NoValue
      Events:
        Q:
          Type: SQS
          Properties:
            Queue: !GetAtt Queue.Arn
`;

describe('hover', () => {
  it('shows the note of a property key, its AWS docs link and an Open note command link', () => {
    const result = hoverAt(TEMPLATE, 'template.yaml', 'VisibilityTimeout')!;
    assert.deepStrictEqual(result.notes, ['sqs.visibility-timeout']);
    assert.match(result.markdown, /\*\*SQS visibility timeout\*\*/);
    assert.match(result.markdown, /Default \*\*30 seconds\*\*/);
    assert.match(result.markdown, /\(https:\/\/docs\.aws\.amazon\.com\//);
    assert.match(result.markdown, /\[Open note\]\(command:iacNotes\.openNote\?%5B%22sqs\.visibility-timeout%22%5D\)/);
  });

  it('speaks Japanese, and both languages with `both`', () => {
    const ja = hoverAt(TEMPLATE, 'template.yaml', 'VisibilityTimeout', 'ja')!;
    assert.match(ja.markdown, /可視性タイムアウト/);
    assert.match(ja.markdown, /ノートを開く/);
    assert.doesNotMatch(ja.markdown, /Open note/);
    const both = hoverAt(TEMPLATE, 'template.yaml', 'VisibilityTimeout', 'both')!;
    assert.ok(both.markdown.indexOf('可視性タイムアウト') < both.markdown.indexOf('SQS visibility timeout'));
  });

  it('shows the correction beside an outdated note (SQS 256 KB → 1 MiB)', () => {
    const result = hoverAt(TEMPLATE, 'template.yaml', 'MaximumMessageSize')!;
    assert.deepStrictEqual(result.notes, ['sqs.message-size']);
    assert.match(result.markdown, /256/);
    assert.match(result.markdown, /Correction \(2026\) · FC-01/);
    assert.match(result.markdown, /1 MiB/);
  });

  it('covers resource types, SAM Globals and intrinsic functions', () => {
    assert.deepStrictEqual(hoverAt(TEMPLATE, 'template.yaml', 'AWS::SQS::Queue')!.notes, ['sqs.overview']);
    assert.ok(hoverAt(TEMPLATE, 'template.yaml', 'Timeout: 30')!.notes.includes('lambda.max-15-minutes'));
    assert.ok(hoverAt(TEMPLATE, 'template.yaml', 'Handler')!.notes.includes('lambda.best-practices'));
    assert.strictEqual(hoverAt(TEMPLATE, 'template.yaml', 'Events'), undefined);
  });

  it('draws the platform lifecycle on an appspec hook, marking it and striking reserved steps', () => {
    const appspec = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/configure.sh\n';
    const result = hoverAt(appspec, 'appspec.yml', 'AfterInstall')!;
    assert.match(result.markdown, /Lifecycle · EC2\/On-Premises/);
    assert.match(result.markdown, /\*\*AfterInstall\*\* ◀/);
    assert.match(result.markdown, /~~DownloadBundle~~/);
    assert.match(result.markdown, /BeforeInstall → ~~Install~~ → \*\*AfterInstall\*\* ◀ → ApplicationStart/);
    const ja = hoverAt(appspec, 'appspec.yml', 'AfterInstall', 'ja')!;
    assert.match(ja.markdown, /ライフサイクル · EC2\/オンプレミス/);
  });

  it('shows the phase order on a buildspec phase', () => {
    const buildspec = 'version: 0.2\nphases:\n  install:\n    commands: [npm ci]\n  build:\n    commands: [npm test]\n';
    const result = hoverAt(buildspec, 'buildspec.yml', '  build:', 'en', 3)!;
    assert.match(result.markdown, /`install` → `pre_build` → \*\*`build`\*\* ◀ → `post_build`/);
  });

  it('says why a file was recognised, on its first key', () => {
    const result = hoverAt(TEMPLATE, 'template.yaml', 'AWSTemplateFormatVersion')!;
    assert.match(result.markdown, /reads this file as a \*\*AWS SAM template\*\*/);
  });
});

describe('lookup', () => {
  const cases: Array<[string, string]> = [
    ['visibility', 'sqs.visibility-timeout'],
    ['可視性', 'sqs.visibility-timeout'],
    ['可視性タイムアウト', 'sqs.visibility-timeout'],
    ['visiblity timeout', 'sqs.visibility-timeout'],
    ['long polling', 'sqs.long-polling'],
    ['ロングポーリング', 'sqs.long-polling'],
    ['hook order', 'codedeploy.hook-order-ec2'],
    ['デプロイフック', 'codedeploy.hook-order-ec2'],
    ['256KB', 'sqs.message-size'],
    ['FIFO', 'sqs.fifo'],
    ['timeoutInMinutesOverride', 'codebuild.timeout-override'],
    ['buildspec', 'codebuild.buildspec'],
    ['rollback', 'codedeploy.rollback'],
    ['デッドレターキュー', 'lambda.dlq'],
  ];
  for (const [query, id] of cases) {
    it(`"${query}" ranks ${id} in the top three`, () => {
      const ids = lookup(query).slice(0, 3).map((h) => h.id);
      assert.ok(ids.includes(id), `top three were ${ids.join(', ')}`);
    });
  }

  it('an empty query lists every note', () => {
    assert.ok(lookup('').length >= 27);
  });
});

describe('hover on Lambda resource types', () => {
  it('shows the Lambda note on AWS::Lambda::Function and AWS::Serverless::Function', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::Lambda::Function\n  B:\n    Type: AWS::Serverless::Function\n';
    for (const type of ['AWS::Lambda::Function', 'AWS::Serverless::Function']) {
      const doc = parse(text, 'template.yaml');
      const result = hover(doc, text.indexOf(type) + 2, { lang: 'ja' });
      assert.ok(result?.notes.includes('lambda.max-15-minutes'), type);
      assert.match(result!.markdown, /15分/);
    }
  });
});
