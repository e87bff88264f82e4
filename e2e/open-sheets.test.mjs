/**
 * axe-core with every sheet and dialog open (issue 15), in normal and 长辈模式: the station
 * picker (its list and a search in it), the H5 dialog that asks before clearing the car, the
 * date field typed from the keyboard. e2e/lib/axe.mjs scans the open overlay
 * together with the page, so a sheet cannot hide a contrast or size problem (the old wheel sheet
 * had 12 px text and a 3.54:1 取消).
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { scanAccessibility } from './lib/axe.mjs'
import { launchPhone, openRoute, screenshot, setElderMode, typeDate, visiblePage } from './lib/browser.mjs'

let phone

before(async () => {
  phone = await launchPhone()
})

after(async () => {
  await phone?.close()
})

const shown = () => visiblePage(phone.page)

async function scan(label, problems) {
  for (const violation of await scanAccessibility(phone.page, label)) problems.push({ label, id: violation.id, help: violation.help, nodes: violation.nodes })
}

for (const mode of ['normal', 'elder']) {
  test(`every sheet open passes axe in ${mode} mode`, async () => {
    const { page } = phone
    const problems = []
    // A fresh document each time: the previous mode left 我的车 on Taro's page stack, and two hash
    // changes in a row (home, then the trip page) could race its router (seen once in CI: the
    // trip page never showed in elder mode).
    await page.goto('about:blank')
    await openRoute(page, 'pages/home/index', '衢惠通')
    await setElderMode(page, mode === 'elder')

    // 行程查询: the station picker open, then searched.
    await openRoute(page, 'packages/etc/pages/trip/index', '这趟行程')
    await page.reload()
    await shown().getByRole('button', { name: /^(选择)?入口收费站/ }).click()
    await shown().getByRole('listbox').first().waitFor()
    assert.ok((await shown().getByRole('option').count()) > 10, 'the picker lists the stations as options')
    await scan(`station picker ${mode}`, problems)
    await shown().getByRole('textbox', { name: '搜索入口收费站' }).fill('qzd')
    await shown().getByRole('option', { name: /^衢州东，/ }).waitFor()
    await scan(`station picker searched ${mode}`, problems)
    await screenshot(page, `sheet-station-picker-${mode}`)
    await shown().getByRole('option', { name: /^衢州东，/ }).click()

    // The date field, typed from the keyboard.
    const date = shown().getByLabel('日期', { exact: true })
    await typeDate(page, date, '2026-12-01')
    assert.equal(await date.inputValue(), '2026-12-01')
    await scan(`date field ${mode}`, problems)

    // 我的车: the dialog before clearing the car (Taro's H5 modal, appended to <body>).
    await openRoute(page, 'packages/etc/pages/car/index', '我的车')
    await shown().getByRole('textbox', { name: '车牌号' }).fill('浙h·12345')
    await shown().getByRole('radio', { name: /一类客车/ }).click()
    await shown().getByRole('radio', { name: /ETC 记账卡/ }).click()
    await shown().getByRole('button', { name: '清除这台手机上的车辆信息' }).click()
    await page.getByText('清除车辆信息？').waitFor()
    await scan(`clear-car dialog ${mode}`, problems)
    await screenshot(page, `sheet-clear-car-${mode}`)
    await page.getByText('保留', { exact: true }).click()
    await page.getByText('清除车辆信息？').waitFor({ state: 'hidden' })

    assert.deepEqual(problems, [], JSON.stringify(problems, null, 2))
  })
}
