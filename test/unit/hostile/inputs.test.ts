/**
 * Named hostile inputs (issue 8): broken, huge, deep, ambiguous and malicious files. Each goes
 * through lint with every rule on, hover at random offsets and every quick fix (see harness.ts).
 * Nothing may throw, no rule may throw, findings stay inside the text, each case finishes within
 * Mocha's timeout and leaves the heap bounded.
 */
import * as assert from 'assert';
import { lintText, lookup, parse } from '../../../src/engine';
import { exercise, random } from './harness';

const SAM = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 45
Resources:
  Inbox:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 3
  Dlq:
    Type: AWS::SQS::Queue
  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Timeout: 60
      Events:
        FromInbox:
          Type: SQS
          Properties:
            Queue: !GetAtt Inbox.Arn
`;

const APPSPEC = `version: 0.0
os: linux
files:
  - source: /
    destination: /var/www
hooks:
  AfterInstall:
    - location: scripts/configure.sh
      timeout: 300
  BeforeInstall:
    - location: scripts/stop.sh
`;

const BUILDSPEC = `version: 0.2
env:
  variables:
    PASSWORD: hunter2
phases:
  build:
    commands:
      - npm test
  install:
    runtime-versions:
      nodejs: 20
artifacts:
  discard-paths: yes
`;

/** A case: name, the file name it is linted under, and the text (built lazily for the big ones). */
type Case = [string, string, string | (() => string)];

const TYPE_CONFUSION: Case[] = [
  ['Resources as a list', 'template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  - Type: AWS::SQS::Queue\n  - Inbox\n'],
  ['Resources as a string', 'template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: none\n'],
  ['Resources null', 'template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'],
  ['Properties as a string', 'template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: "VisibilityTimeout: 5"\n'],
  ['Properties as a list', 'template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: [VisibilityTimeout, 5]\n'],
  ['Type as a number', 'template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: 42\n    Properties: {VisibilityTimeout: 5}\n'],
  ['Type as a map, list, null, Ref', 'template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: {Type: {x: 1}}\n  B: {Type: [AWS::SQS::Queue]}\n  C: {Type: null}\n  D: {Type: !Ref T}\n  E: 7\n  F:\n'],
  ['!Ref with a map, a list and nothing', 'template.yaml', SAM.replace('Queue: !GetAtt Inbox.Arn', 'Queue: !Ref {Inbox: Arn}').replace('VisibilityTimeout: 30', 'VisibilityTimeout: !Ref [a, b]').replace('maxReceiveCount: 3', 'maxReceiveCount: !Ref')],
  ['!GetAtt with no argument and odd arguments', 'template.yaml', SAM.replace('!GetAtt Inbox.Arn', '!GetAtt').replace('!GetAtt Dlq.Arn', '!GetAtt [Dlq]') + '  X:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !GetAtt .Arn\n      DelaySeconds: !GetAtt [[], {}]\n      RedrivePolicy: !GetAtt {a: b}\n'],
  ['unknown and odd tags', 'template.yaml', SAM.replace('VisibilityTimeout: 30', 'VisibilityTimeout: !Frobnicate 30').replace('Timeout: 45', 'Timeout: !!binary aGVsbG8=').replace('Runtime: nodejs20.x', 'Runtime: !<tag:example.com,2000:x> y').replace('Timeout: 60', 'Timeout: !!int "60"')],
  ['intrinsics with wrong shapes', 'template.yaml', SAM.replace('VisibilityTimeout: 30', 'VisibilityTimeout: !If [OnlyCondition]').replace('Timeout: 60', 'Timeout: !FindInMap {a: b}').replace('Timeout: 45', 'Timeout: !Sub [1, 2, 3]').replace('maxReceiveCount: 3', 'maxReceiveCount: !Select [x, !Split]')],
  ['numbers that are not numbers', 'template.yaml', SAM.replace('VisibilityTimeout: 30', 'VisibilityTimeout: 1e400').replace('Timeout: 60', 'Timeout: .nan').replace('Timeout: 45', 'Timeout: -.inf').replace('maxReceiveCount: 3', 'maxReceiveCount: 99999999999999999999999999')],
  ['numbers as strings, hex, octal, booleans', 'template.yaml', SAM.replace('VisibilityTimeout: 30', 'VisibilityTimeout: "0x1e"').replace('Timeout: 60', 'Timeout: 0o17').replace('Timeout: 45', 'Timeout: yes').replace('maxReceiveCount: 3', 'maxReceiveCount: ""')],
  ['Globals, Parameters, Mappings, Conditions of the wrong kinds', 'template.yaml', SAM.replace('Globals:\n  Function:\n    Timeout: 45', 'Globals: [Function]\nParameters: 5\nMappings: [a]\nConditions: "x"\nMetadata: [iac-notes]')],
  ['Globals.Function as a string, parameters as lists', 'template.yaml', SAM.replace('Globals:\n  Function:\n    Timeout: 45', 'Globals:\n  Function: fast\nParameters:\n  T: [Default, 5]\n  U: {Default: {a: 1}, Type: Number}').replace('Timeout: 60', 'Timeout: !Ref U')],
  ['Events as a list, event Properties as a string', 'template.yaml', SAM.replace('Events:\n        FromInbox:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Inbox.Arn', 'Events:\n        - SQS\n        - {Type: SQS, Properties: "Queue"}')],
  ['RedrivePolicy as a JSON string that is not JSON', 'template.yaml', SAM.replace(/RedrivePolicy:\n.*\n.*\n/, "RedrivePolicy: '{\"deadLetterTargetArn\": '\n")],
  ['keys that are not strings', 'template.yaml', `${SAM}  ? [a, b]\n  : {Type: AWS::SQS::Queue}\n  1: {Type: AWS::SQS::Queue}\n  ~: {Type: AWS::SQS::Queue}\n  true: {Type: AWS::SQS::Queue}\n  ? {x: y}\n  : {Type: AWS::SQS::Queue}\n`],
  ['merge keys and anchors across resources', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: &q\n    Type: AWS::SQS::Queue\n    Properties: &p {VisibilityTimeout: 99999, DelaySeconds: -5}\n  B:\n    <<: *q\n    Properties:\n      <<: *p\n      FifoQueue: true\n  C: *q\n  D: *undefined\n`],
  ['iac-notes Metadata of odd shapes', 'template.yaml', SAM.replace('Resources:', 'Metadata:\n  iac-notes: {ignore: {SQS006: yes}}\nResources:').replace('Type: AWS::SQS::Queue\n    Properties:', 'Type: AWS::SQS::Queue\n    Metadata: {iac-notes: 5}\n    Properties:') + '# iac-notes-disable-next-line ,,,\n# iac-notes-disable \u0000\n'],
  ['appspec hooks as a string', 'appspec.yml', 'version: 0.0\nos: linux\nhooks: AfterInstall\n'],
  ['appspec hooks as a list of strings, hook as a map', 'appspec.yml', 'version: 0.0\nos: linux\nfiles: /\nhooks:\n  - AfterInstall\n  - {BeforeInstall: x}\n'],
  ['appspec hook entries of wrong kinds', 'appspec.yml', APPSPEC.replace('timeout: 300', 'timeout: [300]').replace('- location: scripts/stop.sh', '- location: {a: b}\n      timeout: "-1"\n      runas: [root]\n    - 42\n    -\n  ApplicationStop: "x"\n  ValidateService:')],
  ['appspec (Lambda) Hooks as a map, Resources as a map', 'appspec.yml', 'version: 0.0\nResources:\n  MyFunction:\n    Type: AWS::Lambda::Function\nHooks:\n  BeforeAllowTraffic: fn\n'],
  ['appspec version, os and files of wrong kinds', 'appspec.yml', 'version: [0.0]\nos: 5\nfiles: {source: /}\nhooks: {}\npermissions: x\n'],
  ['buildspec phases as a list', 'buildspec.yml', 'version: 0.2\nphases:\n  - install\n  - build:\n      commands: [make]\n'],
  ['buildspec phases as a string, commands as a map', 'buildspec.yml', 'version: 0.2\nphases: build\n---\n'],
  ['buildspec commands as a map, env as a list', 'buildspec.yml', BUILDSPEC.replace('commands:\n      - npm test', 'commands: {npm: test}\n    finally: x').replace('variables:\n    PASSWORD: hunter2', 'variables: [PASSWORD]\n  secrets-manager: token\n  parameter-store: [a]')],
  ['buildspec with every section of the wrong kind', 'buildspec.yml', 'version: {a: 1}\nenv: 5\nphases:\n  install: [1]\n  pre_build: ""\n  build:\n  post_build: {commands: null, finally: {a: b}}\nartifacts: [files]\ncache: x\nreports: 1\n'],
  ['a buildspec that looks like a template', 'buildspec.yml', SAM],
  ['a template named appspec.yml', 'appspec.yml', SAM],
  ['JSON: Resources as a list, Type as a number', 'template.json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":[{"Type":1}],"Outputs":{"A":{"Value":{"Fn::GetAtt":[]}}}}'],
  ['JSON: Ref with a map, GetAtt with nothing', 'template.json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"Q":{"Type":"AWS::SQS::Queue","Properties":{"VisibilityTimeout":{"Ref":{"a":"b"}},"RedrivePolicy":{"deadLetterTargetArn":{"Fn::GetAtt":null},"maxReceiveCount":"x"}}}}}'],
];

