// Drives the served VS Code workbench through its DOM, the way a person uses it: Quick Open,
// the command palette, the mouse over a word, Ctrl+. and the Problems panel. Every wait is on a
// DOM state and has a timeout; timings are taken inside the page (performance.now, sampled once
// per animation frame), so they are what the browser showed, not what the test process saw.

'use strict';

const DEFAULT_TIMEOUT = 60_000;

const SEL = {
  ready: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget input',
  quickRows: '.quick-input-list .monaco-list-row',
  editor: '.editor-instance .monaco-editor',
  activeTab: '.tabs-container .tab.active',
  hover: '.monaco-hover',
  actionRows: '.action-widget .monaco-list-row',
  markerRows: '.markers-panel .monaco-list-row',
};

class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ timeout?: number, log?: (line: string) => void }} [options]
   */
  constructor(page, options = {}) {
    this.page = page;
    this.timeout = options.timeout || DEFAULT_TIMEOUT;
    this.log = options.log || (() => {});
  }

  /** The workbench is up when the explorer shows the folder. */
  async waitReady(timeout = 180_000) {
    await this.page.locator(SEL.ready).first().waitFor({ state: 'visible', timeout });
  }

  /** Closes quick inputs, widgets and hovers (Escape a few times) and parks the mouse. */
  async calm() {
    await this.page.mouse.move(2, 400);
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  /** Focuses the active text editor (VS Code 1.139 edits through an EditContext element; older ones a textarea). */
  async focusEditor() {
    for (const selector of [`${SEL.editor} .native-edit-context`, `${SEL.editor} textarea`]) {
      const target = this.page.locator(selector).first();
      if (await target.count()) {
        await target.focus();
        return;
      }
    }
  }

  /**
   * Changes an enum setting the way a person does: the Settings editor (Ctrl+,), search for the
   * key, pick the value in its dropdown. VS Code writes the user settings.json itself and the
   * extension sees onDidChangeConfiguration (an outside edit of settings.json is not picked up).
   */
  async setEnumSetting(key, value, { timeout = this.timeout, written } = {}) {
    await this.calm();
    await this.page.keyboard.press('Control+Comma');
    const editor = this.page.locator('.settings-editor');
    await editor.waitFor({ state: 'visible', timeout });
    const search = editor.locator('.search-container .native-edit-context, .search-container textarea:not([readonly])').first();
    await search.waitFor({ state: 'attached', timeout });
    await search.focus();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(key);
    const select = editor.locator(`.setting-item-contents[data-key="${key}"] select`).first();
    await select.waitFor({ state: 'visible', timeout });
    // Pick the value in the dropdown. Retried: the settings list re-renders while the search
    // settles, which can close the dropdown under the mouse. (A scripted change event on the
    // <select> is not enough: VS Code writes the setting only from its own dropdown.)
    const deadline = Date.now() + timeout;
    const dropdown = this.page.locator('.monaco-select-box-dropdown-container');
    const option = dropdown.locator('.monaco-list-row', { hasText: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
    for (;;) {
      try {
        if ((await select.inputValue({ timeout: 10_000 })) === value) break;
        if (!(await dropdown.isVisible().catch(() => false))) await select.click({ timeout: 10_000 });
        await option.click({ timeout: 5_000 });
        await this.page.waitForFunction(({ key, value }) => {
          const element = document.querySelector(`.settings-editor .setting-item-contents[data-key="${key}"] select`);
          return element && element.value === value;
        }, { key, value }, { timeout: 5_000, polling: 100 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.waitForTimeout(500);
      }
    }
    // The editor writes settings.json a moment later: closing it first would drop the change.
    if (written) {
      const until = Date.now() + timeout;
      while (!(await written())) {
        if (Date.now() > until) throw new Error(`${key} = ${value} was chosen in the Settings editor but not written within ${timeout / 1000}s`);
        await this.page.waitForTimeout(200);
      }
    } else {
      await this.page.waitForTimeout(1500);
    }
    await this.closeActiveEditor();
  }

  /** Closes the active editor (Ctrl+W), e.g. the modal Settings or Running Extensions editor. */
  async closeActiveEditor() {
    await this.page.keyboard.press('Escape');
    const modal = this.page.locator('.settings-editor, .runtime-extensions-editor').first();
    if (await modal.isVisible().catch(() => false)) await this.page.keyboard.press('Control+W');
    await modal.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  }

  /**
   * Opens a workspace file with Quick Open (Ctrl+P). Returns once its tab is active.
   * With `measure`, also returns the time in the page from the Enter key to the file's text on
   * screen (`textMs`) and to its first squiggle (`diagnosticsMs`, waited for up to `timeout`).
   */
  async openFile(relative, { measure = false, firstLine, timeout = this.timeout } = {}) {
    const base = relative.split('/').pop();
    const parent = relative.split('/').slice(-2, -1)[0];
    const deadline = Date.now() + timeout;
    // Quick Open can swallow an Enter while its list is still updating: try again until the tab shows.
    for (let attempt = 1; ; attempt++) {
      const left = () => Math.max(1000, deadline - Date.now());
      try {
        await this.calm();
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator(SEL.quickInput);
        await input.waitFor({ state: 'visible', timeout: left() });
        await input.fill(relative);
        // Enter opens the focused row: wait until that is the file (not a recent entry from before
        // the search). Compared on the row's name and folder labels: its full text can carry stale
        // detail lines of an earlier picker that mention other files.
        await this.page.waitForFunction(({ base, parent }) => {
          const row = document.querySelector('.quick-input-list .monaco-list-row.focused');
          if (!row) return false;
          const name = (row.querySelector('.label-name') || {}).textContent || '';
          const folder = (row.querySelector('.label-description') || {}).textContent || '';
          return name.trim() === base && (!parent || folder.trim().split(/[\\/]/).pop() === parent);
        }, { base, parent }, { timeout: left(), polling: 100 });
        if (measure) await this._armOpenProbe(base, firstLine);
        await this.page.keyboard.press('Enter');
        await this.activeTab(base).waitFor({ state: 'visible', timeout: Math.min(20_000, left()) });
        break;
      } catch (error) {
        if (Date.now() >= deadline) {
          const state = await this.page.evaluate(() => ({
            tabs: [...document.querySelectorAll('.tabs-container .tab')].map((t) => `${t.classList.contains('active') ? '*' : ''}${t.getAttribute('aria-label')}`),
            quickInput: [...document.querySelectorAll('.quick-input-list .monaco-list-row')].map((r) => r.innerText.replace(/\n/g, ' ')),
            focus: document.activeElement ? `${document.activeElement.tagName}.${document.activeElement.className}`.slice(0, 120) : '',
          })).catch(() => ({}));
          throw new Error(`Could not open ${relative} with Quick Open within ${timeout / 1000}s (${attempt} attempts): ${error.message.split('\n')[0]}; state ${JSON.stringify(state)}`);
        }
        this.log(`Quick Open did not open ${relative} (attempt ${attempt}); trying again`);
      }
    }
    if (!measure) return {};
    const handle = await this.page.waitForFunction(() => window.__e2eOpen && window.__e2eOpen.diagnosticsAt !== undefined && window.__e2eOpen, undefined, { timeout: Math.max(1000, deadline - Date.now()), polling: 100 });
    const probe = await handle.jsonValue();
    return { textMs: probe.textAt - probe.enterAt, diagnosticsMs: probe.diagnosticsAt - probe.enterAt };
  }

  /** Records, in the page, the Enter keydown and the first frames with the text / a squiggle of `base`. */
  async _armOpenProbe(base, firstLine) {
    await this.page.evaluate(({ base, firstLine }) => {
      const probe = { enterAt: undefined, textAt: undefined, diagnosticsAt: undefined };
      window.__e2eOpen = probe;
      const onKey = (event) => {
        if (event.key !== 'Enter' || probe.enterAt !== undefined) return;
        probe.enterAt = performance.now();
        window.removeEventListener('keydown', onKey, true);
        requestAnimationFrame(tick);
      };
      window.addEventListener('keydown', onKey, true);
      const deadline = performance.now() + 300_000;
      function tick() {
        const now = performance.now();
        const tab = document.querySelector('.tabs-container .tab.active');
        const shown = tab && (tab.getAttribute('aria-label') || tab.textContent).includes(base);
        const editor = document.querySelector('.editor-instance .monaco-editor');
        if (shown && editor) {
          const lines = [...editor.querySelectorAll('.view-lines .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' '));
          const hasText = firstLine ? lines.some((l) => l.trim() === firstLine.trim()) : lines.length > 0;
          if (hasText && probe.textAt === undefined) probe.textAt = now;
          if (hasText && editor.querySelector('.view-overlays [class*="squiggly-"]')) probe.diagnosticsAt = now;
        }
        if (probe.diagnosticsAt === undefined && now < deadline) requestAnimationFrame(tick);
      }
    }, { base, firstLine });
  }

  /** Ctrl+G to `line[:column]`: reveals the line and puts the cursor there. */
  async gotoLine(spec, { timeout = this.timeout } = {}) {
    await this.calm();
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator(SEL.quickInput);
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`:${spec}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout });
  }

  /** Text of the lines on screen in the active editor, by line number. */
  async visibleLines() {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.editor-instance .monaco-editor');
      if (!editor) return {};
      const tops = new Map();
      for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
        const top = number.parentElement.style.top;
        tops.set(top, Number(number.textContent.trim()));
      }
      const result = {};
      for (const line of editor.querySelectorAll('.view-lines .view-line')) {
        const n = tops.get(line.style.top);
        if (n) result[n] = line.textContent.replace(/\u00a0/g, ' ');
      }
      return result;
    });
  }

  /**
   * Centre of `word` (in viewport pixels) on the visible line `line` (a number) or on the first
   * visible line matching `line` (a RegExp). Undefined when not on screen.
   */
  async wordPosition(line, word) {
    return this.page.evaluate(({ lineNumber, src, flags, word }) => {
      const editor = document.querySelector('.editor-instance .monaco-editor');
      if (!editor) return undefined;
      const re = src === undefined ? undefined : new RegExp(src, flags);
      const tops = new Map();
      for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) tops.set(number.parentElement.style.top, Number(number.textContent.trim()));
      for (const view of editor.querySelectorAll('.view-lines .view-line')) {
        const text = view.textContent.replace(/\u00a0/g, ' ');
        if (lineNumber !== undefined ? tops.get(view.style.top) !== lineNumber : !re.test(text)) continue;
        const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
        let offset = 0;
        const at = text.indexOf(word);
        if (at < 0) continue;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent.length;
          if (at < offset + length) {
            const range = document.createRange();
            range.setStart(node, at - offset);
            range.setEnd(node, Math.min(length, at - offset + word.length));
            const r = range.getBoundingClientRect();
            return { x: r.x + Math.min(r.width / 2, 20), y: r.y + r.height / 2 };
          }
          offset += length;
        }
      }
      return undefined;
    }, { lineNumber: typeof line === 'number' ? line : undefined, src: line instanceof RegExp ? line.source : undefined, flags: line instanceof RegExp ? line.flags : undefined, word });
  }

  /**
   * Moves the mouse onto `word` and waits for a hover widget containing `expect` (string or
   * RegExp). Returns its text and the latency in the page from the mouse move to the widget on
   * screen with that text. The first hover of a session can come before activation: the mouse
   * moves away and back until the timeout.
   */
  async hover(line, word, expect, { timeout = this.timeout } = {}) {
    const deadline = Date.now() + timeout;
    let lastText = '';
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      await this.page.mouse.move(2, 400);
      await this.page.waitForFunction(() => ![...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetHeight > 0 && !h.classList.contains('hidden')), undefined, { timeout: 10_000 }).catch(() => {});
      const position = await this.wordPosition(line, word);
      if (!position) throw new Error(`"${word}" is not on screen (line ${line}).`);
      const expectation = expect instanceof RegExp ? { src: expect.source, flags: expect.flags } : { text: expect };
      await this.page.evaluate((expectation) => {
        const probe = { movedAt: undefined, shownAt: undefined, text: '' };
        window.__e2eHover = probe;
        const matches = (text) => (expectation.text !== undefined ? text.includes(expectation.text) : new RegExp(expectation.src, expectation.flags).test(text));
        const onMove = () => {
          probe.movedAt = performance.now();
        };
        window.addEventListener('mousemove', onMove, true);
        const deadline = performance.now() + 60_000;
        const tick = () => {
          const now = performance.now();
          if (probe.movedAt !== undefined) {
            for (const h of document.querySelectorAll('.monaco-hover')) {
              if (h.offsetHeight === 0 || h.classList.contains('hidden')) continue;
              probe.text = h.innerText;
              if (matches(probe.text)) {
                probe.shownAt = now;
                window.removeEventListener('mousemove', onMove, true);
                return;
              }
            }
          }
          if (now < deadline) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, expectation);
      await this.page.mouse.move(position.x, position.y, { steps: 1 });
      const wait = Math.min(attempt === 0 ? 15_000 : 20_000, Math.max(1000, deadline - Date.now()));
      try {
        const handle = await this.page.waitForFunction(() => window.__e2eHover && window.__e2eHover.shownAt !== undefined && window.__e2eHover, undefined, { timeout: wait, polling: 100 });
        const probe = await handle.jsonValue();
        return { text: probe.text, ms: probe.shownAt - probe.movedAt, attempts: attempt + 1 };
      } catch (error) {
        lastText = await this.page.evaluate(() => (window.__e2eHover ? window.__e2eHover.text : '')).catch(() => '');
        if (!/Timeout/i.test(String(error && error.message))) throw error;
      }
    }
    throw new Error(`No hover with ${expect} over "${word}" within ${timeout / 1000}s. Last hover text: ${JSON.stringify(lastText.slice(0, 300))}`);
  }

  /**
   * Squiggles on screen in the active editor: [{ severity, line, column, endColumn }] (1-based
   * columns, endColumn exclusive), mapped from the decoration's pixels to the characters under it.
   */
  async squiggles() {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.editor-instance .monaco-editor');
      if (!editor) return [];
      const tops = new Map();
      for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) tops.set(number.parentElement.style.top, Number(number.textContent.trim()));
      const views = new Map();
      for (const view of editor.querySelectorAll('.view-lines .view-line')) views.set(view.style.top, view);
      const viewLines = editor.querySelector('.view-lines');
      const originX = viewLines.getBoundingClientRect().left;
      const charStarts = (view) => {
        const starts = [];
        const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.textContent.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            starts.push(range.getBoundingClientRect().left - originX);
          }
        }
        return starts;
      };
      const nearest = (starts, x) => {
        let best = 0;
        for (let i = 0; i < starts.length; i++) if (Math.abs(starts[i] - x) < Math.abs(starts[best] - x)) best = i;
        // Past the last character: the end of the line.
        if (starts.length > 0 && x > starts[starts.length - 1] + 1 && Math.abs(starts[starts.length - 1] - x) > 2) {
          const width = starts.length > 1 ? starts[starts.length - 1] - starts[starts.length - 2] : 8;
          return Math.round((x - starts[0]) / width);
        }
        return best;
      };
      const result = [];
      for (const decoration of editor.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
        const top = decoration.parentElement.style.top;
        const line = tops.get(top);
        const view = views.get(top);
        if (!line || !view) continue;
        const severity = (decoration.className.match(/squiggly-(error|warning|info|hint)/) || [])[1];
        const left = parseFloat(decoration.style.left) || 0;
        const width = parseFloat(decoration.style.width) || 0;
        const starts = charStarts(view);
        result.push({ severity, line, column: nearest(starts, left) + 1, endColumn: nearest(starts, left + width) + 1 });
      }
      return result.sort((a, b) => a.line - b.line || a.column - b.column);
    });
  }

  /** Waits until `predicate(squiggles)` holds; returns the squiggles. */
  async waitSquiggles(predicate, { timeout = this.timeout, what = 'squiggles' } = {}) {
    const deadline = Date.now() + timeout;
    let last = [];
    while (Date.now() < deadline) {
      last = await this.squiggles();
      if (predicate(last)) return last;
      await this.page.waitForTimeout(250);
    }
    throw new Error(`Timed out after ${timeout / 1000}s waiting for ${what}; on screen: ${JSON.stringify(last)}`);
  }

  /** Runs a command from the palette (Ctrl+Shift+P) by its label as shown. */
  async runCommand(label, { query, timeout = this.timeout } = {}) {
    await this.openPalette(query || label, { expect: label, timeout });
    await this.page.locator(SEL.quickRows, { hasText: label }).first().click();
  }

  /** Opens the command palette with `text` typed; returns the rows' text once `expect` shows. */
  async openPalette(text, { expect, timeout = this.timeout } = {}) {
    // The palette lists the commands known when it opens: right after the workbench starts, an
    // extension's contributions may not be registered yet, so reopen it until `expect` shows.
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.calm();
      await this.focusEditor();
      await this.page.keyboard.press('Control+Shift+P');
      const input = this.page.locator(SEL.quickInput);
      await input.waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
      await input.fill(`>${text}`);
      if (!expect) return this.page.locator(SEL.quickRows).allInnerTexts();
      const wait = Math.min(10_000, deadline - Date.now());
      const found = await this.page.locator(SEL.quickRows, { hasText: expect }).first().waitFor({ state: 'visible', timeout: Math.max(1000, wait) }).then(() => true, () => false);
      if (found) return this.page.locator(SEL.quickRows).allInnerTexts();
      if (Date.now() >= deadline) {
        const rows = await this.page.locator(SEL.quickRows).allInnerTexts().catch(() => []);
        throw new Error(`The command palette did not list "${expect}" within ${timeout / 1000}s for "${text}"; it showed ${JSON.stringify(rows)}`);
      }
    }
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns its rows once `until(rows)` holds. */
  async problems({ until = (rows) => rows.length > 0, timeout = this.timeout } = {}) {
    await this.calm();
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout });
    const deadline = Date.now() + timeout;
    let rows = [];
    while (Date.now() < deadline) {
      rows = await this.page.locator(SEL.markerRows).evaluateAll((elements) => elements.map((e) => ({ text: e.innerText, label: e.getAttribute('aria-label') || '' })));
      if (until(rows)) return rows;
      await this.page.waitForTimeout(250);
    }
    throw new Error(`Timed out after ${timeout / 1000}s waiting for the Problems panel; rows: ${JSON.stringify(rows.map((r) => r.label))}`);
  }

  async closePanel() {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible().catch(() => false)) await this.page.keyboard.press('Control+J');
  }

  /** Ctrl+. at `line:column`: returns the code action widget's rows. */
  async quickFixes(spec, { expect, timeout = this.timeout } = {}) {
    await this.gotoLine(spec, { timeout });
    await this.page.keyboard.press('Control+.');
    const row = this.page.locator(SEL.actionRows, expect ? { hasText: expect } : {}).first();
    await row.waitFor({ state: 'visible', timeout });
    return this.page.locator(SEL.actionRows).allInnerTexts();
  }

  /** Applies the code action whose label contains `label` (the widget must be open). */
  async applyQuickFix(label, { timeout = this.timeout } = {}) {
    const row = this.page.locator(SEL.actionRows, { hasText: label }).first();
    await row.click();
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout });
  }

  async save() {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await this.page.locator(`${SEL.activeTab}.dirty`).waitFor({ state: 'detached', timeout: this.timeout }).catch(() => {});
  }

  /**
   * The active tab if its label contains `name`. (Matched on aria-label: when tabs get narrow,
   * VS Code renders the name and the extension apart, and the visible text reads "buildspec .yml".)
   */
  activeTab(name) {
    return this.page.locator(`${SEL.activeTab}[aria-label*=${JSON.stringify(name)}]`).first();
  }

  /** The text of the first frame (e.g. a webview such as the Markdown preview) whose body matches. */
  async frameText(pattern, { timeout = this.timeout } = {}) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        const text = await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
        if (pattern.test(text)) return text;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`No frame showed ${pattern} within ${timeout / 1000}s.`);
  }

  /** "Developer: Show Running Extensions": [{ name, where, activation }] once `id`'s row shows. */
  async runningExtensions(name, { timeout = this.timeout } = {}) {
    await this.runCommand('Developer: Show Running Extensions', { timeout });
    const rows = this.page.locator('.runtime-extensions-editor .monaco-list-row');
    await rows.filter({ hasText: name }).first().waitFor({ state: 'visible', timeout });
    return rows.evaluateAll((elements) => elements.map((e) => ({
      name: (e.querySelector('.name') || {}).textContent || '',
      where: ((e.querySelector('.msg') || {}).textContent || '').trim(),
      activation: ((e.querySelector('.activation-time') || {}).textContent || '').trim(),
    })));
  }
}

module.exports = { Workbench, SEL };
