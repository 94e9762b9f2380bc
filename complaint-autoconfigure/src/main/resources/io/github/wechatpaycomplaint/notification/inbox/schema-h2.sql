-- Inbox of durable complaint notification processing (H2). Replace ${table} with your table name
-- (wechatpay.complaint.notification.inbox.jdbc.table-name, default wechatpay_complaint_inbox).
CREATE TABLE IF NOT EXISTS ${table} (
	seq BIGINT AUTO_INCREMENT PRIMARY KEY,
	merchant_name VARCHAR(128) NOT NULL,
	notification_id VARCHAR(128) NOT NULL,
	merchant_id VARCHAR(64) NOT NULL,
	complaint_id VARCHAR(128) NOT NULL,
	event_type VARCHAR(128) NOT NULL,
	create_time VARCHAR(64) NOT NULL,
	create_time_ms BIGINT NOT NULL,
	summary CLOB NOT NULL,
	action_type VARCHAR(128) NOT NULL,
	resource_json CLOB NOT NULL,
	status VARCHAR(16) NOT NULL,
	attempts INT NOT NULL,
	recorded_at BIGINT NOT NULL,
	attempts_since BIGINT NOT NULL,
	next_attempt_at BIGINT NOT NULL,
	lease_until BIGINT NOT NULL,
	claim_token VARCHAR(64),
	last_error VARCHAR(512),
	CONSTRAINT ${table}_key UNIQUE (merchant_name, notification_id)
);
CREATE INDEX IF NOT EXISTS ${table}_due ON ${table} (status, next_attempt_at, seq);
CREATE INDEX IF NOT EXISTS ${table}_complaint ON ${table} (merchant_name, complaint_id, status);
CREATE INDEX IF NOT EXISTS ${table}_purge ON ${table} (status, recorded_at);