const SYNTAX: Case[] = [
  ['empty file', 'template.yaml', ''],
  ['empty appspec', 'appspec.yml', ''],
  ['empty buildspec', 'buildspec.yml', ''],
  ['empty JSON', 'template.json', ''],
  ['whitespace only', 'template.yaml', ' \n\t\n  \r\n'],
  ['comment only', 'buildspec.yml', '# nothing here\n# at all\n'],
  ['comment only JSON', 'template.json', '// nothing\n/* here */\n'],
  ['a BOM alone', 'appspec.yml', '\ufeff'],
  ['a BOM before a template', 'template.yaml', `\ufeff${SAM}`],
  ['two BOMs', 'template.yaml', `\ufeff\ufeff${SAM}`],
  ['a BOM before JSON', 'template.json', '\ufeff{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 99999}}}}'],
  ['CRLF line endings', 'template.yaml', SAM.replace(/\n/g, '\r\n')],
  ['CR line endings', 'template.yaml', SAM.replace(/\n/g, '\r')],
  ['mixed line endings', 'appspec.yml', APPSPEC.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('')],
  ['CR line endings in a buildspec', 'buildspec.yml', BUILDSPEC.replace(/\n/g, '\r')],
  ['Unicode line and paragraph separators', 'template.yaml', SAM.replace('Timeout: 45', 'Timeout: 45\u2028\u2029').replace('nodejs20.x', 'node\u0085js')],
  ['tabs for indentation', 'template.yaml', SAM.replace(/^ {4}/gm, '\t')],
  ['tabs inside values and after colons', 'buildspec.yml', BUILDSPEC.replace(/: /g, ':\t').replace(/- /g, '-\t')],
  ['duplicate keys everywhere', 'template.yaml', `${SAM}Resources:\n  Inbox:\n    Type: AWS::SQS::Queue\n    Type: AWS::SNS::Topic\n    Properties: {VisibilityTimeout: 1, VisibilityTimeout: 99999}\n`],
  ['duplicate keys in JSON', 'template.json', '{"Resources":{"Q":{"Type":"AWS::SQS::Queue","Type":"AWS::SQS::Queue","Properties":{"VisibilityTimeout":5,"VisibilityTimeout":99999}}},"Resources":{}}'],
  ['duplicate hooks in an appspec', 'appspec.yml', `${APPSPEC}  AfterInstall:\n    - location: again.sh\n`],
  ['multi-document YAML', 'template.yaml', `${SAM}---\n${SAM}---\n...\n`],
  ['multi-document appspec', 'appspec.yml', `---\n${APPSPEC}...\n---\n${APPSPEC}`],
  ['a lone document marker', 'buildspec.yml', '---\n'],
  ['directives', 'template.yaml', `%YAML 1.1\n%TAG ! tag:example.com,2000:\n---\n${SAM}`],
  ['JSON with comments and trailing commas', 'template.json', '{\n  // a comment\n  "AWSTemplateFormatVersion": "2010-09-09", /* block */\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 99999,},},\n  },\n}\n'],
  ['JSON with comments, named .yaml', 'template.yaml', '{\n  // a comment\n  "Resources": {"Q": {"Type": "AWS::SQS::Queue",},},\n}\n'],
  ['JSON truncated', 'template.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Vis'],
  ['JSON array at the top', 'template.json', '[{"Resources": {}}, 1, null]'],
  ['JSON scalar at the top', 'template.json', '"Resources"'],
  ['JSON with NaN, Infinity and huge numbers', 'template.json', '{"Resources":{"Q":{"Type":"AWS::SQS::Queue","Properties":{"VisibilityTimeout":NaN,"DelaySeconds":Infinity,"MessageRetentionPeriod":1e999,"MaximumMessageSize":-0}}}}'],
  ['JSON with unescaped control characters', 'template.json', '{"Resources":{"Q\u0000":{"Type":"AWS::SQS::\u0007Queue"}}}'],
  ['lone surrogates and replacement characters', 'template.yaml', SAM.replace('Inbox:', 'In\ud800box:').replace('index.handler', '\udfff\ufffd\ufffe')],
  ['NUL and other control characters', 'template.yaml', SAM.replace('Timeout: 45', 'Timeout: 4\u00005').replace('Reader:', 'Rea\u0001\u001bder:')],
  ['an unterminated quote', 'template.yaml', SAM.replace('index.handler', '"index.handler')],
  ['an unterminated flow collection', 'appspec.yml', 'version: 0.0\nos: linux\nhooks: {AfterInstall: [{location: a.sh, timeout: 3'],
  ['a block scalar with a bad header', 'buildspec.yml', 'version: 0.2\nphases:\n  build:\n    commands:\n      - |9x\n        make\n'],
  ['a stray document end and garbage', 'template.yaml', `${SAM}...\n}}}]]]\n`],
  ['only a key', 'template.yaml', 'Resources'],
  ['only a colon', 'appspec.yml', ':'],
  ['only a dash', 'buildspec.yml', '-'],
  ['only tags and anchors', 'template.yaml', '!Ref &a *a'],
  ['an alias to nowhere', 'template.yaml', 'Resources: *nowhere\n'],
  ['an alias to itself', 'template.yaml', 'Resources: &r\n  A: *r\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: *r\n'],
  ['long keys', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  ${'Q'.repeat(70_000)}:\n    Type: AWS::SQS::Queue\n`],
];

/** Billion laughs: nine levels of ten aliases each (10^9 leaves if expanded). */
function aliasBomb(prefix: string, indent: string): string {
  let out = `${prefix}${indent}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i <= 9; i++) out += `${indent}a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return out;
}

const HUGE: Case[] = [
  ['billion laughs in a template (resources from aliases)', 'template.yaml', () => `AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n${aliasBomb('', '  ')}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: *a9\n      RedrivePolicy: {x: *a9}\n`],
  ['billion laughs in a buildspec', 'buildspec.yml', () => `version: 0.2\nenv:\n  variables:\n${aliasBomb('', '    ')}phases:\n  build:\n    commands: *a9\n  install: {commands: *a9}\n`],
  ['billion laughs in an appspec', 'appspec.yml', () => `version: 0.0\nos: linux\nx:\n${aliasBomb('', '  ')}files: *a9\nhooks:\n  AfterInstall: *a9\n  BeforeInstall: [*a9]\n`],
  ['billion laughs of maps', 'template.yaml', () => {
    let out = 'AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n  m0: &m0 {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 99999}}\n';
    for (let i = 1; i <= 9; i++) out += `  m${i}: &m${i} {${Array.from({ length: 10 }, (_, j) => `k${j}: *m${i - 1}`).join(', ')}}\n`;
    return `${out}Resources: *m9\nOutputs: *m9\n`;
  }],
  ['20,000-level flow nesting (lists)', 'template.yaml', () => `Resources: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
  ['20,000-level flow nesting (maps)', 'template.yaml', () => `AWSTemplateFormatVersion: "2010-09-09"\nResources: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`],
  ['20,000-level flow nesting, unclosed', 'appspec.yml', () => `version: 0.0\nhooks: ${'[{a: '.repeat(10_000)}`],
  ['20,000-level block nesting (compact lists)', 'buildspec.yml', () => `version: 0.2\nphases:\n  build:\n    commands:\n      ${'- '.repeat(20_000)}make\n`],
  ['20,000-level block nesting (compact lists of maps)', 'template.yaml', () => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        ${'- '.repeat(20_000)}a: 1\n          b: 2\n`],
  // Block maps need one more column per level, so 2 MiB of text holds about 2,000 of them.
  ['2,000-level block nesting (maps)', 'template.yaml', () => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 1)}Q${i}:\n`).join('')}${' '.repeat(2_001)}Type: AWS::SQS::Queue\n`],
  ['20,000-level JSON nesting', 'template.json', () => `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`],
  ['20,000-level JSON nesting of arrays', 'template.json', () => `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": ${'['.repeat(20_000)}${']'.repeat(20_000)}}}}}`],
  ['a 2 MB single line (plain scalar)', 'template.yaml', () => `AWSTemplateFormatVersion: "2010-09-09"\nDescription: ${'x'.repeat(2_000_000)}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n`],
  ['a 500 KB single line (flow template)', 'template.yaml', () => {
    const resources = Array.from({ length: 3_500 }, (_, i) => `Q${i}: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: ${i % 50_000}}}`);
    return `{AWSTemplateFormatVersion: "2010-09-09", Resources: {${resources.join(', ')}}}`;
  }],
  ['a 2 MB single line (minified JSON)', 'template.json', () => {
    const resources = Array.from({ length: 14_000 }, (_, i) => `"Q${i}":{"Type":"AWS::SQS::Queue","Properties":{"VisibilityTimeout":${i % 50_000}}}`);
    return `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{${resources.join(',')}}}`;
  }],
  ['a 2 MB buildspec command line', 'buildspec.yml', () => `version: 0.2\nphases:\n  build:\n    commands:\n      - echo ${'y'.repeat(2_000_000)}\n`],
  ['a 20 MB template', 'template.yaml', () => {
    const header = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    const parts = [header];
    for (let i = 0, size = header.length; size < 20_000_000; i++) {
      const resource = `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: ${i % 50_000}\n      QueueName: !Sub "\${AWS::StackName}-${i}"\n`;
      parts.push(resource);
      size += resource.length;
    }
    return parts.join('');
  }],
  ['a 20 MB JSON template', 'template.json', () => {
    const parts: string[] = [];
    for (let i = 0, size = 0; size < 20_000_000; i++) {
      const resource = `"Queue${i}": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": ${i % 50_000}}}`;
      parts.push(resource);
      size += resource.length + 2;
    }
    return `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {\n${parts.join(',\n')}\n}}`;
  }],
  ['30,000 tiny lines of dashes', 'buildspec.yml', () => `version: 0.2\nphases:\n  build:\n    commands:\n${'      -\n'.repeat(30_000)}`],
];

