-- 衢城畅行到期提醒 (issue 14): a reminder of kind 'toll-period-ending' counts back from the last
-- day of the 衢城畅行 period in force, as 'rule-set-ending' does for a subsidy rule set.
alter table reminders drop constraint if exists reminders_kind_check;
alter table reminders add constraint reminders_kind_check
  check (kind in ('round-opening', 'voucher-expiring', 'event-starting', 'rule-set-ending', 'rule-published', 'toll-period-ending'));
