-- 意见反馈 from the H5 app (issue 15; the mini-program uses WeChat's own feedback button). What
-- the person wrote, an optional way to reach them, the page they came from and when. No account:
-- feedback is anonymous. Rows older than a year are purged (routes/feedback.ts, 隐私政策 says so).
create table if not exists feedback (
  id uuid primary key,
  content text not null check (char_length(content) between 5 and 500),
  contact text check (contact is null or char_length(contact) <= 50),
  page text check (page is null or char_length(page) <= 120),
  created_at timestamptz not null
);
create index if not exists feedback_created_idx on feedback (created_at);
