import { scanIdCard, type OcrDeps } from '../src/services/id-card-ocr';

function deps(overrides: Partial<OcrDeps> = {}): OcrDeps & { sent: [string, string][] } {
  const sent: [string, string][] = [];
  return {
    sent,
    choose: async () => 'wxfile://tmp/idcard.jpg',
    readBase64: async () => 'aW1hZ2U=',
    recognize: async (image, contentType) => {
      sent.push([image, contentType]);
      return { idNumber: '11010519491231002X', name: '孙八' };
    },
    ...overrides,
  };
}

describe('ID-card photo recognition', () => {
  it('sends the photo once and returns what the server read, for the form', async () => {
    const d = deps();
    await expect(scanIdCard(d)).resolves.toEqual({ idNumber: '11010519491231002X', name: '孙八' });
    expect(d.sent).toEqual([['aW1hZ2U=', 'image/jpeg']]);
  });

  it('does nothing when the teller cancels the camera', async () => {
    const d = deps({ choose: async () => undefined });
    await expect(scanIdCard(d)).resolves.toBeUndefined();
    expect(d.sent).toEqual([]);
  });

  it('passes the server refusal on, so manual entry stays possible', async () => {
    const d = deps({ recognize: async () => { throw new Error('照片中未识别到身份证，请重新拍摄或手动输入'); } });
    await expect(scanIdCard(d)).rejects.toThrow('手动输入');
  });
});
