-- De-duplication of WeChat Pay complaint notifications (MySQL and MariaDB). Replace ${table} with your table name
-- (wechatpay.complaint.notification.deduplication.jdbc.table-name, default wechatpay_complaint_notification).
CREATE TABLE IF NOT EXISTS ${table} (
	notification_id VARCHAR(64) NOT NULL PRIMARY KEY,
	claim_token VARCHAR(64) NOT NULL,
	state VARCHAR(16) NOT NULL,
	expires_at BIGINT NOT NULL,
	INDEX ${table}_expires_at (expires_at)
) ENGINE = InnoDB;
