-- Names of registered teachers, from the compacted teacher-contacts topic (issue 14, decision 0105).
-- milestones names nobody; the notifier looks the name up here when it renders a mail, so an
-- erasure (a tombstone or TeacherErased) that deletes the row removes the name from everything
-- rendered afterwards. public_name: the teacher agreed to be named to others.
create table teacher_names (
    teacher_id varchar(128) primary key,
    display_name varchar(200) not null,
    public_name boolean not null,
    updated_at timestamp with time zone not null
);

-- Names copied from milestones before v2 were shown on the strength of consent to receive mail, not
-- to be named: they go. The crossing teacher's name now comes from teacher_names only.
update celebrated_milestones set crossed_by_name = null;
