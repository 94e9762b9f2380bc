package io.github.wechatpaycomplaint.deadline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.wechatpaycomplaint.deadline.DeadlineRules;

/**
 * A short fingerprint of the deadline rules, stored with each complaint: its next check
 * time was computed with those rules, and a complaint written under other rules (the
 * warnings changed between two deployments) has its next check computed again.
 */
final class RulesFingerprint {

	private RulesFingerprint() {
	}

	/**
	 * The fingerprint of some rules.
	 * @param rules the rules
	 * @return 12 hexadecimal characters, the same for equal rules in every JVM
	 */
	static String of(DeadlineRules rules) {
		String text = rules.firstReply().toMillis() + "/" + rules.resolution().toMillis() + "/"
				+ rules.firstReplyWarning().toMillis() + "/" + rules.resolutionWarning().toMillis();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform has SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
