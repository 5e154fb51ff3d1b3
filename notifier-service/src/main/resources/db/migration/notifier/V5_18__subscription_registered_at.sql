-- When the teacher behind a subscription registered (their contact record's event time; issue 18).
-- A TeacherErased on registrations-v2 may be read after the re-registration that followed it (the
-- two topics are read at their own pace): an erasure older than the registration it would remove
-- is stale, and the tombstone on teacher-contacts, in that topic's order, has erased already.
alter table subscriptions add column registered_at timestamp with time zone;
