/**
 * 导出我的数据 on H5: the JSON document is downloaded as a file (quhuitong-my-data-YYYYMMDD.json).
 * The weapp build uses save-export.weapp.ts.
 */
export async function saveExport(fileName: string, json: string): Promise<string> {
  const blob = new Blob([json], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return `已下载 ${fileName}，可以用记事本或浏览器打开`
}
