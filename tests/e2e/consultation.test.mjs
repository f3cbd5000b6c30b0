// Browser tests of the consultation desk: the district admin of Lombok Barat makes a newly signed-up officer
// a consultant in the admin area; a demo shop owner of Senggigi asks with a photo; the consultant finds it in
// the queue, replies, marks it answered and sees the owner's WhatsApp; the owner reads the reply, has a
// notification and closes it. Anyone reads the published FAQ on /konsultasi, at 360 px without sideways
// scrolling; a signed-in consultant's own links there appear once the app knows them (the served page is
// everyone's).
import assert from 'node:assert/strict';
import { browserTest, freshPhone, receiptPhoto, signIn, snap, waitForHeading, BASE_URL, DEMO, PHONE } from './helpers.mjs';

/** The owner of Lapak BUMDes Senggigi Bahari (Senggigi, Lombok Barat). */
const OWNER = '0812 3456 0002';
const PASSWORD = 'kopi pagi di sawah';

/** A second person in their own browser context. */
async function otherPerson(page) {
  const ctx = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL });
  return ctx.newPage();
}

/** A full-page screenshot from the top (the sticky header scrolled along would cut through the page). */
async function snapTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

/** Whether the page is wider than the phone's 360 px (it would scroll sideways). */
async function overflows(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > 360);
}

browserTest('a shop owner asks and a consultant answers in the desk', { file: 'consultation-flow' }, async (page) => {
  const run = freshPhone().slice(-5);
  const title = `Cara memasarkan abon ke hotel ${run}`;
  const officerPhone = freshPhone();
  const officerName = `Petugas Koperasi ${run}`;

  // The officer signs up; the district admin grants them the desk of Lombok Barat.
  const signedUp = await page.request.post('/api/v1/auth/sign-up', {
    headers: { 'X-Lapak-Csrf': '1' },
    data: { name: officerName, phone: officerPhone, password: PASSWORD },
  });
  assert.equal(signedUp.status(), 201, await signedUp.text());
  await page.context().clearCookies();
  const admin = await otherPerson(page);
  await signIn(admin, DEMO.lombokBarat, undefined, '/admin/konsultan');
  await admin.fill('#konsultan-phone', officerPhone);
  await admin.selectOption('#konsultan-office', 'dinas_koperasi_umkm');
  await admin.fill('#konsultan-region', '52.01');
  await admin.click('form button[type=submit]');
  await admin.locator('.form-success', { hasText: officerName }).waitFor();
  await admin.locator('.user-list__item', { hasText: officerName }).waitFor();
  await snapTop(admin, 'consultation-admin-grant');
  await admin.context().close();

  // The owner asks about their shop (the village is theirs already) with a photo.
  await signIn(page, OWNER, undefined, '/konsultasi/baru');
  await waitForHeading(page, 'Ajukan konsultasi');
  assert.equal(await page.inputValue('#konsultasi-village'), 'senggigi');
  await page.selectOption('#konsultasi-topic', 'pemasaran');
  await page.fill('#konsultasi-title', title);
  await page.fill(
    '#konsultasi-description',
    'Kami ingin menawarkan abon ikan tongkol ke hotel di Senggigi. Bagaimana cara menawarkan dan berapa harga grosir yang wajar?',
  );
  await page.setInputFiles('#konsultasi-foto', {
    name: 'abon.png',
    mimeType: 'image/png',
    buffer: await receiptPhoto(page),
  });
  await page.locator('.photo-picker__item').first().waitFor();
  assert.equal(await overflows(page), false, 'the form fits 360 px');
  await snapTop(page, 'consultation-form');
  await page.getByRole('button', { name: 'Kirim konsultasi' }).click();
  await page.waitForURL(/\/konsultasi\/\d+$/);
  await waitForHeading(page, title);
  const thread = new URL(page.url()).pathname;
  await page.locator('.desk-photos img').first().waitFor();
  await page.locator('.next-step', { hasText: 'Menunggu petugas' }).waitFor();

  // The consultant finds it in the queue, replies and marks it answered.
  const officer = await otherPerson(page);
  await signIn(officer, officerPhone, PASSWORD, '/konsultasi/antrian');
  await officer.selectOption('#antrian-topik', 'pemasaran');
  const card = officer.locator('.desk-card', { hasText: title });
  await card.waitFor();
  assert.match(await card.innerText(), /Baru/);
  await snapTop(officer, 'consultation-queue');
  await card.click();
  await waitForHeading(officer, title);
  const whatsapp = officer.locator('a.button--wa');
  assert.match(await whatsapp.getAttribute('href'), /^https:\/\/wa\.me\/6281234560002\?text=/);
  const reply = 'Tawarkan contoh gratis ke bagian dapur hotel dan siapkan harga grosir untuk 5 kg ke atas.';
  await officer.fill('#balas-body', reply);
  await officer.getByRole('button', { name: 'Kirim balasan' }).click();
  await officer.locator('.desk-message--staff', { hasText: reply }).waitFor();
  await officer.locator('.desk-thread__meta .badge', { hasText: 'Diproses' }).waitFor();
  await officer.getByRole('button', { name: 'Tandai sudah dijawab' }).click();
  await officer.locator('.desk-thread__meta .badge', { hasText: 'Dijawab' }).waitFor();
  await officer.locator('h3', { hasText: 'Tanya-jawab publik' }).waitFor();
  assert.equal(await overflows(officer), false, 'the staff thread fits 360 px');
  await snapTop(officer, 'consultation-staff-thread');
  await officer.context().close();

  // The owner reads the reply, has a notification about it, and closes the consultation.
  await page.goto(thread);
  await page.locator('.desk-message--staff', { hasText: reply }).waitFor();
  assert.match(await page.locator('.desk-message--staff').innerText(), new RegExp(officerName));
  assert.equal(await page.locator('a.button--wa').count(), 0, 'the owner sees no staff tools');
  await snapTop(page, 'consultation-owner-reply');
  await page.goto('/akun/notifikasi');
  const note = page.locator('.notification', { hasText: 'Balasan untuk konsultasi' }).first();
  await note.waitFor();
  assert.match(await note.locator('a[href^="https://wa.me/"]').first().getAttribute('href'), /wa\.me\/62857/);
  await page.goto(thread);
  await page.getByRole('button', { name: 'Tutup, sudah jelas' }).click();
  await page.locator('.desk-thread__meta .badge', { hasText: 'Ditutup' }).waitFor();
  await page.goto('/konsultasi/saya');
  await page.locator('.desk-card', { hasText: title }).waitFor();
});

