import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';

/** LAMBDA010/011 judge a runtime against the lifecycle table of the note, on the day given. */
describe('Lambda runtime verdicts follow the calendar', () => {
  const fn = (runtime: string) => `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ${runtime}\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: { ZipFile: "exports.handler = async () => 1" }\n`;
  const ids = (runtime: string, today: string) => lintText(fn(runtime), 'template.yaml', { today }).findings.map((f) => f.ruleId).filter((id) => /^LAMBDA01[01]$/.test(id));

  it('nodejs16.x: fine in 2022, update-blocked long after its deprecation', () => {
    assert.deepStrictEqual(ids('nodejs16.x', '2022-06-01'), []);
    assert.deepStrictEqual(ids('nodejs16.x', '2026-11-21'), ['LAMBDA010']);
  });

  it('a runtime in its last months gets the warning, then the error once updates are blocked', () => {
    assert.deepStrictEqual(ids('nodejs24.x', '2026-11-21'), []);
    assert.deepStrictEqual(ids('nodejs22.x', '2026-11-21'), ['LAMBDA011']);
    assert.deepStrictEqual(ids('nodejs22.x', '2030-01-01'), ['LAMBDA010']);
  });
});
