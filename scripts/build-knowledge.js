#!/usr/bin/env node
// Compiles knowledge/**/*.md into src/generated/knowledge.json. Each entry's front matter is
// checked against knowledge/schema.json (ajv) and against the rest of the knowledge base
// (unique ids, known related ids, a correction wherever the note is outdated); its body must
// have `## ja` and `## en` sections. Text shown as Markdown may hold no raw HTML, images, links
// other than https:// (no command:, javascript:, data:, file:) or control and bidirectional-override
// characters (see unsafeMarkdown). Any problem fails the build, naming the file and the field.
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
    const problem = unsafeMarkdown(text);
    if (problem) throw new Error(`body.${lang}: ${problem}`);
    result[lang] = text;
  }
  return result;
}

// Sanitising (SECURITY.md): note text is shown as Markdown in hovers, whose links may run the
// extension's own commands. What a note may not contain is rejected here, at build time, naming
// the file and field; nothing is rewritten silently.
const SAFE_URL = /^https:\/\/[^\s()<>"'`\\]+$/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** Why `text` (Markdown shown as it is) is unsafe, or undefined. */
function unsafeMarkdown(text) {
  const html = /<\/?[a-zA-Z][^>]*>|<!--/.exec(text);
  if (html) return `raw HTML is not allowed (${html[0]}); use Markdown`;
  if (/!\[[^\]]*\]\s*[([]/.test(text)) return 'images are not allowed (a hover would fetch them from the network)';
  const scheme = /\b(command|javascript|vbscript|vscode(?:-insiders)?|file|data)\s*:(?!\s)/i.exec(text);
  if (scheme) return `"${scheme[0]}" is not allowed: links may only be https:// URLs`;
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]*)/g)) {
    if (!SAFE_URL.test(match[1])) return `link target "${match[1]}" is not an https:// URL`;
  }
  for (const match of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)/gm)) {
    if (!SAFE_URL.test(match[1])) return `link definition "${match[1]}" is not an https:// URL`;
  }
  const control = CONTROL.exec(text);
  if (control) return `control or bidirectional-override character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed`;
  return undefined;
}

/** Problems in the front matter's strings: Markdown shown as it is, URLs inside links, control characters anywhere. */
function unsafeFrontMatter(data) {
  const problems = [];
  const visit = (value, field) => {
    if (typeof value === 'string') {
      const control = CONTROL.exec(value);
      if (control) problems.push(`field "${field}": control or bidirectional-override character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed`);
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${field}.${i}`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, field ? `${field}.${k}` : k);
  };
  visit(data, '');
  (data.docs || []).forEach((doc, i) => {
    if (!SAFE_URL.test(doc.url)) problems.push(`field "docs.${i}.url": "${doc.url}" is not a plain https:// URL`);
  });
  if (data.correction) {
    if (!SAFE_URL.test(data.correction.source.url)) problems.push(`field "correction.source.url": "${data.correction.source.url}" is not a plain https:// URL`);
    for (const key of ['en', 'ja', 'verdict']) {
      const problem = unsafeMarkdown(data.correction[key]);
      if (problem) problems.push(`field "correction.${key}": ${problem}`);
    }
  }
  return problems;
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
      for (const problem of unsafeFrontMatter(data)) problems.push(`${rel}: ${problem}`);
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

if (require.main === module) build();

module.exports = { unsafeMarkdown, unsafeFrontMatter };
