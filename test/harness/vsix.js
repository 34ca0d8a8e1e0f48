// Packaging and installing extensions the way a user gets them: `npm run package` writes the
// .vsix (@vscode/vsce), `code-server --install-extension x.vsix` unpacks it into an extensions
// dir. Used by the e2e suite (test/e2e/run-e2e.js) and `npm start` (scripts/start.js).
//
// Also: a test-only language pack (test/e2e/fixtures/language-pack-ja) so that the served
// workbench can run with display language ja, and a Japanese font for readable screenshots.

'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { isolatedEnv } = require('./code-server');

const ROOT = path.resolve(__dirname, '..', '..');
const VSIX = path.join(ROOT, 'iac-notes.vsix');

function manifest(dir = ROOT) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** The id VS Code gives the extension: publisher.name (lower case). */
function extensionId(dir = ROOT) {
  const pkg = manifest(dir);
  return `${pkg.publisher}.${pkg.name}`.toLowerCase();
}

/** `npm run package` (build + vsce); returns the .vsix path. Throws with npm's output on failure. */
function packageExtension({ log = () => {} } = {}) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  log('npm run package');
  const result = spawnSync(npm, ['run', 'package'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 || !fs.existsSync(VSIX)) {
    throw new Error(`npm run package failed (${result.signal || `exit code ${result.status}`}):\n${(result.stdout || '') + (result.stderr || '')}`.trim());
  }
  return VSIX;
}

/** Packages a folder with vsce (no dependencies, no license file needed) into `out`. */
function packageFolder(folder, out) {
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--out', out], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`vsce package in ${folder} failed (exit code ${result.status}):\n${(result.stdout || '') + (result.stderr || '')}`.trim());
  }
  return out;
}

/**
 * `code-server --install-extension <vsix>` into the given dirs (as startCodeServer's beforeStart
 * hands them over), with the same isolated HOME/XDG/TMPDIR as the server. ~1–5 s.
 */
function installExtension(prep, vsix, { scratchDir, userDataDir, extensionsDir }) {
  const env = isolatedEnv(scratchDir, { PATH: `${prep.nodeBinDir}${path.delimiter}${process.env.PATH || ''}` });
  const args = [prep.codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix];
  const result = spawnSync(prep.nodeBin, args, { cwd: scratchDir, env, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout || ''}${result.stderr || ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${path.basename(vsix)} failed (${result.signal || `exit code ${result.status}`}):\n${output}`.trim());
  }
  return output;
}

/** The installed copy of an extension (publisher.name-version) in extensionsDir, or undefined. */
function installedExtension(extensionsDir, id) {
  for (const dir of fs.existsSync(extensionsDir) ? fs.readdirSync(extensionsDir) : []) {
    const file = path.join(extensionsDir, dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = manifest(path.join(extensionsDir, dir));
    if (`${pkg.publisher}.${pkg.name}`.toLowerCase() === id.toLowerCase()) return { id: id.toLowerCase(), version: pkg.version, dir: path.join(extensionsDir, dir), manifest: pkg };
  }
  return undefined;
}

const LANGUAGE_PACK_FIXTURE = path.join(ROOT, 'test', 'e2e', 'fixtures', 'language-pack-ja');

/**
 * Installs the test-only ja language pack (declares ja, translates nothing). code-server's CLI
 * install does not register it as a language pack: the server's language-pack cache
 * (<user-data>/languagepacks.json) is only written when the running server itself installs one.
 * `registerLanguagePack` writes that entry exactly as VS Code's LanguagePacksCache does.
 */
function installTestLanguagePack(prep, dirs) {
  const vsix = packageFolder(LANGUAGE_PACK_FIXTURE, path.join(dirs.scratchDir, 'test-language-pack-ja.vsix'));
  installExtension(prep, vsix, dirs);
  const pack = installedExtension(dirs.extensionsDir, extensionId(LANGUAGE_PACK_FIXTURE));
  if (!pack) throw new Error(`The test language pack is not in ${dirs.extensionsDir} after installing it.`);
  return pack;
}

/** Writes <userDataDir>/languagepacks.json for an installed language pack (VS Code's own format). */
function registerLanguagePack(userDataDir, pack) {
  const packs = {};
  for (const localization of pack.manifest.contributes.localizations) {
    const hash = crypto.createHash('md5').update(pack.id).update(pack.version).digest('hex');
    const translations = {};
    for (const t of localization.translations) translations[t.id] = path.join(pack.dir, t.path);
    packs[localization.languageId] = {
      hash,
      extensions: [{ extensionIdentifier: { id: pack.id }, version: pack.version }],
      translations,
      label: localization.localizedLanguageName || localization.languageName,
    };
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/**
 * Japanese text in screenshots needs a CJK font (the DOM text the tests read does not). As root
 * with apt-get, installs Debian's fonts-ipafont-gothic when fontconfig knows no Japanese font;
 * otherwise says so and goes on.
 */
function ensureJapaneseFont({ log = () => {} } = {}) {
  const has = () => {
    const r = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.trim().length > 0;
  };
  try {
    if (has()) return true;
  } catch {
    return false;
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !apt) {
    log('no Japanese font: Japanese text shows as boxes in screenshots (install fonts-ipafont-gothic or any CJK font)');
    return false;
  }
  log('no Japanese font: installing fonts-ipafont-gothic with apt-get (for readable screenshots)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-q', 'fonts-ipafont-gothic'], { env, stdio: 'ignore', timeout: 300_000 });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { env, stdio: 'ignore', timeout: 300_000 });
    r = spawnSync('apt-get', ['install', '-y', '-q', 'fonts-ipafont-gothic'], { env, stdio: 'ignore', timeout: 300_000 });
  }
  const ok = has();
  if (!ok) log('could not install a Japanese font; screenshots will show boxes for Japanese text');
  return ok;
}

module.exports = {
  VSIX,
  extensionId,
  packageExtension,
  packageFolder,
  installExtension,
  installedExtension,
  installTestLanguagePack,
  registerLanguagePack,
  ensureJapaneseFont,
};
