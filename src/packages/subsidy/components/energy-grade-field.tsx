import { Text, View } from '@tarojs/components'
import { ChoiceList, type ChoiceOption } from '@/components/choice-list'
import { ENERGY_GRADES, ENERGY_GRADE_LABEL, type EnergyGrade } from '@/domain/policy/subsidy-vocabulary'

/** The choice list needs a value for "no label"; the domain's word for it is null. */
const NO_LABEL = 0
type GradeChoice = EnergyGrade | typeof NO_LABEL

const GRADE_DIGIT = ['', '一', '二', '三', '四', '五'] as const

const OPTIONS: ChoiceOption<GradeChoice>[] = [
  ...ENERGY_GRADES.map((grade) => ({ value: grade as GradeChoice, title: `${GRADE_DIGIT[grade]}级` })),
  { value: NO_LABEL, title: '没有标识' },
]

export interface EnergyGradeFieldProps {
  /** undefined: not chosen yet; null: the product has no energy or water-efficiency label. */
  value: EnergyGrade | null | undefined
  onChange: (grade: EnergyGrade | null) => void
  error?: string | null
  /** What the product usually carries, e.g. furniture often has no label. */
  hint?: string
}

/**
 * The grade on the China energy label (中国能效标识) or water-efficiency label, with a small drawing
 * of the label (five bars, the arrow on the right pointing at the grade) and where to find it.
 */
export function EnergyGradeField({ value, onChange, error, hint }: EnergyGradeFieldProps) {
  const chosen: GradeChoice | null = value === undefined ? null : value === null ? NO_LABEL : value
  return (
    <View className='subsidy-field'>
      <ChoiceList
        label='能效（水效）等级：看产品上的中国能效标识'
        options={OPTIONS}
        value={chosen}
        variant='segmented'
        onChange={(choice) => onChange(choice === NO_LABEL ? null : choice)}
      />
      {error ? (
        <View className='error-text subsidy-field__error' role='alert'>
          ✗ {error}
        </View>
      ) : null}
      <EnergyLabelPicture grade={value ?? null} />
      <View className='caption subsidy-label-help'>
        {hint ? `${hint}。` : ''}
        标识是一张印着“中国能效标识”的彩色贴纸，通常贴在产品正面或侧面（空调在室内机上），包装箱上也印着；网上买看商品详情里的“能效等级”。
        右边黑色箭头里的数字就是等级，1 级最省电。净水器、洗碗机等用水的产品看“水效标识”，看法一样。
      </View>
    </View>
  )
}

const BAR_GRADES = [1, 2, 3, 4, 5] as const

/** A schematic 中国能效标识, drawn with Views so it costs no image bytes. */
export function EnergyLabelPicture({ grade }: { grade: EnergyGrade | null }) {
  const description =
    grade === null
      ? '能效标识示意图：五条由短到长的色条，标着 1 到 5，右边的黑色箭头指向产品的等级'
      : `能效标识示意图：黑色箭头指向 ${grade}，即${ENERGY_GRADE_LABEL[grade]}`
  return (
    <View className='energy-label' role='img' aria-label={description}>
      <View className='energy-label__head'>
        <View className='energy-label__title'>中国能效标识</View>
        <View className='energy-label__subtitle'>CHINA ENERGY LABEL</View>
      </View>
      <View className='energy-label__body' aria-hidden>
        {BAR_GRADES.map((bar) => (
          <View key={bar} className='energy-label__row'>
            <View className={`energy-label__bar energy-label__bar--${bar}`}>
              <Text className='energy-label__digit'>{bar}</Text>
            </View>
            {grade === bar ? (
              <View className='energy-label__arrow'>
                <Text className='energy-label__arrow-digit'>{bar}</Text>
                <Text className='energy-label__arrow-note'>您选的</Text>
              </View>
            ) : null}
          </View>
        ))}
      </View>
      <View className='energy-label__foot' aria-hidden>
        {grade === null ? '示意图：箭头在哪一格就是几级' : `示意图：${ENERGY_GRADE_LABEL[grade]}`}
      </View>
    </View>
  )
}
