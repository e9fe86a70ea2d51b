// Evidence attachments: type by content, the size limit, odd filenames, downloads only through
// the dispute they belong to, removal while open.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../db/tables.ts';
import { createTestApp, ENGINES, type TestApp } from '../../test/harness.ts';
import { JPEG, makeDispute, PDF, PNG } from '../../test/moneyFixtures.ts';
import { contentDisposition, detectKind, safeFilename } from './evidenceFile.ts';

const LIMIT = 4096;
const pdfKind = detectKind(PDF)!;
const pngKind = detectKind(PNG)!;

describe('evidence files', () => {
  it('are recognised by their first bytes only', () => {
    expect(detectKind(PDF)?.contentType).toBe('application/pdf');
    expect(detectKind(PNG)?.contentType).toBe('image/png');
    expect(detectKind(JPEG)?.contentType).toBe('image/jpeg');
    for (const other of ['<html><script>alert(1)</script>', 'GIF89a', 'PK\x03\x04zip', '%PD', ' %PDF-1.4', '']) {
      expect(detectKind(Buffer.from(other, 'latin1')), other).toBeNull();
    }
    expect(detectKind(PNG.subarray(0, 7))).toBeNull();
  });

  it.each([
    ['receipt.pdf', pdfKind, 'receipt.pdf'],
    ['RECEIPT.PDF', pdfKind, 'RECEIPT.pdf'],
    ['../../etc/passwd', pdfKind, 'passwd.pdf'],
    ['C:\\Users\\ana\\Desktop\\proof.png', pngKind, 'proof.png'],
    ['invoice.html', pdfKind, 'invoice.html.pdf'],
    ['photo.jpeg', pngKind, 'photo.jpeg.png'],
    ['  .hidden.pdf', pdfKind, 'hidden.pdf'],
    ['..', pdfKind, 'evidence.pdf'],
    ['', pngKind, 'evidence.png'],
    ['a"b<c>d|e?f*g:h.pdf', pdfKind, 'a_b_c_d_e_f_g_h.pdf'],
    ['line\r\nbreak\u0000.pdf', pdfKind, 'linebreak.pdf'],
    ['invoice\u202efdp.exe', pdfKind, 'invoicefdp.exe.pdf'],
    ['reçu de livraison – été.pdf', pdfKind, 'reçu de livraison – été.pdf'],
    ['配達証明.png', pngKind, '配達証明.png'],
    [`${'x'.repeat(300)}.pdf`, pdfKind, `${'x'.repeat(100)}.pdf`],
  ])('name %j becomes %j', (original, kind, expected) => {
    expect(safeFilename(original, kind)).toBe(expected);
  });

  it('are offered for download under a header-safe ASCII name and the exact UTF-8 name', () => {
    expect(contentDisposition('receipt.pdf')).toBe(`attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`);
    expect(contentDisposition('reçu (1).pdf')).toBe(`attachment; filename="re_u (1).pdf"; filename*=UTF-8''re%C3%A7u%20%281%29.pdf`);
    expect(contentDisposition('a\\b;c%d.pdf')).toBe(`attachment; filename="a_b_c_d.pdf"; filename*=UTF-8''a%5Cb%3Bc%25d.pdf`);
  });
});

