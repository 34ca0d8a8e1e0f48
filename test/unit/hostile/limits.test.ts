/**
 * The engine's own limits (SECURITY.md, docs/BENCHMARKS.md): documents above 2 MiB characters and
 * nesting deeper than 200 levels become one error instead of a parse, and the duplicate-key check
 * done by the converter (the library's own is quadratic) reports what the library reported.
 */
import * as assert from 'assert';
import { parseDocument } from 'yaml';
import { lintText, parse } from '../../../src/engine';
import { MAX_DOCUMENT_CHARS } from '../../../src/engine/parse';
import { MAX_NESTING } from '../../../src/engine/parse/depth';

describe('hostile input: engine limits', () => {
  it('a document above MAX_DOCUMENT_CHARS is not parsed: no tree, one error, tooLarge', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nDescription: ${'x'.repeat(MAX_DOCUMENT_CHARS)}\n`;
    const doc = parse(text, 'template.yaml');
    assert.strictEqual(doc.tree, undefined);
    assert.strictEqual(doc.tooLarge, true);
    assert.strictEqual(doc.errors.length, 1);
    assert.match(doc.errors[0].message, /MB, more than the 2\.0 MB IaC Notes reads/);
    assert.strictEqual(lintText(text, 'appspec.yml').findings[0].ruleId, 'PARSE');
  });

  for (const [what, make, name] of [
    ['YAML flow lists', (n: number) => `Resources: ${'['.repeat(n)}${']'.repeat(n)}\n`, 'template.yaml'],
    ['YAML flow maps', (n: number) => `Resources: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`, 'template.yaml'],
    ['YAML compact block lists', (n: number) => `Resources:\n  ${'- '.repeat(n)}x\n`, 'template.yaml'],
    ['JSON', (n: number) => `{"Resources": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`, 'template.json'],
    ['JSON-looking YAML', (n: number) => `{"Resources": ${'['.repeat(n)}${']'.repeat(n)}}`, 'template.yaml'],
  ] as Array<[string, (n: number) => string, string]>) {
    it(`${what}: ${MAX_NESTING - 20} levels parse, ${MAX_NESTING + 20} are refused with one error`, () => {
      const shallow = parse(make(MAX_NESTING - 20), name);
      assert.deepStrictEqual(shallow.errors, []);
      assert.ok(shallow.tree);
      const deep = parse(make(MAX_NESTING + 20), name);
      assert.strictEqual(deep.tree, undefined);
      assert.deepStrictEqual(deep.errors.map((e) => e.message), [`The document nests more than ${MAX_NESTING} levels deep, more than IaC Notes reads`]);
    });
  }

  it('a stray closing bracket does not hide JSON nesting ([}[}…)', () => {
    const doc = parse(`{"a": ${'[}'.repeat(5000)}}`, 'template.json');
    assert.strictEqual(doc.tree, undefined);
    assert.match(doc.errors[0].message, /nests more than/);
  });

  it('duplicate keys: the same errors at the same places as the yaml library with uniqueKeys on', () => {
    const text = 'Resources:\n  A: {Type: x, Type: y}\n  B:\n    Type: x\n  A:\n    Type: z\n  1: a\n  "1": b\nOutputs: {}\nResources: {}\n';
    const expected = parseDocument(text).errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);
    const actual = parse(text, 'template.yaml').errors.filter((e) => /unique/.test(e.message)).map((e) => e.start);
    assert.ok(expected.length >= 3);
    assert.deepStrictEqual(actual, expected);
  });

  it('a second document is an error, as with parseDocument', () => {
    const doc = parse('a: 1\n---\nb: 2\n', 'template.yaml');
    assert.match(doc.errors[0].message, /multiple documents/);
  });
});
