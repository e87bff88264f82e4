import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceList, type ChoiceOption } from '@/components/choice-list'
import { DateField } from '@/components/date-field'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import {
  NEW_CAR_ENERGIES,
  NEW_CAR_ENERGY_LABEL,
  OLD_CAR_FUELS,
  OLD_CAR_FUEL_LABEL,
  type NewCarEnergy,
  type OldCarFuel,
} from '@/domain/policy/subsidy-vocabulary'
import { findRuleSetForDate } from '@/domain/policy/subsidy-rule-sets'
import type { CarReplaceInput, CarScrapInput } from '@/domain/subsidy/subsidy-input'
import { CarComparison } from '@/packages/subsidy/components/car-comparison'
import { PurchaseDateField } from '@/packages/subsidy/components/purchase-date-field'
import { QuoteResult } from '@/packages/subsidy/components/quote-result'
import { TextInput } from '@/components/text-input'
import { YuanField } from '@/components/yuan-field'
import { listMissing, type FormOutcome } from '@/packages/subsidy/quote-form'
import { useCalculatorForm } from '@/packages/subsidy/use-calculator-form'
import '@/components/field-box.scss'
import '@/packages/subsidy/subsidy.scss'
import { shareTimeline } from '@/services/share'
import { calculatorShare } from '@/packages/subsidy/calculator-share'

const FUEL_CAPTION: Record<OldCarFuel, string> = {
  petrol: '烧汽油的车（含油电混合）',
  diesel: '烧柴油的车',
  nev: '纯电动、插电混动、增程式',
  other: '天然气等其他燃料',
}
const ENERGY_CAPTION: Record<NewCarEnergy, string> = {
  nev: '纯电动、插电混动、增程式（绿牌）',
  fuel: '汽油车、柴油车、油电混合（蓝牌）',
}
const FUEL_OPTIONS = OLD_CAR_FUELS.map((fuel) => ({ value: fuel, title: OLD_CAR_FUEL_LABEL[fuel], caption: FUEL_CAPTION[fuel] }))
const ENERGY_OPTIONS = NEW_CAR_ENERGIES.map((energy) => ({
  value: energy,
  title: NEW_CAR_ENERGY_LABEL[energy],
  caption: ENERGY_CAPTION[energy],
}))

/** The displacement as typed ("1.5", "1.5L"); the domain parses it. */
type CarScrapForm = Omit<CarScrapInput, 'newCarDisplacementL'> & { newCarDisplacementL?: string }

/** Both car measures are quoted side by side; either one's rule sets give purchase dates. */
const CAR_MEASURES = ['car-scrap', 'car-replace'] as const

type Ownership = 'since-registration' | 'later'
const OWNERSHIP_OPTIONS: ChoiceOption<Ownership>[] = [
  { value: 'since-registration', title: '新车上牌起就在我名下', caption: '和注册登记日期相同' },
  { value: 'later', title: '后来过户到我名下', caption: '看登记证书上转移登记的日期' },
]

/** 2026: is the new NEV on 减免车辆购置税的新能源汽车车型目录? "Not sure" leaves it as a point to check. */
type CatalogueAnswer = 'yes' | 'no' | 'unsure'
const CATALOGUE_OPTIONS: ChoiceOption<CatalogueAnswer>[] = [
  { value: 'yes', title: '在目录内', caption: '可在工业和信息化部网站按车型查询' },
  { value: 'no', title: '不在目录内' },
  { value: 'unsure', title: '不清楚', caption: '先按在目录内估算，并提醒您核对' },
]
const CATALOGUE_INPUT: Record<CatalogueAnswer, { newCarOnTaxExemptionCatalogue?: boolean }> = {
  yes: { newCarOnTaxExemptionCatalogue: true },
  no: { newCarOnTaxExemptionCatalogue: false },
  unsure: {},
}

const STEP_TITLES = ['旧车', '旧车的日期', '新车', '价格和购买日期', '能补多少'] as const
/** Which step holds each field, so an error found at the end can send the person back to it. */
const FIELD_STEP: Record<string, number> = {
  oldCarFuel: 1,
  oldCarId: 1,
  oldCarRegisteredOn: 2,
  oldCarOwnedSince: 2,
  newCarEnergy: 3,
  newCarDisplacementL: 3,
  priceYuan: 4,
  purchaseDate: 4,
}

/**
 * 汽车以旧换新 as a short flow: the old car (fuel, registration, whose name since when), the new
 * car (energy type, displacement), price and date, then 报废更新 and 置换更新 quoted side by side.
 */
/** A date in the old car's history (registration, transfer): any day from 1990 up to today, unset until chosen. */
function OldCarDateField(props: { label: string; value: string; onChange: (value: string) => void; today: string }) {
  const { label, value, onChange, today } = props
  return <DateField label={label} value={value} onChange={onChange} start='1990-01-01' end={today} hint={value === '' ? '请选择' : undefined} />
}

