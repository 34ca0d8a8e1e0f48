#!/usr/bin/env node
// Renders images/icon.svg to the 128×128 images/icon.png the Marketplace shows, with the Chromium
// that the e2e tests use (run after editing the SVG; the PNG is committed).
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

(async () => {
  const root = path.resolve(__dirname, '..');
  const svg = fs.readFileSync(path.join(root, 'images', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="256" height="256"', 'width="128" height="128"')}</body></html>`);
    await page.screenshot({ path: path.join(root, 'images', 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  } finally {
    await browser.close();
  }
  console.log('images/icon.png written');
})().catch((error) => { console.error(error); process.exit(1); });
