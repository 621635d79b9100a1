import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '@shared/schemas/attachment';
import { buildTestApp, type TestApp } from '../support/app';
import { EXE, JPEG, PDF, PNG, pdfOf } from '../support/documents';
import { renewalDecision } from '../support/fixtures';
import { describeEachStore, openTestSqlite, type TestStore } from '../support/stores';

/** Anna's renewal decision with her objection open: the case documents are added to. */
async function openCase(app: TestApp, memberId = 'M-1001', username = 'anna'): Promise<string> {
  const ingested = await app
    .ingest()
    .post('/api/decisions')
    .send(renewalDecision({ subject: { memberId } } as never));
  expect(ingested.status).toBe(201);
  const filed = await (await app.as(username)).post(`/api/decisions/${ingested.body.id}/objections`).send({ statement: 'The 2025 claims were not mine.' });
  expect(filed.status).toBe(201);
  return filed.body.case.id as string;
}

describeEachStore('case documents', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
    caseId = await openCase(app);
  });
  afterAll(async () => t.dispose());

  const upload = async (bytes: Buffer, fileName: string, contentType?: string, as = 'anna', id = caseId) =>
    (await app.as(as)).post(`/api/cases/${id}/attachments`).attach('file', bytes, contentType ? { filename: fileName, contentType } : fileName);

  it('keeps a PDF, JPEG and PNG the member adds, answers their bytes, and shows them on the case to the reviewer', async () => {
    const added = [];
    for (const [bytes, name] of [
      [PDF, 'invoice.pdf'],
      [JPEG, 'photo.JPG'],
      [PNG, 'scan.png'],
    ] as const) {
      const res = await upload(bytes, name);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ caseId, fileName: name, size: bytes.length, uploadedBy: 'member' });
      expect(res.body.id).toMatch(/^att_[0-9a-f]{24}$/);
      added.push(res.body);
    }
    expect(added.map((a) => a.mediaType)).toEqual(['application/pdf', 'image/jpeg', 'image/png']);

    const reviewer = await app.as('pricing.reviewer');
    const download = await reviewer.get(`/api/cases/${caseId}/attachments/${added[0].id}`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^application\/pdf/);
    expect(download.headers['content-disposition']).toContain('attachment; filename="invoice.pdf"');
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);

    const listed = await reviewer.get(`/api/cases/${caseId}/attachments`);
    // Added at the same instant (the test clock stands still): the order among them is not the point.
    expect(listed.body.items.map((a: { id: string }) => a.id).sort()).toEqual(added.map((a) => a.id).sort());
    const detail = await reviewer.get(`/api/cases/${caseId}`);
    const entries = detail.body.timeline.filter((e: { action: string }) => e.action === 'attachment_added');
    expect(entries.map((e: { text: string }) => e.text)).toEqual(['invoice.pdf', 'photo.JPG', 'scan.png']);
    const own = await (await app.as('anna')).get(`/api/cases/${caseId}`);
    expect(own.body.timeline.filter((e: { action: string }) => e.action === 'attachment_added')).toHaveLength(3);
  });

  it('refuses a file whose bytes are not what its name or declared type says', async () => {
    const before = (await t.store.attachments.listForCase(caseId)).length;
    const renamed = await upload(PNG, 'invoice.pdf');
    expect(renamed.status).toBe(415);
    expect(renamed.body.code).toBe('file_type_mismatch');
    const declared = await upload(PNG, 'scan.png', 'application/pdf');
    expect(declared.status).toBe(415);
    expect(declared.body.code).toBe('file_type_mismatch');
    const executable = await upload(EXE, 'invoice.pdf');
    expect(executable.status).toBe(415);
    expect(executable.body.code).toBe('unsupported_file_type');
    expect(await t.store.attachments.listForCase(caseId)).toHaveLength(before);
  });

  it('answers 413 for 10 MiB and one byte, and takes exactly 10 MiB', async () => {
    const tooLarge = await upload(pdfOf(ATTACHMENT_MAX_BYTES + 1), 'large.pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('payload_too_large');
    const largest = await upload(pdfOf(ATTACHMENT_MAX_BYTES), 'largest.pdf');
    expect(largest.status).toBe(201);
    expect(largest.body.size).toBe(ATTACHMENT_MAX_BYTES);
  });

  it('refuses a form without the part `file`, and a JSON body', async () => {
    const noFile = await (await app.as('anna')).post(`/api/cases/${caseId}/attachments`).field('note', 'hello');
    expect(noFile.status).toBe(400);
    const json = await (await app.as('anna')).post(`/api/cases/${caseId}/attachments`).send({ file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('unsupported_media_type');
  });

  it("gives another member 404 for the case's documents, whether listing, reading or adding", async () => {
    const [first] = await t.store.attachments.listForCase(caseId);
    const bram = await app.as('bram');
    expect((await bram.get(`/api/cases/${caseId}/attachments`)).status).toBe(404);
    expect((await bram.get(`/api/cases/${caseId}/attachments/${first!.id}`)).status).toBe(404);
    expect((await upload(PDF, 'mine.pdf', undefined, 'bram')).status).toBe(404);
    // A document id of one case does not open through another case, even one's own.
    const bramsCase = await openCase(app, 'M-1002', 'bram');
    expect((await bram.get(`/api/cases/${bramsCase}/attachments/${first!.id}`)).status).toBe(404);
  });

  it('takes no document from staff, and none on a closed case', async () => {
    const staff = await (await app.as('pricing.reviewer')).post(`/api/cases/${caseId}/attachments`).attach('file', PDF, 'x.pdf');
    expect(staff.status).toBe(403);
    const closed = await openCase(app);
    expect((await (await app.as('anna')).post(`/api/cases/${closed}/withdraw`).send({})).status).toBe(200);
    const res = await upload(PDF, 'late.pdf', undefined, 'anna', closed);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_state');
  });

  it('lists the documents in the export, each with the path that answers its bytes', async () => {
    const exported = await (await app.as('anna')).get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.attachments.length).toBeGreaterThanOrEqual(4);
    const [first] = exported.body.attachments;
    expect(first.url).toBe(`/api/cases/${first.caseId}/attachments/${first.id}`);
    expect((await (await app.as('anna')).get(first.url)).status).toBe(200);
  });
});

describe('erasure of case documents', () => {
  let t: TestStore;
  let app: TestApp;
  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store);
  });
  afterAll(async () => t.dispose());

  it('leaves no byte of a document in the store files', async () => {
    const marker = 'RECOURSE-ERASE-ME-5f1c9d0b';
    const caseId = await openCase(app, 'M-1001', 'anna');
    const res = await (await app.as('anna')).post(`/api/cases/${caseId}/attachments`).attach('file', pdfOf(300_000, `${marker} `), `${marker}.pdf`);
    expect(res.status).toBe(201);
    const filesHold = () => t.files!().some((file) => fs.readFileSync(file).includes(marker));
    // The check can fail: the marker is in the files before the erasure.
    await t.store.purgeFreedSpace();
    expect(filesHold()).toBe(true);

    const erased = await (await app.as('admin')).post('/api/admin/erasure').send({ memberId: 'M-1001' });
    expect(erased.status).toBe(200);
    expect(erased.body.attachments).toBe(1);
    expect(await t.store.attachments.listForMember('M-1001')).toEqual([]);
    expect(filesHold()).toBe(false);
  });
});
