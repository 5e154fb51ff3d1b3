-- Consent to be named to others when the teacher crosses a milestone (issue 14, decision 0105).
-- Existing teachers never gave it: false. Erasure sets it back to false with the personal columns.
ALTER TABLE teacher ADD COLUMN public_name BOOLEAN DEFAULT FALSE NOT NULL;
