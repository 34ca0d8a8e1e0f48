#!/usr/bin/env node
// Compiles knowledge/**/*.md into src/generated/knowledge.json. Each entry's front matter is
// checked against knowledge/schema.json (ajv) and against the rest of the knowledge base
// (unique ids, known related ids, a correction wherever the note is outdated); its body must
// have `## ja` and `## en` sections without raw HTML. Any problem fails the build, naming the file
// and the field.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv');

const root = path.resolve(__dirname, '..');
const knowledgeDir = path.join(root, 'knowledge');
const outFile = path.join(root, 'src', 'generated', 'knowledge.json');

const ATTACH_FORMS = [
  /^lookup-only$/,
  /^file:(buildspec|appspec|cloudformation|sam)$/,
  /^fn:(Ref|Condition|Fn::[A-Za-z0-9]+)$/,
  /^pseudo:AWS::[A-Za-z]+$/,
  /^buildspec:[A-Za-z0-9_.*\-[\]]+$/,
  /^appspec:[A-Za-z0-9_.*[\]]+$/,
  /^Globals\.[A-Za-z]+(\.[A-Za-z0-9*]+)*$/,
  /^section:(AWSTemplateFormatVersion|Description|Metadata|Parameters|Rules|Mappings|Conditions|Transform|Resources|Outputs|Globals)(\.[A-Za-z0-9*]+)*$/,
  /^eb:[a-z0-9:.-]+\/[A-Za-z0-9_]+(=[A-Za-z0-9_.-]+)?$/,
  /^cw:[A-Za-z0-9/]+ [A-Za-z0-9_.-]+$/,
  /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(\.[A-Za-z0-9*]+(\[\])?)*(=.+)?$/,
];

function listEntries(dir) {
  const out = [];
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, name.name);
    if (name.isDirectory()) out.push(...listEntries(full));
    else if (name.name.endsWith('.md') && dir !== knowledgeDir) out.push(full);
  }
  return out.sort();
}

function splitEntry(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('missing front matter (a `---` block at the top)');
  return { front: match[1], body: match[2] };
}

function splitBody(body) {
  const sections = {};
  let current;
  for (const line of body.split(/\r?\n/)) {
    const heading = /^## (ja|en)\s*$/.exec(line);
    if (heading) { current = heading[1]; sections[current] = []; continue; }
    if (current) sections[current].push(line);
  }
  const result = {};
  for (const lang of ['ja', 'en']) {
    if (!sections[lang]) throw new Error(`body: missing the "## ${lang}" section`);
    const text = sections[lang].join('\n').trim();
    if (!text) throw new Error(`body: the "## ${lang}" section is empty`);
    const html = /<\/?[a-zA-Z][^>]*>/.exec(text);
    if (html) throw new Error(`body.${lang}: raw HTML is not allowed (${html[0]}); use Markdown`);
    result[lang] = text;
  }
  return result;
}

function build() {
  const schema = JSON.parse(fs.readFileSync(path.join(knowledgeDir, 'schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const problems = [];
  const entries = [];
  for (const file of listEntries(knowledgeDir)) {
    const rel = path.relative(root, file).replace(/\\/g, '/');
    try {
      const { front, body } = splitEntry(fs.readFileSync(file, 'utf8'));
      const doc = YAML.parseDocument(front);
      if (doc.errors.length) throw new Error(`front matter: ${doc.errors[0].message.split('\n')[0]}`);
      const data = doc.toJS();
      if (!validate(data)) {
        for (const err of validate.errors) {
          const field = err.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(top level)';
          const extra = err.params && err.params.additionalProperty ? ` "${err.params.additionalProperty}"` : '';
          problems.push(`${rel}: field "${field}": ${err.message}${extra}`);
        }
        continue;
      }
      const service = path.basename(path.dirname(file));
      if (data.service !== service) problems.push(`${rel}: field "service": is "${data.service}" but the entry is in folder "${service}"`);
      if (!data.covers.includes(data.id)) problems.push(`${rel}: field "covers": must include the entry's id "${data.id}"`);
      if (data.status !== 'current' && !data.correction) problems.push(`${rel}: field "correction": required because status is "${data.status}"`);
      data.attach.forEach((a, i) => {
        if (!ATTACH_FORMS.some((re) => re.test(a))) problems.push(`${rel}: field "attach.${i}": "${a}" is not an attach point (see knowledge/README.md)`);
      });
      entries.push({ ...data, body: splitBody(body), file: rel });
    } catch (error) {
      problems.push(`${rel}: ${error.message}`);
    }
  }
  const ids = new Map();
  const covered = new Map();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push(`${entry.file}: field "id": "${entry.id}" is also the id of ${ids.get(entry.id)}`);
    ids.set(entry.id, entry.file);
    for (const fact of entry.covers) {
      if (covered.has(fact) && covered.get(fact) !== entry.file) problems.push(`${entry.file}: field "covers": "${fact}" is also covered by ${covered.get(fact)}`);
      covered.set(fact, entry.file);
    }
  }
  for (const entry of entries) {
    (entry.related || []).forEach((id, i) => {
      if (!ids.has(id) && !covered.has(id)) problems.push(`${entry.file}: field "related.${i}": no entry has id "${id}"`);
    });
  }
  if (problems.length) {
    console.error(`knowledge: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const json = JSON.stringify({ entries: entries.sort((a, b) => a.id.localeCompare(b.id)) });
  if (!fs.existsSync(outFile) || fs.readFileSync(outFile, 'utf8') !== json) fs.writeFileSync(outFile, json);
  console.log(`knowledge: ${entries.length} entries, ${covered.size} facts covered`);
}

build();
