import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fixOf(text: string, fileName: string, ruleId: string) {
  const finding = lintText(text, fileName).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  return { finding, text: apply(text, finding.fixes[0].edits) };
}

const SAM = (queueProps: string, eol = '\n') => [
  'Transform: AWS::Serverless-2016-10-31',
  'Globals:',
  '  Function:',
  '    Timeout: 45',
  'Resources:',
  '  Inbox:',
  '    Type: AWS::SQS::Queue',
  ...queueProps.split('\n').filter(Boolean),
  '  Reader:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: index.handler',
  '      Events:',
  '        FromInbox:',
  '          Type: SQS',
  '          Properties:',
  '            Queue: !GetAtt Inbox.Arn',
  '',
].join(eol);

describe('SQS006 quick fix: VisibilityTimeout = 6 × the function timeout', () => {
  it('adds the property to an existing Properties map, keeping its indentation', () => {
    const { finding, text } = fixOf(SAM('    Properties:\n      DelaySeconds: 0 # keep'), 'template.yaml', 'SQS006');
    assert.match(finding.fixes[0].title.en, /Set VisibilityTimeout to 270 \(6 × Reader timeout\)/);
    assert.ok(text.includes('      DelaySeconds: 0 # keep\n      VisibilityTimeout: 270\n  Reader:'), text);
    assert.ok(!lintText(text, 'template.yaml').findings.some((f) => /^SQS00[67]$/.test(f.ruleId)));
  });

  it('adds Properties when the queue has none, with CRLF line endings', () => {
    const { text } = fixOf(SAM('', '\r\n'), 'template.yaml', 'SQS006');
    assert.ok(text.includes('    Type: AWS::SQS::Queue\r\n    Properties:\r\n      VisibilityTimeout: 270\r\n  Reader:'), JSON.stringify(text));
  });

  it('replaces a literal value that is too short', () => {
    const { text } = fixOf(SAM('    Properties:\n      VisibilityTimeout: 30'), 'template.yaml', 'SQS006');
    assert.ok(text.includes('      VisibilityTimeout: 270\n'));
  });

  it('writes JSON into a JSON template', () => {
    const json = JSON.stringify({
      Resources: {
        Inbox: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 0 } },
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Timeout: 60 } },
        Map: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Inbox', 'Arn'] }, FunctionName: { Ref: 'Fn' } } },
      },
    }, null, 2);
    const { text } = fixOf(json, 'template.json', 'SQS006');
    assert.strictEqual(JSON.parse(text).Resources.Inbox.Properties.VisibilityTimeout, 360);
  });
});
