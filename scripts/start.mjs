#!/usr/bin/env node
/**
 * `npm start`: the whole app on one port with nothing to install or start first.
 * 1. Builds the H5 app if dist/h5/index.html is missing (same-origin API, dev login on).
 * 2. Builds the operators' console (admin/dist) if it is missing, served at /admin.
 * 3. Starts the server in demo mode (DEMO_MODE=1: development sign-in, 示例 accounts) on the
 *    embedded PGlite store (files under data/), importing the sample content on the first run,
 *    serving dist/h5 and the API together. `npm --prefix server start` alone is not a demo.
 * 4. Prints the URL once the server is ready; Ctrl-C stops it gracefully.
 * Installs nothing: if server/node_modules is missing it says which command to run.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const serverDir = path.join(root, 'server')
const staticDir = path.resolve(root, process.env.STATIC_DIR || 'dist/h5')
const host = process.env.HOST || '127.0.0.1'
const port = process.env.PORT || '8080'

if (!existsSync(path.join(serverDir, 'node_modules', 'tsx'))) {
  console.error('服务器依赖未安装。请先运行：npm --prefix server install --ignore-scripts')
  process.exit(1)
}

if (!existsSync(path.join(staticDir, 'index.html'))) {
  console.log(`未找到 ${path.relative(root, staticDir)}/index.html，正在构建 H5（约 20 秒）…`)
  const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    // The app calls the API on the same origin it is served from, and may use the dev login.
    env: { ...process.env, TARO_APP_API_BASE: '', TARO_APP_DEV_LOGIN: 'true' },
  })
  if (build.status !== 0 || !existsSync(path.join(staticDir, 'index.html'))) {
    console.warn('H5 构建失败：下面只启动 API（/api/v1、/docs）。修好构建后重新运行 npm start。')
  }
}

const adminDir = path.join(root, 'admin')
if (!existsSync(path.join(adminDir, 'dist', 'index.html'))) {
  if (!existsSync(path.join(adminDir, 'node_modules', 'vite'))) {
    console.warn('运营后台依赖未安装（运行 bash scripts/setup.sh）：本次不提供 /admin。')
  } else {
    console.log('未找到 admin/dist/index.html，正在构建运营后台（约 10 秒）…')
    const build = spawnSync('npx', ['vite', 'build'], { cwd: adminDir, stdio: 'inherit', env: process.env })
    if (build.status !== 0) console.warn('运营后台构建失败：本次不提供 /admin。')
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: serverDir,
  stdio: 'inherit',
  env: { SEED_SAMPLE: 'if-empty', ...process.env, DEMO_MODE: '1', HOST: host, PORT: port, STATIC_DIR: staticDir },
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal))
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
const deadline = Date.now() + 60_000
async function announceWhenReady() {
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const response = await fetch(`${url}/readyz`)
      if (response.ok) {
        console.log(`\n衢惠通已启动（演示模式）：${url}/   运营后台：${url}/admin/   接口文档：${url}/docs   （Ctrl-C 停止）`)
        console.log('演示模式：开发登录已开启，数据均为示例数据；不要用于生产或对公网开放。\n')
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}
void announceWhenReady()
