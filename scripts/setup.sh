#!/usr/bin/env bash
# Installs everything the app, the server and the tests need from the npm registry.
#
# Why `npm install` and not `npm ci`: @tarojs/binding 4.2.1 lists platform binaries (darwin, win32,
# linux-arm64) that the registry here does not serve, so the lock cannot record them and `npm ci`
# refuses it; `npm install` with the lock present installs exactly the locked versions and leaves
# the lock unchanged.
# Why --ignore-scripts: @tarojs/cli's postinstall probes a vendor site and may add a telemetry
# plugin to the global Taro config. Nothing we use needs an install script (WeChat's wcc binary
# only lacks its +x bit, which scripts/check-weapp.mjs restores).
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --ignore-scripts --no-audit --no-fund
if [ -f server/package.json ]; then
  npm --prefix server install --ignore-scripts --no-audit --no-fund
fi
# The operators' console (React + Ant Design, built with Vite; served by the server at /admin).
if [ -f admin/package.json ]; then
  npm --prefix admin install --ignore-scripts --no-audit --no-fund
fi
