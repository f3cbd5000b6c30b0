// Browser tests of the dashboard (/admin/dasbor) on a 360 px phone: a guest places two orders at a
// Lombok Barat demo shop; the district admin finds them in the headline "Pesanan" figure and in today's row
// of the sales table (both read before the orders through the API, so the test computes what they must
// become), narrows the period with a quick choice and with typed dates (the address follows, and the back
// button undoes it), narrows to the shop's village, and downloads the sales table as CSV with the same
// filters (a UTF-8 byte-order mark, then the header row). The village admin of Darmaji sees the same page
// for Darmaji alone. No page scrolls sideways.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request as http } from 'playwright-core';
import { BASE_URL, DEMO, DEMO_PASSWORD, PHONE, browserTest, signIn, snap } from './helpers.mjs';

/** A Lombok Barat demo shop (Desa Gapuk, Kec. Gerung) no other browser test orders from. */
const SHOP = 'galeri-gerabah-bumdes-gapuk';
const VILLAGE = 'Gapuk';
const GUEST_PHONE = `0858${String(Date.now() % 1e8).padStart(8, '0')}`;
/** Text cells are quoted (so a `;`-splitting spreadsheet keeps them whole), numbers are not. */
const SALES_HEADER = '"Tanggal","Pesanan","Barang","Nilai (Rp)","Selesai","Batal"';
/** A phone in Lombok (WITA, the server's default zone): its "today" is the kabupaten's. */
const LOMBOK_PHONE = { ...PHONE, timezoneId: 'Asia/Makassar' };

/** A number as the page writes it: `1.250`. */
const thousands = (n) => n.toLocaleString('id-ID');

/** A full-page screenshot from the top. */
async function snapTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

/** Fails when the page's content scrolls sideways on a 360 px screen (wide tables scroll in their card). */
async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.querySelector('main').scrollWidth);
  assert.ok(width <= 360, `${page.url()} is ${width} px wide: it scrolls sideways at 360 px`);
}

/** The district admin's own API client, signed in. */
async function districtApi() {
  const api = await http.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'X-Lapak-Csrf': '1' } });
  const signedIn = await api.post('/api/v1/auth/sign-in', { data: { login: DEMO.lombokBarat, password: DEMO_PASSWORD } });
  assert.equal(signedIn.status(), 200, await signedIn.text());
  return api;
}

/** The "Pesanan" figure and today's sales row (orders, items, Rupiah) as the API gives them now. */
async function salesNow(api) {
  const head = await api.get('/api/v1/dashboard');
  assert.equal(head.status(), 200, await head.text());
  const { figures, to } = await head.json();
  const sales = await api.get('/api/v1/dashboard/penjualan');
  assert.equal(sales.status(), 200);
  const today = (await sales.json()).rows.at(-1);
  assert.equal(today[0], to, 'the last row of the sales table is the last day of the period');
  return { orders: figures.find((f) => f.label === 'Pesanan').value, today: today.slice(1, 4), date: to };
}

/** Places one order of one piece of the shop's most-stocked product as a guest (pickup, cash). */
async function placeOrder(guest) {
  const catalog = await guest.get(`/api/v1/catalog?toko=${SHOP}`);
  assert.equal(catalog.status(), 200);
  const product = (await catalog.json()).items.sort((a, b) => b.stock - a.stock)[0];
  assert.ok(product?.stock >= 1, `${SHOP} still has stock`);
  const view = await guest.post('/api/v1/cart/view', {
    headers: { 'X-Lapak-Csrf': '1' },
    data: [{ product_id: product.id, quantity: 1 }],
  });
  assert.equal(view.status(), 200);
  const shop = (await view.json()).shops[0];
  const placed = await guest.post('/api/v1/orders', {
    headers: { 'X-Lapak-Csrf': '1', 'Idempotency-Key': randomUUID() },
    data: {
      buyer_name: 'Lalu Hendra',
      buyer_whatsapp: GUEST_PHONE,
      address: null,
      shops: [
        {
          shop_id: shop.shop_id,
          delivery: 'ambil',
          payment: 'tunai',
          note: '',
          lines: [{ product_id: product.id, quantity: 1, price: product.price }],
        },
      ],
    },
  });
  assert.equal(placed.status(), 201, await placed.text());
  return product.price;
}

