-- The W3C trace context of the request that wrote the event, so the relay's send (hours later,
-- if Kafka was away) continues the same trace: a registration can be followed to its deliveries.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(64);
