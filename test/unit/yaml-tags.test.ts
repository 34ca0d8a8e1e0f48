import * as assert from 'assert';
import { cloudFormationCustomTags, mergeCustomTags } from '../../src/engine/yaml-tags';
import { INTRINSIC_KEYS } from '../../src/engine/parse/intrinsics';

describe('Red Hat YAML custom tags', () => {
  it('lists every short-form intrinsic the parser knows, in the "!Tag kind" form', () => {
    const tags = cloudFormationCustomTags();
    for (const tag of tags) assert.match(tag, /^![A-Za-z0-9]+ (scalar|sequence|mapping)$/);
    for (const key of INTRINSIC_KEYS) {
      const name = key.replace(/^Fn::/, '');
      assert.ok(tags.some((t) => t.startsWith(`!${name} `)), `!${name} missing`);
    }
    assert.ok(tags.includes('!Ref scalar') && tags.includes('!GetAtt sequence') && tags.includes('!Sub sequence'));
  });

  it('keeps the user\'s entries first and adds only what is missing', () => {
    const { tags, added } = mergeCustomTags(['!include scalar', '!Ref  scalar']);
    assert.deepStrictEqual(tags.slice(0, 2), ['!include scalar', '!Ref  scalar']);
    assert.ok(!added.includes('!Ref scalar'), 'an entry with extra spaces counts as present');
    assert.strictEqual(tags.length, 2 + added.length);
    assert.deepStrictEqual(mergeCustomTags(tags).added, []);
  });

  it('treats a malformed setting as empty and says so', () => {
    const result = mergeCustomTags('!Ref scalar');
    assert.strictEqual(result.replacedInvalid, true);
    assert.deepStrictEqual(result.tags, cloudFormationCustomTags());
    assert.strictEqual(mergeCustomTags(undefined).replacedInvalid, false);
  });
});
