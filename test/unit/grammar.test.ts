import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { fixturesDir, repoRoot } from './paths';

/**
 * The injection grammar in syntaxes/, run by the real TextMate engine VS Code uses
 * (vscode-textmate + vscode-oniguruma) on top of the YAML and JSON grammars from tm-grammars.
 * Each fixture's tokens with a `.cloudformation` scope are compared with a snapshot
 * (`*.tokens`; `UPDATE_SNAPSHOTS=1 npm run test:unit` rewrites them after a deliberate change).
 */
const INJECTION = 'iac-notes.cloudformation.injection';
const grammarsDir = path.join(fixturesDir, 'grammar');

let registry: textmate.Registry;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = {
        'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
        'source.json': require.resolve('tm-grammars/grammars/json.json'),
        [INJECTION]: path.join(repoRoot, 'syntaxes', 'cloudformation.injection.tmLanguage.json'),
      }[scopeName];
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName: string) => (scopeName === 'source.yaml' || scopeName === 'source.json' ? [INJECTION] : undefined),
  });
});

/** `line:col text  scope` for every token that carries one of the grammar's scopes. */
async function cloudFormationTokens(file: string): Promise<string[]> {
  const scope = file.endsWith('.json') ? 'source.json' : 'source.yaml';
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar, `no grammar for ${scope}`);
  const out: string[] = [];
  let state = textmate.INITIAL;
  fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const ours = token.scopes.filter((s) => s.endsWith('.cloudformation'));
      if (ours.length === 0) continue;
      const text = line.slice(token.startIndex, token.endIndex);
      if (!text.trim()) continue;
      out.push(`${index + 1}:${token.startIndex + 1} ${JSON.stringify(text)} ${ours.join(' ')}`);
    }
    state = result.ruleStack;
  });
  return out;
}

function has(tokens: string[], text: string, scope: string): boolean {
  return tokens.some((t) => t.includes(` ${JSON.stringify(text)} `) && t.includes(scope));
}

describe('syntax highlighting (TextMate injection grammar)', () => {
  it('highlights short tags, Fn:: keys, pseudo parameters and ${…} in !Sub strings in YAML', async () => {
    const tokens = await cloudFormationTokens(path.join(grammarsDir, 'template.yaml'));
    assert.ok(has(tokens, 'GetAtt', 'support.function.intrinsic'));
    assert.ok(has(tokens, 'Equals', 'support.function.intrinsic'));
    assert.ok(has(tokens, 'Fn::Join', 'support.function.intrinsic'));
    assert.ok(has(tokens, 'AWS::StackName', 'variable.language.pseudo-parameter'), 'pseudo parameter inside a quoted !Sub string');
    assert.ok(has(tokens, 'Queue.QueueName', 'variable.other.substitution'), 'resource attribute inside Fn::Sub');
    assert.ok(has(tokens, 'Queue.Arn', 'variable.other.substitution'), 'inside a !Sub block scalar');
    assert.ok(has(tokens, '${!', 'constant.character.escape'), '${!literal} is an escape');
    assert.ok(!tokens.some((t) => t.includes('NotASub')), '${…} outside !Sub is plain text');
    assert.ok(!tokens.some((t) => t.startsWith('6:')), 'a resource type (AWS::SQS::Queue) is not a pseudo parameter');
    assert.ok(!tokens.some((t) => t.startsWith('31:')), 'nothing is highlighted inside a comment');
  });

  it('highlights Fn:: keys, Ref and ${…} in Fn::Sub strings in JSON', async () => {
    const tokens = await cloudFormationTokens(path.join(grammarsDir, 'template.json'));
    assert.ok(has(tokens, '"Fn::Sub"', 'support.function.intrinsic'));
    assert.ok(has(tokens, 'Fn::GetAtt', 'support.function.intrinsic'));
    assert.ok(has(tokens, 'Ref', 'support.function.intrinsic'));
    assert.ok(has(tokens, 'AWS::Region', 'variable.language.pseudo-parameter'));
    assert.ok(has(tokens, 'Host', 'variable.other.substitution'), 'the list form of Fn::Sub');
    assert.ok(!tokens.some((t) => t.includes('NotASub')), '${…} outside Fn::Sub is plain text');
  });

  it('leaves other YAML alone (docker compose variables, a !Ref inside a string)', async () => {
    assert.deepStrictEqual(await cloudFormationTokens(path.join(grammarsDir, 'compose.yaml')), []);
  });

  for (const name of fs.readdirSync(grammarsDir).filter((n) => !n.endsWith('.tokens')).sort()) {
    it(`${name} matches its token snapshot`, async () => {
      const file = path.join(grammarsDir, name);
      const actual = `${(await cloudFormationTokens(file)).join('\n')}\n`;
      const snapshot = `${file}.tokens`;
      if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(snapshot)) fs.writeFileSync(snapshot, actual);
      assert.strictEqual(actual, fs.readFileSync(snapshot, 'utf8'), `${name}: tokens changed (UPDATE_SNAPSHOTS=1 to accept)`);
    });
  }
});
