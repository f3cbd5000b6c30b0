// Browser test: every public route fits a 360 px wide phone without horizontal scrolling.
import assert from 'node:assert/strict';
import { browserTest, failedLoad, villageCards, waitForHeading } from './helpers.mjs';

/** Each route and what shows once its content has loaded. */
const ROUTES = [
  ['/', villageCards],
  ['/desa', villageCards],
  ['/desa/darmaji', (page) => waitForHeading(page, 'Darmaji')],
  ['/desa/sungai-dareh', (page) => page.locator('.flagship').first().waitFor()],
  ['/tidak-ada', (page) => waitForHeading(page, 'Halaman tidak ditemukan')],
];

for (const [path, loaded] of ROUTES) {
  const file = `width-360${path === '/' ? '-portal' : path.replaceAll('/', '-')}`;
  browserTest(`${path} fits 360 px`, { file, allowErrors: [failedLoad(404)] }, async (page) => {
    await page.goto(path);
    await loaded(page);
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${path} is ${width} px wide: it scrolls sideways at 360 px`);
  });
}
