-- 公布时提醒 (issue 13): a reminder of kind 'rule-published' watches a rule nobody has published
-- yet (a 2026 trade-in measure, a new 衢城畅行 period). It has no target moment until an operator
-- import publishes the rule, so target_at is null until then; the import queues its one delivery.
alter table reminders drop constraint if exists reminders_kind_check;
alter table reminders add constraint reminders_kind_check
  check (kind in ('round-opening', 'voucher-expiring', 'event-starting', 'rule-set-ending', 'rule-published'));
alter table reminders alter column target_at drop not null;