browserTest('anyone reads the published FAQ of the desk', { file: 'consultation-public' }, async (page) => {
  await page.goto('/konsultasi');
  await waitForHeading(page, 'Konsultasi usaha desa');
  assert.equal(await page.title(), 'Konsultasi Usaha Desa — Lapak Desa', 'the server\'s title, kept by the app');
  const entry = page.locator('details.faq', { hasText: 'PIRT' }).first();
  await entry.waitFor();
  await entry.locator('summary').click();
  assert.match(await entry.locator('.faq__answer').innerText(), /Dinas Kesehatan/);
  assert.equal(await overflows(page), false, 'the desk page fits 360 px');
  await snapTop(page, 'consultation-public-faq');
  await page.getByRole('link', { name: 'Ajukan konsultasi' }).click();
  await page.waitForURL(/\/masuk\?lanjut=%2Fkonsultasi%2Fbaru$/);
});

browserTest('a consultant finds their ways in on the public desk once the app knows them', {
  file: 'consultation-public-signed-in',
}, async (page) => {
  // The demo consultant of Lombok Barat.
  await signIn(page, '0811 5201 0100');
  const served = await (await page.request.get('/konsultasi')).text();
  assert.ok(!served.includes('Konsultasi saya') && !served.includes('antrian'), 'the served page is everyone\'s');
  await page.goto('/konsultasi');
  // Once the page runs, the person's own link appears: their consultations, where the staff find the queue.
  await page.getByRole('link', { name: 'Konsultasi saya' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Konsultasi saya' }).getAttribute('href'), '/konsultasi/saya');
  await page.getByRole('link', { name: 'Konsultasi saya' }).click();
  await waitForHeading(page, 'Konsultasi saya');
  await page.getByRole('link', { name: 'Buka antrian konsultasi' }).click();
  await page.waitForURL('**/konsultasi/antrian');
  await waitForHeading(page, 'Antrian konsultasi');
});
