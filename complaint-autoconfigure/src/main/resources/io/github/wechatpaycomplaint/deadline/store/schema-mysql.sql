-- Complaint ledger of the deadline watcher (MySQL 8, MariaDB 10.6+). Replace ${table} with your table name
-- (wechatpay.complaint.deadlines.jdbc.table-name, default wechatpay_complaint_ledger).
-- Instants are epoch milliseconds; published is a bitmask of the thresholds published in the round.
-- Binary collation: merchant names and complaint ids are compared exactly, as the application does.
CREATE TABLE IF NOT EXISTS ${table} (
	merchant_name VARCHAR(128) NOT NULL,
	complaint_id VARCHAR(128) NOT NULL,
	merchant_id VARCHAR(64) NOT NULL,
	learned_at BIGINT NOT NULL,
	round_number INT NOT NULL,
	round_start BIGINT,
	first_reply_at BIGINT,
	completed_at BIGINT,
	platform_service_requested_at BIGINT,
	published INT NOT NULL,
	next_check_at BIGINT,
	rules_fingerprint VARCHAR(16) NOT NULL,
	version BIGINT NOT NULL,
	PRIMARY KEY (merchant_name, complaint_id),
	INDEX ${table}_due (next_check_at, merchant_name, complaint_id),
	INDEX ${table}_completed (completed_at),
	INDEX ${table}_learned (learned_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
