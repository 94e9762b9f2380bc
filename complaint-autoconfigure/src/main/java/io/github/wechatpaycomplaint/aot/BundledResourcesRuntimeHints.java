package io.github.wechatpaycomplaint.aot;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateTrust;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Resource hints for the files the starter reads from its own jar: the Tenpay.com Root CA
 * that platform certificates are checked against, the SQL scripts of the de-duplication
 * table, the inbox and the complaint ledger, and the version that the {@code User-Agent}
 * names.
 */
class BundledResourcesRuntimeHints implements RuntimeHintsRegistrar {

	/** The scripts of {@code JdbcDeduplicationSchema}, one per database. */
	static final String SCHEMA_SCRIPTS = "io/github/wechatpaycomplaint/notification/store/schema-*.sql";

	/** The scripts of the JDBC inbox, one per database. */
	static final String INBOX_SCHEMA_SCRIPTS = "io/github/wechatpaycomplaint/notification/inbox/schema-*.sql";

	/** The scripts of the JDBC complaint ledger, one per database. */
	static final String LEDGER_SCHEMA_SCRIPTS = "io/github/wechatpaycomplaint/deadline/store/schema-*.sql";

	/** Read by {@code WechatPayUserAgent}. */
	static final String VERSION = "META-INF/wechatpay-complaint-version.properties";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources()
			.registerPattern(PlatformCertificateTrust.TENPAY_ROOT_CA_RESOURCE)
			.registerPattern(SCHEMA_SCRIPTS)
			.registerPattern(INBOX_SCHEMA_SCRIPTS)
			.registerPattern(LEDGER_SCHEMA_SCRIPTS)
			.registerPattern(VERSION);
	}

}
