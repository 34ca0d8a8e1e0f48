import * as assert from 'assert';
import { parse } from '../../src/engine/parse';
import { locate, spanOfPath } from '../../src/engine/parse/locate';
import { at, isMap, stringOf } from '../../src/engine/parse/tree';
import { lintText } from '../../src/engine/lint';

describe('parse', () => {
  it('reads every CloudFormation short-form tag as its long form', () => {
    const doc = parse([
      'A: !Ref Queue',
      'B: !GetAtt Queue.Arn',
      'C: !Sub "${AWS::StackName}-q"',
      'D: !If [IsProd, 1, 2]',
      'E: !Join [",", [a, b]]',
      'F: !FindInMap [M, K, V]',
      'G: !Condition IsProd',
      'H: !ImportValue Shared',
      'I: !Base64 text',
      'J: !Select [0, !GetAZs ""]',
      'K: !Split [",", "a,b"]',
      'L: !Equals [a, b]',
      'M: !Not [!Equals [a, b]]',
      'N: !And [!Condition A, !Condition B]',
      'O: !Or [!Condition A, !Condition B]',
      'P: !Cidr [10.0.0.0/16, 4, 8]',
      'Q: !Transform {Name: X}',
    ].join('\n'));
    assert.deepStrictEqual(doc.errors, []);
    const keys = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::If', 'Fn::Join', 'Fn::FindInMap', 'Condition', 'Fn::ImportValue', 'Fn::Base64', 'Fn::Select', 'Fn::Split', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Fn::Cidr', 'Fn::Transform'];
    const root = doc.tree!;
    assert.ok(isMap(root));
    root.pairs.forEach((pair, i) => {
      assert.ok(isMap(pair.value), `${pair.key.value} is not a map`);
      assert.strictEqual(pair.value.pairs[0].key.value, keys[i]);
    });
    const ref = at(root, ['A']);
    assert.ok(isMap(ref));
    assert.strictEqual(doc.text.slice(ref.pairs[0].key.start, ref.pairs[0].key.end), '!Ref');
  });

  it('keeps unknown tags without failing', () => {
    const doc = parse('A: !Whatever {x: 1}\nB: 2\n');
    assert.deepStrictEqual(doc.errors, []);
    assert.strictEqual(stringOf(at(doc.tree, ['A', 'x'])), undefined);
    assert.strictEqual((at(doc.tree, ['B']) as { value: unknown }).value, 2);
  });

  it('reads JSON with exact offsets', () => {
    const text = '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" }\n  }\n}\n';
    const doc = parse(text, 'template.json');
    assert.strictEqual(doc.format, 'json');
    const type = at(doc.tree, ['Resources', 'Q', 'Type'])!;
    assert.strictEqual(text.slice(type.start, type.end), '"AWS::SQS::Queue"');
  });

  it('reports JSON comments and trailing commas as errors, not exceptions', () => {
    const doc = parse('{ "a": 1, // c\n }', 'x.json');
    assert.ok(doc.errors.length > 0);
  });

  it('maps offsets to lines after CRLF, CR, BOM, tabs and Japanese text', () => {
    const text = '\uFEFFAWSTemplateFormatVersion: "2010-09-09"\r\nDescription: 日本語の説明\r\nResources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n    Properties:\r\n      VisibilityTimeout: 99999\r\n';
    const result = lintText(text, 'template.yaml');
    const finding = result.findings.find((f) => f.ruleId === 'SQS001');
    assert.ok(finding, 'SQS001 expected');
    assert.deepStrictEqual(finding.range.start, { line: 6, character: 25 });
    assert.deepStrictEqual(finding.range.end, { line: 6, character: 30 });
    const cr = lintText(text.replace(/\r\n/g, '\r'), 'template.yaml').findings.find((f) => f.ruleId === 'SQS001');
    assert.deepStrictEqual(cr?.range.start, { line: 6, character: 25 });
  });

  it('finds the key or value under an offset', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 60\n';
    const doc = parse(text);
    const onKey = locate(doc.tree, text.indexOf('VisibilityTimeout') + 3)!;
    assert.deepStrictEqual(onKey.path, ['Resources', 'Q', 'Properties', 'VisibilityTimeout']);
    assert.strictEqual(onKey.onKey, true);
    const onValue = locate(doc.tree, text.indexOf('60'))!;
    assert.strictEqual(onValue.onKey, false);
    const span = spanOfPath(doc.tree!, ['Resources', 'Q', 'Properties']);
    assert.strictEqual(text.slice(span.start, span.end), 'Properties');
  });

  it('survives alias bombs without expanding them', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    lines.push('Resources:\n  Q:\n    Type: AWS::SQS::Queue');
    const result = lintText(lines.join('\n'), 'template.yaml');
    assert.strictEqual(result.kind, 'cloudformation');
  });

  it('gives one parse finding for broken YAML, not a cascade', () => {
    const result = lintText('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: [AWS::SQS::Queue\n  R: x\n', 'template.yaml');
    assert.strictEqual(result.findings.length, 1);
    assert.strictEqual(result.findings[0].ruleId, 'PARSE');
  });
});
