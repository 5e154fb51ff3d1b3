-- Where a delivery can be found once done: a social post's URL (or id). E-mails leave it empty.
alter table deliveries add column reference varchar(500);