/** The value of a headline figure as the page shows it. */
async function figure(page, label) {
  const card = page.locator('.dash-figure', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
  return (await card.locator('dd').innerText()).trim();
}

browserTest(
  'the district admin finds new orders on the dashboard, narrows it and downloads a table',
  { file: 'dashboard-district', context: LOMBOK_PHONE },
  async (page) => {
    const api = await districtApi();
    const before = await salesNow(api);
    const guest = await http.newContext({ baseURL: BASE_URL });
    const prices = [await placeOrder(guest), await placeOrder(guest)];
    await guest.dispose();
    await api.dispose();
    const [orders, items, rupiah] = [before.today[0] + 2, before.today[1] + 2, before.today[2] + prices[0] + prices[1]];

    await signIn(page, DEMO.lombokBarat, undefined, '/admin/dasbor');
    await page.locator('.admin-menu__link.is-active', { hasText: 'Dasbor' }).waitFor();
    await page.locator('.dash__scope', { hasText: 'Lombok Barat' }).waitFor();
    await page.locator('.dash-figure').first().waitFor();
    assert.equal(await figure(page, 'Pesanan'), thousands(before.orders + 2));

    // Today's row of the sales table (the last one: the table shows its first rows until asked).
    const sales = page.locator('.dash-card--penjualan');
    await sales.locator('svg[role=img]').waitFor();
    assert.match(await sales.locator('svg[role=img]').getAttribute('aria-label'), /^Grafik garis Nilai \(Rp\) per Tanggal/);
    await sales.getByRole('button', { name: /^Tampilkan semua \d+ baris$/ }).click();
    const todayRow = sales.locator('tbody tr').last();
    assert.equal(await todayRow.locator('th').innerText(), before.date);
    const cells = await todayRow.locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(0, 3), [thousands(orders), thousands(items), `Rp ${thousands(rupiah)}`]);
    // The village's bar carries its sales.
    const villages = page.locator('.dash-card--desa');
    await villages.locator('tbody tr').first().waitFor();
    assert.match(await villages.locator('svg[role=img]').getAttribute('aria-label'), new RegExp(VILLAGE));
    await fitsThePhone(page);
    await snapTop(page, 'dashboard-district');

    // A quick choice puts the period into the address; the figures still count today's orders.
    const firstUrl = page.url();
    await page.getByRole('button', { name: '7 hari', exact: true }).click();
    await page.waitForURL(/dari=\d{4}-\d{2}-\d{2}&sampai=\d{4}-\d{2}-\d{2}/);
    await page.locator('.dash-period .tabs__tab[aria-pressed=true]', { hasText: '7 hari' }).waitFor();
    const week = new URL(page.url()).searchParams;
    assert.equal(week.get('sampai'), before.date);
    await page.locator('.dash-figure').first().waitFor();

    // Typed dates: only today.
    await page.fill('#dasbor-dari', before.date);
    await page.fill('#dasbor-sampai', before.date);
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await page.waitForURL(`**/admin/dasbor?dari=${before.date}&sampai=${before.date}`);
    await page.locator('.dash__scope', { hasText: '·' }).waitFor();
    await page.locator('.dash-card--penjualan tbody tr').first().waitFor();
    assert.equal(await page.locator('.dash-card--penjualan tbody tr').count(), 1);
    assert.ok(Number((await figure(page, 'Pesanan')).replace(/\./g, '')) >= 2);

    // A period that ends before it starts is refused beside the field, and the address stays.
    await page.fill('#dasbor-dari', '2026-12-31');
    await page.fill('#dasbor-sampai', '2026-01-01');
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await page.locator('.form-field.has-error', { hasText: 'Tanggal akhir tidak boleh sebelum tanggal awal.' }).waitFor();
    assert.match(page.url(), new RegExp(`dari=${before.date}&sampai=${before.date}$`));

    // The shop's village alone.
    const desa = page.getByLabel('Desa', { exact: true });
    const villageId = await desa.locator('option', { hasText: new RegExp(`^${VILLAGE}$`) }).getAttribute('value');
    await desa.selectOption(villageId);
    await page.waitForURL(new RegExp(`desa=${villageId}`));
    await page.locator('.dash__scope', { hasText: `Desa ${VILLAGE}` }).waitFor();
    assert.ok(Number((await figure(page, 'Pesanan')).replace(/\./g, '')) >= 2);

    // The CSV of the sales table carries the filters and reads as a spreadsheet expects.
    const csv = page.locator('.dash-card--penjualan a', { hasText: 'Unduh CSV' });
    const href = await csv.getAttribute('href');
    assert.equal(await csv.getAttribute('download'), '');
    assert.equal(
      href,
      `/api/v1/dashboard/penjualan/unduh?dari=${before.date}&sampai=${before.date}&desa=${villageId}&format=csv`,
    );
    const file = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        disposition: response.headers.get('content-disposition'),
        bom: Array.from(bytes.slice(0, 3)),
        text: new TextDecoder().decode(bytes.slice(3)),
      };
    }, href);
    assert.equal(file.status, 200);
    assert.match(file.disposition, /^attachment; filename="penjualan-.*\.csv"$/);
    assert.deepEqual(file.bom, [0xef, 0xbb, 0xbf]);
    const lines = file.text.trim().split(/\r?\n/);
    assert.equal(lines[0], SALES_HEADER);
    assert.equal(lines.length, 2);
    assert.ok(lines[1].startsWith(`"${before.date}",`), lines[1]);
    const xlsx = page.locator('.dash-card--penjualan a', { hasText: 'Unduh XLSX' });
    assert.match(await xlsx.getAttribute('href'), /&format=xlsx$/);
    await page.locator('.dash-archive a', { hasText: 'Unduh CSV' }).first().waitFor();
    await fitsThePhone(page);
    await snapTop(page, 'dashboard-village-filter');

    // The back button undoes one step at a time.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('desa'));
    await page.goBack();
    await page.goBack();
    await page.waitForURL(firstUrl);
  },
);

browserTest('the village admin of Darmaji sees the dashboard of Darmaji alone', { file: 'dashboard-village', context: LOMBOK_PHONE }, async (page) => {
  await signIn(page, DEMO.darmajiAdmin, undefined, '/admin/dasbor');
  await page.locator('.dash__scope', { hasText: 'Desa Darmaji' }).waitFor();
  const desa = page.getByLabel('Desa', { exact: true });
  await desa.locator('option', { hasText: 'Darmaji' }).waitFor({ state: 'attached' });
  const choices = await desa.locator('option:not([value=""])').allInnerTexts();
  assert.deepEqual(choices, ['Darmaji']);
  await page.locator('.dash-card--penjualan table').waitFor();
  await page.locator('.dash-card--konsultasi table').waitFor();
  await fitsThePhone(page);
  await snapTop(page, 'dashboard-village');
});