export default function CarSubsidyPage() {
  const form = useCalculatorForm(CAR_MEASURES)
  const { today, rules, saving, purchaseDate, setPurchaseDate } = form
  const initial = form.initial
  const initialScrap = initial?.measure === 'car-scrap' ? initial : null
  const [step, setStep] = useState(initialScrap ? 5 : 1)
  const [oldCarFuel, setOldCarFuel] = useState<OldCarFuel | null>(initialScrap?.oldCarFuel ?? null)
  const [oldCarId, setOldCarId] = useState(initial?.oldCarId ?? '')
  const [registeredOn, setRegisteredOn] = useState(initialScrap?.oldCarRegisteredOn ?? '')
  const [ownership, setOwnership] = useState<Ownership | null>(
    initialScrap
      ? initialScrap.oldCarOwnedSince === initialScrap.oldCarRegisteredOn
        ? 'since-registration'
        : 'later'
      : initial
        ? 'later'
        : null,
  )
  const [ownedSince, setOwnedSince] = useState(initial?.oldCarOwnedSince ?? '')
  const [newCarEnergy, setNewCarEnergy] = useState<NewCarEnergy | null>(initial?.newCarEnergy ?? null)
  const [catalogue, setCatalogue] = useState<CatalogueAnswer>(
    initial?.newCarOnTaxExemptionCatalogue === undefined ? 'unsure' : initial.newCarOnTaxExemptionCatalogue ? 'yes' : 'no',
  )
  const [displacementText, setDisplacementText] = useState(
    initialScrap?.newCarDisplacementL !== undefined ? String(initialScrap.newCarDisplacementL) : '',
  )
  const [shownMissing, setShownMissing] = useState<string[]>([])
  // 转发 opens the car flow from its first step: the old car, dates and price are the sender's own.
  const share = () => calculatorShare('subsidy-car', '汽车')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))

  const effectiveOwnedSince = ownership === 'since-registration' ? registeredOn : ownedSince
  const checksByStep: Record<number, ReadonlyArray<readonly [boolean, string]>> = {
    1: [[oldCarFuel === null, '旧车燃料类型']],
    2: [
      [registeredOn === '', '旧车注册登记日期'],
      [ownership === null, '旧车何时登记在您名下'],
      [ownership === 'later' && ownedSince === '', '过户到您名下的日期'],
    ],
    3: [
      [newCarEnergy === null, '新车能源类型'],
      [newCarEnergy === 'fuel' && displacementText.trim() === '', '新车排量'],
    ],
    4: [form.priceMissing('新车价格')],
  }
  const allChecks = [1, 2, 3, 4].flatMap((number) => checksByStep[number])
  const carId = oldCarId.trim() === '' ? {} : { oldCarId }
  // Asked only where the rule set for the purchase date requires it (2026: 发改环资〔2025〕1745号, as reported).
  const ruleSetOnDate = findRuleSetForDate(purchaseDate, rules.ruleSets)
  const asksCatalogue =
    newCarEnergy === 'nev' &&
    Boolean(
      ruleSetOnDate?.measures['car-scrap']?.nevOnTaxExemptionCatalogue?.value ||
        ruleSetOnDate?.measures['car-replace']?.nevOnTaxExemptionCatalogue?.value,
    )
  const catalogueInput = asksCatalogue ? CATALOGUE_INPUT[catalogue] : {}
  // Both measures from the same answers, quoted side by side.
  const scrap: FormOutcome = form.quote(allChecks, (): Omit<CarScrapForm, 'priceYuan' | 'purchaseDate'> => ({
    measure: 'car-scrap',
    newCarEnergy: newCarEnergy!,
    ...(newCarEnergy === 'fuel' ? { newCarDisplacementL: displacementText } : {}),
    oldCarFuel: oldCarFuel!,
    oldCarRegisteredOn: registeredOn,
    oldCarOwnedSince: effectiveOwnedSince,
    ...carId,
    ...catalogueInput,
  }))
  const replace: FormOutcome = form.quote(allChecks, (): Omit<CarReplaceInput, 'priceYuan' | 'purchaseDate'> => ({
    measure: 'car-replace',
    newCarEnergy: newCarEnergy!,
    oldCarOwnedSince: effectiveOwnedSince,
    ...carId,
    ...catalogueInput,
  }))
  const invalid = scrap.kind === 'invalid' ? scrap : replace.kind === 'invalid' ? replace : null
  const fieldError = (field: string) => (invalid && invalid.error.field === field ? invalid.error.message : null)

  const goTo = (target: number) => {
    setShownMissing([])
    setStep(target)
  }
  const next = () => {
    const missing = listMissing(checksByStep[step] ?? [])
    if (missing.length > 0) {
      setShownMissing(missing)
      return
    }
    goTo(step + 1)
  }

  return (
    <PageShell label='汽车以旧换新'>
      <View className='card'>
        <View className='subsidy-steps__progress'>
          第 {step} 步，共 {STEP_TITLES.length} 步：{STEP_TITLES[step - 1]}
        </View>
        {step === 1 ? (
          <View>
            <ChoiceList label='旧车烧什么（看行驶证“燃料种类”）' options={FUEL_OPTIONS} value={oldCarFuel} onChange={setOldCarFuel} />
            <View className='subsidy-field'>
              <View className='subsidy-field__label'>旧车车牌号（选填）</View>
              <TextInput
                className='field-box field-box__input'
                label='旧车车牌号（选填）'
                value={oldCarId}
                placeholder='例如 浙H12345'
                onChange={setOldCarId}
              />
              <View className='caption'>家里有两辆车分别换新时填上，购物清单才能分清是哪辆车。</View>
            </View>
          </View>
        ) : null}
        {step === 2 ? (
          <View>
            <OldCarDateField label='旧车注册登记日期（看行驶证“注册日期”）' value={registeredOn} onChange={setRegisteredOn} today={today} />
            {fieldError('oldCarRegisteredOn') ? <FieldError message={fieldError('oldCarRegisteredOn')!} /> : null}
            <ChoiceList label='旧车从什么时候登记在您本人名下' options={OWNERSHIP_OPTIONS} value={ownership} onChange={setOwnership} />
            {ownership === 'later' ? (
              <OldCarDateField label='过户到您名下的日期' value={ownedSince} onChange={setOwnedSince} today={today} />
            ) : null}
            {fieldError('oldCarOwnedSince') ? <FieldError message={fieldError('oldCarOwnedSince')!} /> : null}
          </View>
        ) : null}
        {step === 3 ? (
          <View>
            <ChoiceList label='新车是什么车' options={ENERGY_OPTIONS} value={newCarEnergy} onChange={setNewCarEnergy} />
            {asksCatalogue ? (
              <ChoiceList
                label='新车在《减免车辆购置税的新能源汽车车型目录》内吗（待官方确认的新条件）'
                options={CATALOGUE_OPTIONS}
                value={catalogue}
                onChange={setCatalogue}
              />
            ) : null}
            {newCarEnergy === 'fuel' ? (
              <View className='subsidy-field'>
                <View className='subsidy-field__label'>新车排量（升）</View>
                <TextInput
                  className={`field-box field-box__input ${fieldError('newCarDisplacementL') ? 'field-box--error' : ''}`}
                  label='新车排量（升）'
                  value={displacementText}
                  maxlength={10}
                  placeholder='例如 1.5'
                  invalid={fieldError('newCarDisplacementL') !== null}
                  onChange={setDisplacementText}
                />
                {fieldError('newCarDisplacementL') ? (
                  <FieldError message={fieldError('newCarDisplacementL')!} />
                ) : (
                  <View className='caption'>看合格证或车尾标，例如 1.5T 就填 1.5</View>
                )}
              </View>
            ) : null}
          </View>
        ) : null}
        {step === 4 ? (
          <View>
            <YuanField label='新车价格（发票价）' {...form.price} hint='看购车发票上的价税合计' />
            <PurchaseDateField
              value={purchaseDate}
              onChange={setPurchaseDate}
              today={today}
              label='新车购买日期'
              ruleSets={rules.ruleSets}
              measures={CAR_MEASURES}
            />
          </View>
        ) : null}
        {shownMissing.length > 0 ? (
          <View className='error-text' role='alert'>
            ✗ 还差：{shownMissing.join('、')}
          </View>
        ) : null}
        <View className='subsidy-steps__nav'>
          {step > 1 ? (
            <Pressable className='button button--secondary' onPress={() => goTo(step - 1)}>
              上一步
            </Pressable>
          ) : null}
          {step < STEP_TITLES.length ? (
            <Pressable className='button' onPress={next}>
              {step === STEP_TITLES.length - 1 ? '看能补多少' : '下一步'}
            </Pressable>
          ) : null}
        </View>
      </View>
      {step === STEP_TITLES.length ? (
        invalid ? (
          <View className='card' role='alert'>
            <View className='error-text subsidy-result__error'>✗ {invalid.error.message}</View>
            <Pressable className='button button--secondary' onPress={() => goTo(FIELD_STEP[invalid.error.field ?? ''] ?? 1)}>
              回去修改
            </Pressable>
          </View>
        ) : scrap.kind === 'quote' && replace.kind === 'quote' ? (
          <View>
            <CarComparison scrap={scrap.quote} replace={replace.quote} ruleSets={rules.ruleSets} />
            <QuoteResult outcome={scrap} today={today} saving={saving} title='报废更新：详细说明' rules={rules} />
            <QuoteResult outcome={replace} today={today} saving={saving} title='置换更新：详细说明' rules={rules} />
          </View>
        ) : (
          <QuoteResult outcome={scrap} today={today} rules={rules} />
        )
      ) : null}
    </PageShell>
  )
}

function FieldError({ message }: { message: string }) {
  return (
    <View className='error-text subsidy-field__error' role='alert'>
      ✗ {message}
    </View>
  )
}
