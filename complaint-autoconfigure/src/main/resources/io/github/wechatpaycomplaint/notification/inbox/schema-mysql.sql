-- Inbox of durable complaint notification processing (MySQL 8, MariaDB 10.6+). Replace ${table} with your table name
-- (wechatpay.complaint.notification.inbox.jdbc.table-name, default wechatpay_complaint_inbox).
CREATE TABLE IF NOT EXISTS ${table} (
	seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	merchant_name VARCHAR(128) NOT NULL,
	notification_id VARCHAR(128) NOT NULL,
	merchant_id VARCHAR(64) NOT NULL,
	complaint_id VARCHAR(128) NOT NULL,
	event_type VARCHAR(128) NOT NULL,
	create_time VARCHAR(64) NOT NULL,
	create_time_ms BIGINT NOT NULL,
	summary TEXT NOT NULL,
	action_type VARCHAR(128) NOT NULL,
	resource_json TEXT NOT NULL,
	status VARCHAR(16) NOT NULL,
	attempts INT NOT NULL,
	recorded_at BIGINT NOT NULL,
	attempts_since BIGINT NOT NULL,
	next_attempt_at BIGINT NOT NULL,
	lease_until BIGINT NOT NULL,
	claim_token VARCHAR(64),
	last_error VARCHAR(512),
	UNIQUE KEY ${table}_key (merchant_name, notification_id),
	INDEX ${table}_due (status, next_attempt_at, seq),
	INDEX ${table}_complaint (merchant_name, complaint_id, status),
	INDEX ${table}_purge (status, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
