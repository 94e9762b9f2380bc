package io.github.wechatpaycomplaint.deadline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.wechatpaycomplaint.deadline.DeadlineRules;

/**
 * A short fingerprint of the rules a stored next check was computed with: a shared ledger
 * keeps it with each complaint, so that after a deployment that changed the rules the
 * complaints written under the old ones can be found and their next check recomputed.
 */
final class LedgerRulesFingerprint {

	private LedgerRulesFingerprint() {
	}

	/**
	 * The fingerprint of some rules: 8 hex digits of the SHA-256 of their durations in
	 * milliseconds.
	 * @param rules the rules
	 * @return the fingerprint
	 */
	static String of(DeadlineRules rules) {
		String durations = rules.firstReply().toMillis() + "/" + rules.resolution().toMillis() + "/"
				+ rules.firstReplyWarning().toMillis() + "/" + rules.resolutionWarning().toMillis();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(durations.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