/**
 * Time and heap one case may take. Time is bounded by Mocha's timeout (a hang fails; no figure is
 * asserted: docs/BENCHMARKS.md has those), heap by what the case leaves allocated.
 */
const CASE_TIMEOUT_MS = 30_000;
const CASE_HEAP = 600 * 1024 * 1024;

function run(cases: Case[], hovers = 25): void {
  for (const [name, fileName, make] of cases) {
    it(name, function () {
      this.timeout(CASE_TIMEOUT_MS);
      const text = typeof make === 'string' ? make : make();
      const before = process.memoryUsage().heapUsed;
      exercise(name, text, fileName, { hovers, seed: text.length });
      if (text.length < 200_000) exercise(`${name} (ja)`, text, fileName, { hovers: 3, seed: 7, fixes: false, lang: 'both' });
      const grew = process.memoryUsage().heapUsed - before;
      assert.ok(grew < CASE_HEAP, `${name}: heap grew by ${Math.round(grew / 1048576)} MB`);
    });
  }
}

describe('hostile input: named cases', () => {
  describe('type confusion', () => run(TYPE_CONFUSION));
  describe('syntax', () => run(SYNTAX));
  describe('huge, deep and explosive', () => run(HUGE, 10));

  it('an alias bomb is never expanded: the tree shares the anchored node', () => {
    const doc = parse(`version: 0.2\nenv:\n  variables:\n${aliasBomb('', '    ')}phases:\n  build:\n    commands: *a9\n`, 'buildspec.yml');
    assert.ok(doc.tree);
    assert.ok(process.memoryUsage().heapUsed < 1024 * 1024 * 1024);
  });

  it('random bytes, decoded as UTF-8 and as Latin-1, under every file name', function () {
    this.timeout(60_000);
    const rng = random(0xb17e5);
    const names = ['template.yaml', 'template.json', 'appspec.yml', 'buildspec.yml', 'x.template'];
    for (let i = 0; i < 60; i++) {
      const bytes = Buffer.alloc(rng.int(4000) + 1);
      for (let j = 0; j < bytes.length; j++) bytes[j] = rng.int(256);
      const name = names[i % names.length];
      exercise(`random bytes #${i} (utf8) as ${name}`, bytes.toString('utf8'), name, { hovers: 5, seed: i });
      exercise(`random bytes #${i} (latin1) as ${name}`, bytes.toString('latin1'), name, { hovers: 5, seed: i });
    }
  });

  it('random YAML-ish text: indicators, quotes, tags, anchors and line breaks', function () {
    this.timeout(60_000);
    const rng = random(0x7a41);
    const atoms = ['Resources', 'Type', 'Properties', 'AWS::SQS::Queue', 'AWS::Serverless::Function', 'VisibilityTimeout', 'Timeout', 'hooks', 'phases', 'version', 'os',
      ':', ': ', '- ', '? ', '[', ']', '{', '}', ',', '#', '&a', '*a', '!Ref', '!GetAtt', '!Sub', '!If', '!', '|', '>', "'", '"', '%', '@', '`', '\n', '\n  ', '\n    ', '\t', '\r', '\r\n', '---', '...', '0.0', '0.2', '30', '-1', '1e9', 'null', '~', 'true', '<<', '\\', '\ufeff', '\u0000', '日本語'];
    for (let i = 0; i < 250; i++) {
      const parts: string[] = [];
      const count = rng.int(120) + 1;
      for (let j = 0; j < count; j++) parts.push(rng.pick(atoms));
      const name = ['template.yaml', 'appspec.yml', 'buildspec.yml', 'template.json'][i % 4];
      exercise(`random YAML-ish #${i} as ${name}`, parts.join(''), name, { hovers: 5, seed: i });
    }
  });

  it('lintText takes any string for a file name', () => {
    for (const name of ['', '.', '/', 'C:\\x\\appspec.yml', 'appspec.yml/..', '\u0000', 'buildspec.yml.json', 'x'.repeat(10_000), 'TEMPLATE.JSON']) {
      lintText(BUILDSPEC, name);
      lintText('{"Resources": {}}', name);
    }
  });
});

