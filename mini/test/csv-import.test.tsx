import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ImportSheet } from '../src/admin/pages/watchlists/import-sheet';
import { fileLineErrors, splitCsv, WATCHLIST_CSV_HEADER } from '../src/services/csv-chunks';
import { saveSession } from '../src/services/session';
import { loginResponse } from './factories';
import { answerWith, Taro } from './stand-ins/taro';

const line = (n: number) => `PUNISHED,PERSON,id-${n},出售银行卡,`;

describe('watchlist CSV chunks', () => {
  it('splits the lines into requests that each carry the header, remembering where each starts', () => {
    const csv = ['\uFEFF' + WATCHLIST_CSV_HEADER, ...Array.from({ length: 5 }, (_, i) => line(i + 2)), '', ''].join('\r\n');
    const { header, chunks } = splitCsv(csv, 2);
    expect(header).toBe(WATCHLIST_CSV_HEADER);
    expect(chunks.map((c) => [c.firstLine, c.lines])).toEqual([[2, 2], [4, 2], [6, 1]]);
    expect(chunks[1].csv).toBe([WATCHLIST_CSV_HEADER, line(4), line(5)].join('\n'));
  });

  it("turns the server's line numbers within a chunk back into the file's", () => {
    const { chunks } = splitCsv([WATCHLIST_CSV_HEADER, line(2), line(3), line(4), line(5)].join('\n'), 2);
    // The server counts the chunk's header as line 1, so its line 3 is the chunk's second data line.
    expect(fileLineErrors(chunks[1], [{ line: 3, code: 'ID_CHECKSUM', message: '身份证号校验位不正确' }])).toEqual([
      { line: 5, code: 'ID_CHECKSUM', message: '身份证号校验位不正确' },
    ]);
  });
});

describe('CSV import sheet', () => {
  beforeEach(() => saveSession(loginResponse({}, { role: 'SQUAD_ADMIN' })));

  it('imports in chunks with a progress bar and lists every bad line with its number in the file', async () => {
    const onImported = jest.fn();
    render(<ImportSheet open onClose={jest.fn()} onImported={onImported} />);
    const lines = Array.from({ length: 1200 }, (_, i) => line(i + 2));
    fireEvent.change(screen.getByPlaceholderText(/或粘贴 CSV 内容/), { target: { value: [WATCHLIST_CSV_HEADER, ...lines].join('\n') } });
    answerWith(200, { imported: 500, errors: [] });
    answerWith(200, { imported: 499, errors: [{ line: 2, code: 'ID_CHECKSUM', message: '身份证号校验位不正确' }] });
    answerWith(200, { imported: 200, errors: [] });
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));

    expect(await screen.findByText('导入完成：1200 / 1200 行，成功 1199 条，错误 1 行')).toBeTruthy();
    expect(screen.getByText('第 502 行：身份证号校验位不正确')).toBeTruthy();
    expect((document.querySelector('.import__fill') as HTMLElement).style.width).toBe('100%');
    expect(Taro.request).toHaveBeenCalledTimes(3);
    expect(Taro.request.mock.calls[1][0].data.csv.split('\n')[0]).toBe(WATCHLIST_CSV_HEADER);
    await waitFor(() => expect(onImported).toHaveBeenCalled());
  });

  it('refuses a file without the header before sending anything', async () => {
    render(<ImportSheet open onClose={jest.fn()} onImported={jest.fn()} />);
    fireEvent.change(screen.getByPlaceholderText(/或粘贴 CSV 内容/), { target: { value: line(1) } });
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));
    expect(await screen.findByText(`第一行应为表头：${WATCHLIST_CSV_HEADER}`)).toBeTruthy();
    expect(Taro.request).not.toHaveBeenCalled();
  });
});
