export {
  REMINDER_KINDS,
  REMINDER_KIND_SPECS,
  ALL_DAY_EVENT_REMINDER_TIME,
  ReminderError,
  reminderFireTimes,
  firesOnPublication,
  chooseOffsets,
  type ReminderKind,
  type ReminderKindSpec,
  type ReminderOffset,
  type ReminderFireTime,
  type ReminderErrorCode,
} from './kinds'
export {
  DEFAULT_TEMPLATE_CATALOGUE,
  PAYLOAD_KEYS,
  PLACEHOLDER_TEMPLATE_PREFIX,
  MAX_TEMPLATES_PER_REQUEST,
  FIELD_KEY_PATTERN,
  SubscribeRequestError,
  isPlaceholderTemplateId,
  subscribeRequestTemplateIds,
  type MessageTime,
  type ReminderPayloads,
  type SubscribeTemplate,
  type TemplateCatalogue,
  type TemplateField,
} from './templates'
export {
  parseTemplateCatalogue,
  templateCatalogueOverrideSchema,
  type TemplateCatalogueOverride,
  type TemplateCatalogueResult,
} from './template-config'
export {
  MessageDataError,
  THING_MAX_CHARS,
  buildSubscribeMessageData,
  formatMessageAmount,
  formatMessageDate,
  formatMessageTime,
  type MessageDataErrorCode,
  type SubscribeMessageData,
} from './message-data'
export {
  SUBSCRIBE_ERROR_REASONS,
  interpretSubscribeResult,
  type SubscribeInterpretation,
  type SubscribeOutcome,
  type TemplateDecision,
} from './subscribe-result'
export { planEventReminders, type EventReminderPlan } from './event-reminders'
export {
  TOLL_PERIOD_SUBJECT,
  allPublishedSubjects,
  changedPublishedSubjects,
  parsePublishedSubject,
  publishedFingerprint,
  publishedSubjectId,
  publishedSubjectTitle,
  type PublishedState,
  type PublishedSubject,
  type PublishedTopic,
} from './published-subjects'
