-- De-duplication of WeChat Pay complaint notifications. Replace ${table} with your table name
-- (wechatpay.complaint.notification.deduplication.jdbc.table-name, default wechatpay_complaint_notification).
CREATE TABLE IF NOT EXISTS ${table} (
	notification_id VARCHAR(64) NOT NULL PRIMARY KEY,
	claim_token VARCHAR(64) NOT NULL,
	state VARCHAR(16) NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ${table}_expires_at ON ${table} (expires_at);
