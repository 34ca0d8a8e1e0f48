/** prepareLookup (issue 7): the index built in chunks answers exactly as the one built at once. */
import * as assert from 'assert';
import { getKnowledge, Knowledge } from '../../src/engine/knowledge';
import { lookup, prepareLookup } from '../../src/engine/lookup';

describe('lookup index built in chunks', () => {
  it('gives the same hits, in the same order, as the synchronous index', async () => {
    const entries = getKnowledge().entries;
    const chunked = new Knowledge(entries);
    const direct = new Knowledge(entries);
    const preparing = prepareLookup({ knowledge: chunked });
    assert.strictEqual(prepareLookup({ knowledge: chunked }), preparing, 'a second call shares the build in progress');
    await preparing;
    for (const query of ['visibility timeout', '可視性', 'hook order', 'lambda', 'zzzz', 'バッチ']) {
      assert.deepStrictEqual(lookup(query, { knowledge: chunked }), lookup(query, { knowledge: direct }), query);
    }
    await prepareLookup({ knowledge: chunked });
  });
});
