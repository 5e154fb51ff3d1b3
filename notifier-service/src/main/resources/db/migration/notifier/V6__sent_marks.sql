-- SENT marks journalled before they are folded into deliveries (decision 0313). A sender thread
-- inserts one small row here, committed on its own, after each server's 250 (the durable mark that
-- bounds a crash to one duplicate per sender thread), and folds its marks into the deliveries rows
-- in one transaction per poll (or per milestones.delivery.sent-marks-per-fold marks), deleting
-- them here. A claim treats a PENDING delivery with a mark as sent. Rows live seconds: the address
-- is here only until the fold (and an erasure pseudonymises it here too).
create table sent_marks (
    milestone_id varchar(128) not null,
    channel varchar(16) not null,
    recipient varchar(320) not null,
    sent_at timestamp with time zone not null,
    primary key (milestone_id, channel, recipient)
);
