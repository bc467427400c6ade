import Taro from '@tarojs/taro';
import { api } from './api-client';

export interface ScannedIdCard {
  idNumber?: string;
  name?: string;
}

export interface OcrDeps {
  /** Lets the teller take or pick one photo; resolves to its local path, or undefined if cancelled. */
  choose(): Promise<string | undefined>;
  readBase64(path: string): Promise<string>;
  recognize(image: string, contentType: 'image/jpeg' | 'image/png'): Promise<ScannedIdCard>;
}

/** Photo recognition needs the WeChat camera and file APIs; elsewhere the teller types. */
export function idCardOcrAvailable(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

const weappDeps: OcrDeps = {
  async choose() {
    try {
      const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
      return picked.tempFiles[0]?.tempFilePath;
    } catch {
      return undefined; // cancelled
    }
  },
  readBase64: (path) =>
    new Promise((resolve, reject) =>
      Taro.getFileSystemManager().readFile({ filePath: path, encoding: 'base64', success: (r) => resolve(String(r.data)), fail: reject }),
    ),
  recognize: (image, contentType) => api.recognizeIdCard(image, contentType),
};

/**
 * Reads the ID card's portrait side through the server's WeChat OCR. What comes back only fills
 * the form: the teller still sees it and the server checks it like typed input.
 */
export async function scanIdCard(deps: OcrDeps = weappDeps): Promise<ScannedIdCard | undefined> {
  const path = await deps.choose();
  if (!path) return undefined;
  const image = await deps.readBase64(path);
  const contentType = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
  const result = await deps.recognize(image, contentType);
  return { idNumber: result.idNumber, name: result.name };
}
