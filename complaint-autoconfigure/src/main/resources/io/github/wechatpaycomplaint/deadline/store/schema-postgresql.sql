-- Complaint ledger of the deadline watcher (PostgreSQL). Replace ${table} with your table name
-- (wechatpay.complaint.deadlines.jdbc.table-name, default wechatpay_complaint_ledger).
-- Instants are epoch milliseconds; published is a bitmask of the thresholds published in the round.
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
	CONSTRAINT ${table}_pk PRIMARY KEY (merchant_name, complaint_id)
);
CREATE INDEX IF NOT EXISTS ${table}_due ON ${table} (next_check_at, merchant_name, complaint_id);
CREATE INDEX IF NOT EXISTS ${table}_completed ON ${table} (completed_at);
CREATE INDEX IF NOT EXISTS ${table}_learned ON ${table} (learned_at);