describe('hostile input: lookup', () => {
  it('takes random strings, regex and search syntax, huge and empty queries', function () {
    this.timeout(30_000);
    const rng = random(0x100c);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 .-_*?+()[]{}^$|\\/:"\'~!@#%&=<>,;`可視性タイムアウトのノート日本語ー　\u0000\ud800\ufeff\n\t';
    const queries = ['', ' ', '*', '.*', '(', '[', '\\', 'AND OR NOT', '~', '^', '"', "'", '\u0000', '\ud800', '\udfff', '🙂', 'ｖｉｓｉｂｉｌｉｔｙ', 'a'.repeat(100_000), '可'.repeat(20_000), 'visibility '.repeat(2000)];
    for (let i = 0; i < 300; i++) {
      let q = '';
      const length = rng.int(40);
      for (let j = 0; j < length; j++) q += alphabet[rng.int(alphabet.length)];
      queries.push(q);
    }
    for (const q of queries) {
      let hits;
      try {
        hits = lookup(q, { limit: 1 + (q.length % 30) });
      } catch (error) {
        assert.fail(`lookup(${JSON.stringify(q.slice(0, 40))}) threw ${(error as Error)?.stack ?? error}`);
      }
      assert.ok(Array.isArray(hits));
      for (const hit of hits) assert.ok(Number.isFinite(hit.score), `lookup(${JSON.stringify(q.slice(0, 40))}): score ${hit.score}`);
    }
  });
});
