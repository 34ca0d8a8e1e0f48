import * as assert from 'assert';
import { parse } from '../../src/engine/parse';
import { removePair } from '../../src/engine/edits';
import { at, isMap } from '../../src/engine/parse/tree';

function removeFrom(text: string, fileName: string, mapPath: Array<string | number>, key: string): string {
  const doc = parse(text, fileName);
  const map = at(doc.tree, mapPath);
  assert.ok(isMap(map), 'map expected');
  const edit = removePair(doc, map, key);
  assert.ok(edit, 'edit expected');
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('removePair', () => {
  it('removes a block YAML entry with its nested lines and comment', () => {
    const text = 'Properties:\n  BillingMode: PAY_PER_REQUEST\n  ProvisionedThroughput: # old\n    ReadCapacityUnits: 5\n    WriteCapacityUnits: 5\n  TableName: t\n';
    assert.strictEqual(removeFrom(text, 't.yaml', ['Properties'], 'ProvisionedThroughput'), 'Properties:\n  BillingMode: PAY_PER_REQUEST\n  TableName: t\n');
  });
  it('removes the last block entry of a file without a final newline', () => {
    const text = 'Properties:\n  A: 1\n  B:\n    C: 2';
    assert.strictEqual(removeFrom(text, 't.yaml', ['Properties'], 'B'), 'Properties:\n  A: 1\n');
  });
  it('keeps CRLF line endings intact', () => {
    const text = 'Properties:\r\n  A: 1\r\n  B: 2\r\n  C: 3\r\n';
    assert.strictEqual(removeFrom(text, 't.yaml', ['Properties'], 'B'), 'Properties:\r\n  A: 1\r\n  C: 3\r\n');
  });
  it('removes a JSON property and its comma, first, middle or last', () => {
    const text = '{"P": {"A": 1, "B": {"x": 2}, "C": 3}}';
    assert.strictEqual(removeFrom(text, 't.json', ['P'], 'A'), '{"P": {"B": {"x": 2}, "C": 3}}');
    assert.strictEqual(removeFrom(text, 't.json', ['P'], 'B'), '{"P": {"A": 1, "C": 3}}');
    assert.strictEqual(removeFrom(text, 't.json', ['P'], 'C'), '{"P": {"A": 1, "B": {"x": 2}}}');
    assert.deepStrictEqual(JSON.parse(removeFrom(text, 't.json', ['P'], 'C')), { P: { A: 1, B: { x: 2 } } });
  });
  it('removes from a flow map', () => {
    assert.strictEqual(removeFrom('P: {A: 1, B: 2}\n', 't.yaml', ['P'], 'B'), 'P: {A: 1}\n');
  });
});