describe.each(ENGINES)('dispute attachments on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { config: { ATTACHMENT_MAX_BYTES: LIMIT } });
  });
  afterAll(() => t.drop());

  const upload = async (disputeId: string, content: Buffer, filename: string, contentType = 'application/octet-stream', role: 'support' | 'admin' | 'operator' = 'support') =>
    (await t.agent(role)).post(`/api/disputes/${disputeId}/attachments`).attach('file', content, { filename, contentType });

  it('When support uploads a PNG, then 201 with metadata from the content, and it downloads byte for byte with safe headers', async () => {
    const id = await makeDispute(t, { attachment: false });
    const res = await upload(id, PNG, 'delivery photo.png', 'text/html');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^dpa_/), dispute_id: id, filename: 'delivery photo.png', content_type: 'image/png',
      size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex'), uploaded_by: t.users.support.id,
      created_at: t.ctx.now().toISOString(),
    });
    expect(await t.db('audit').where({ entity_id: id, action: 'dispute.attachment_added' })).toHaveLength(1);

    const list = await (await t.agent('operator')).get(`/api/disputes/${id}/attachments`);
    expect(list.body).toEqual([res.body]);

    const file = await (await t.agent('operator')).get(`/api/disputes/${id}/attachments/${res.body.id}`).buffer(true)
      .parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="delivery photo.png"; filename*=UTF-8''delivery%20photo.png`);
    expect(file.headers['cache-control']).toBe('no-store');

    // Evidence leaving is audited: who, which file, and that the download completed.
    let downloads: AuditRow[] = [];
    for (let i = 0; i < 100 && downloads.length === 0; i++) {
      downloads = await t.db('audit').where({ entity_id: id, action: 'dispute.evidence_downloaded' });
      if (downloads.length === 0) await new Promise((r) => setTimeout(r, 20)); // written once the response has finished
    }
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ actor_id: t.users.operator.id, entity: 'disputes', created_at: t.ctx.now().toISOString() });
    expect(JSON.parse(downloads[0].detail!)).toEqual({
      attachment_id: res.body.id, filename: 'delivery photo.png', size: PNG.length, sha256: res.body.sha256, complete: true,
    });
  });

  it('When a PDF and a JPEG are uploaded whatever their claimed type, then their detected type is stored', async () => {
    const id = await makeDispute(t, { attachment: false });
    expect((await upload(id, PDF, 'letter.pdf', 'image/png')).body.content_type).toBe('application/pdf');
    expect((await upload(id, JPEG, 'scan.jpg', 'application/pdf')).body.content_type).toBe('image/jpeg');
  });

  it.each([
    ['an HTML page named .pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'evil.pdf', 'application/pdf'],
    ['an SVG named .png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'), 'x.png', 'image/png'],
    ['a ZIP named .jpg', Buffer.from('PK\x03\x04 not really a jpeg', 'latin1'), 'x.jpg', 'image/jpeg'],
  ])('When the file is %s, then 415 and nothing is stored', async (_name, content, filename, contentType) => {
    const id = await makeDispute(t, { attachment: false });
    const res = await upload(id, content, filename, contentType);
    expect(res.status).toBe(415);
    expect(res.body.message).toMatch(/PDF, PNG and JPEG/);
    expect(await t.db('dispute_attachments').where('dispute_id', id)).toHaveLength(0);
  });

  it('When the file is over the limit, then 413; at the limit exactly, it is stored', async () => {
    const id = await makeDispute(t, { attachment: false });
    const over = Buffer.concat([PDF, Buffer.alloc(LIMIT + 1 - PDF.length, 0x20)]);
    const res = await upload(id, over, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/larger than the limit of 4 KiB/);
    // Far over: the body is drained, not cut off, so the client reads the 413 rather than a reset.
    const huge = await upload(id, Buffer.concat([PDF, Buffer.alloc(3_000_000)]), 'huge.pdf');
    expect(huge.status).toBe(413);
    expect(await t.db('dispute_attachments').where('dispute_id', id)).toHaveLength(0);
    const exact = Buffer.concat([PDF, Buffer.alloc(LIMIT - PDF.length, 0x20)]);
    const ok = await upload(id, exact, 'exact.pdf');
    expect(ok.status).toBe(201);
    expect(ok.body.size).toBe(LIMIT);
  });

  it('When the upload is malformed, then 400 or 415 with a message, never a 500', async () => {
    const id = await makeDispute(t, { attachment: false });
    const support = await t.agent('support');
    const url = `/api/disputes/${id}/attachments`;
    expect((await support.post(url).field('note', 'no file')).status).toBe(400);
    expect((await support.post(url).attach('document', PDF, 'a.pdf')).status).toBe(400);
    expect((await support.post(url).attach('file', PDF, 'a.pdf').attach('file', PNG, 'b.png')).status).toBe(400);
    expect((await support.post(url).attach('file', Buffer.alloc(0), 'empty.pdf')).status).toBe(400);
    expect((await support.post(url).send({ file: 'JVBERi0=' })).status).toBe(415);
    const broken = await support.post(url).set('Content-Type', 'multipart/form-data; boundary=xyz').send('--xyz\r\nnonsense');
    expect(broken.status).toBe(400);
    expect(await t.db('dispute_attachments').where('dispute_id', id)).toHaveLength(0);
  });

  it('When filenames are odd, then what is stored and served is safe', async () => {
    const id = await makeDispute(t, { attachment: false });
    const cases: Array<[string, string]> = [
      ['../../../etc/passwd.pdf', 'passwd.pdf'],
      ['reçu été.pdf', 'reçu été.pdf'],
      ['invoice.html', 'invoice.html.pdf'],
      ['quote"and;semi.pdf', 'quote_and;semi.pdf'],
    ];
    for (const [sent, stored] of cases) {
      const res = await upload(id, PDF, sent);
      expect(res.status, sent).toBe(201);
      expect(res.body.filename, sent).toBe(stored);
      const file = await (await t.agent('support')).get(`/api/disputes/${id}/attachments/${res.body.id}`);
      const header = file.headers['content-disposition'];
      expect(header).toBe(contentDisposition(stored));
      expect(header).toMatch(/^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
    }
  });

  it('When an attachment id of another dispute is used, then 404 on download and removal', async () => {
    const mine = await makeDispute(t, { attachment: false });
    const theirs = await makeDispute(t);
    const theirAttachment = await t.db('dispute_attachments').where('dispute_id', theirs).first('id');
    const support = await t.agent('support');
    expect((await support.get(`/api/disputes/${mine}/attachments/${theirAttachment!.id}`)).status).toBe(404);
    expect((await support.delete(`/api/disputes/${mine}/attachments/${theirAttachment!.id}`)).status).toBe(404);
    expect((await support.get(`/api/disputes/${mine}/attachments/dpa_01JX0000000000000000000000`)).status).toBe(404);
    expect(await t.db('dispute_attachments').where('id', theirAttachment!.id)).toHaveLength(1);
    expect((await support.get(`/api/disputes/dp_01JX0000000000000000000000/attachments`)).status).toBe(404);
  });

  it('When support removes evidence while the dispute is open, then 200 with its metadata, audited; once submitted, 409', async () => {
    const id = await makeDispute(t, { attachment: false });
    const support = await t.agent('support');
    const a = (await upload(id, PDF, 'a.pdf')).body;
    const b = (await upload(id, PNG, 'b.png')).body;
    const removed = await support.delete(`/api/disputes/${id}/attachments/${a.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual(a);
    expect(await t.db('audit').where({ entity_id: id, action: 'dispute.attachment_deleted' })).toHaveLength(1);
    expect((await support.get(`/api/disputes/${id}/attachments/${a.id}`)).status).toBe(404);
    expect((await support.post(`/api/disputes/${id}/submit`)).status).toBe(200);
    const late = await support.delete(`/api/disputes/${id}/attachments/${b.id}`);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/under review/);
    expect((await upload(id, PDF, 'c.pdf')).status).toBe(409);
    expect((await (await t.agent('operator')).delete(`/api/disputes/${id}/attachments/${b.id}`)).status).toBe(403);
  });

  it('When an operator uploads, then 403', async () => {
    const id = await makeDispute(t, { attachment: false });
    expect((await upload(id, PDF, 'a.pdf', 'application/pdf', 'operator')).status).toBe(403);
  });

  it('When an upload is retried with the same Idempotency-Key, then one file is stored and the response replayed', async () => {
    const id = await makeDispute(t, { attachment: false });
    const support = await t.agent('support');
    const key = randomUUID();
    const send = (content: Buffer) => support.post(`/api/disputes/${id}/attachments`).set('Idempotency-Key', key).attach('file', content, 'a.pdf');
    const first = await send(PDF);
    const again = await send(PDF);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await t.db('dispute_attachments').where('dispute_id', id)).toHaveLength(1);
    const other = await send(Buffer.concat([PDF, Buffer.from('changed')]));
    expect(other.status).toBe(422);
  });
});
