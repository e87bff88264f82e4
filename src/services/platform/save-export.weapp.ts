/**
 * 导出我的数据 in the mini-program: a mini-program cannot hand a file to the phone's storage, so
 * the JSON document goes to the clipboard, to be pasted into a chat (文件传输助手) or a note.
 * The H5 build uses save-export.ts.
 */
import Taro from '@tarojs/taro'

export async function saveExport(_fileName: string, json: string): Promise<string> {
  await Taro.setClipboardData({ data: json })
  return '已复制到剪贴板，可以粘贴到“文件传输助手”或备忘录里保存'
}
